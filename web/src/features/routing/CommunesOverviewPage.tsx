import { useMemo, useState } from 'react';
import { Alert, Badge, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommuneStat } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useAreas } from '../units/queries';
import { CHART_COLORS, monthLabel, Sparkline, StackedBars, TrendLine } from './charts';
import { useRoutingLabels } from './labels';
import { useCommunesOverview } from './queries';

const PERIODS = [3, 6, 12, 24];
/** 0.254 → 25.4 (percent, one decimal). */
const percent = (share: number) => Math.round(share * 1000) / 10;

/** "Tình hình cơ sở": what each commune PPC sent and how it was routed. */
export function CommunesOverviewPage() {
  const { t, i18n } = useTranslation();
  const labels = useRoutingLabels();
  const numberLocale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const areas = useAreas();
  const [months, setMonths] = useState(6);
  const overview = useCommunesOverview(months);
  const items = useMemo(() => overview.data?.items ?? [], [overview.data]);
  const monthList = useMemo(() => overview.data?.months ?? [], [overview.data]);

  const areaName = useMemo(() => {
    const m = new Map((areas.data?.items ?? []).map((a) => [a.code, a.name]));
    return (code: string | null) => (code ? (m.get(code) ?? code) : '');
  }, [areas.data]);

  const columns = useMemo<Column<CommuneStat>[]>(
    () => [
      { key: 'code', header: t('communeStats.code'), value: (r) => r.code, width: 90 },
      { key: 'name', header: t('communeStats.name'), value: (r) => r.name },
      { key: 'area', header: t('communeStats.area'), value: (r) => areaName(r.areaCode), width: 150 },
      { key: 'total', header: t('communeStats.total'), value: (r) => r.total, align: 'right', width: 110 },
      {
        key: 'returned',
        header: t('communeStats.returned'),
        value: (r) => percent(r.returnedShare),
        render: (r) => (
          <span style={{ color: r.returnedShare >= 0.3 ? CHART_COLORS.returned : undefined }}>
            {percent(r.returnedShare).toLocaleString(numberLocale)}
          </span>
        ),
        align: 'right',
        width: 120,
      },
      {
        key: 'advice',
        header: t('communeStats.advice'),
        value: (r) => percent(r.adviceShare),
        render: (r) => percent(r.adviceShare).toLocaleString(numberLocale),
        align: 'right',
        width: 150,
      },
      {
        key: 'topFields',
        header: t('communeStats.topFields'),
        value: (r) => r.topFields.map((f) => `${labels.field(f.code)} (${f.n})`).join(', '),
        render: (r) => (
          <Group gap={4}>
            {r.topFields.map((f) => (
              <Badge key={f.code} size="sm" variant="light">
                {labels.field(f.code)} · {f.n}
              </Badge>
            ))}
          </Group>
        ),
      },
      {
        key: 'trend',
        header: t('communeStats.trend'),
        value: (r) => r.trend.map((n, i) => `${monthLabel(monthList[i] ?? '')}: ${n}`).join('; '),
        render: (r) => <Sparkline values={r.trend} months={monthList} />,
        sortable: false,
        filterable: false,
        width: 130,
      },
    ],
    [t, labels, areaName, monthList, numberLocale],
  );

  const top = useMemo(
    () =>
      [...items]
        .filter((r) => r.total > 0)
        .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
        .slice(0, 15),
    [items],
  );
  const provinceTrend = useMemo(
    () => monthList.map((_, i) => items.reduce((sum, r) => sum + (r.trend[i] ?? 0), 0)),
    [items, monthList],
  );
  const anyDocs = items.some((r) => r.total > 0);

  return (
    <>
      <PageHeader title={t('communeStats.title')}>
        <Select
          aria-label={t('communeStats.period')}
          data={PERIODS.map((n) => ({ value: String(n), label: t('communeStats.periodOption', { count: n }) }))}
          value={String(months)}
          onChange={(v) => setMonths(Number(v ?? 6))}
          allowDeselect={false}
          w={200}
          data-testid="commune-stats-period"
        />
      </PageHeader>
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      <Stack gap="md">
        {overview.data && !anyDocs && (
          <Alert color="gray" data-testid="commune-stats-empty">
            {t('communeStats.noDocs')}
          </Alert>
        )}
        {anyDocs && (
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <StackedBars
              rows={top}
              title={t('communeStats.chartTop')}
              labels={{
                returned: t('communeStats.legendReturned'),
                advice: t('communeStats.legendAdvice'),
                other: t('communeStats.legendOther'),
              }}
              testId="commune-stats-chart"
            />
            <TrendLine
              months={monthList}
              values={provinceTrend}
              title={t('communeStats.provinceTrend')}
              testId="commune-stats-trend"
            />
          </SimpleGrid>
        )}
        <DataTable
          testId="commune-stats-table"
          rows={items}
          columns={columns}
          rowKey={(r) => r.unitId}
          loading={overview.isFetching}
          initialSort={{ key: 'total', dir: 'desc' }}
          countLabel={(count) => t('communeStats.count', { count })}
          filterPlaceholder={t('communeStats.filter')}
          exportName={t('communeStats.file')}
          sheetName={t('communeStats.sheet')}
          exportTitle={`${t('communeStats.title')} — ${t('communeStats.periodOption', { count: months })}`}
          minWidth={1100}
        />
      </Stack>
    </>
  );
}
