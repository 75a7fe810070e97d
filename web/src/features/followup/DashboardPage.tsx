import { useMemo, useState } from 'react';
import { Anchor, Badge, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useWorkT } from '../../i18n/work';
import { Link } from 'react-router-dom';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { paths } from '../../routes/paths';
import { rateToPercent, useFollowupOverview, type LeaderFollowup, type UnitFollowup } from './api';
import { HBarChart, LineChart } from './charts';

/** "2026-03" → "03/2026". */
const monthLabel = (ym: string) => (/^\d{4}-\d{2}$/.test(ym) ? `${ym.slice(5, 7)}/${ym.slice(0, 4)}` : ym);

function RateBadge({ rate }: { rate: number | null }) {
  if (rate === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const color = rate >= 90 ? 'green' : rate >= 70 ? 'yellow' : 'red';
  return (
    <Badge color={color} variant="light" data-testid="on-time-rate" data-rate={rate}>
      {rate}%
    </Badge>
  );
}

const tasksLink = (query: Record<string, string>) => `${paths.tasks}?${new URLSearchParams(query).toString()}`;

/** "Bảng điều khiển lãnh đạo": overdue by unit, on-time trend, workload by department, and the per-unit table. */
export function DashboardPage() {
  const t = useWorkT();
  const [months, setMonths] = useState(6);
  const overview = useFollowupOverview(months);
  const data = overview.data;

  const overdueBars = useMemo(
    () =>
      (data?.byUnit ?? [])
        .filter((u) => u.overdue > 0)
        .sort((a, b) => b.overdue - a.overdue)
        .slice(0, 15)
        .map((u) => ({ key: u.unitId, label: u.name, value: u.overdue })),
    [data],
  );
  const workloadBars = useMemo(
    () =>
      (data?.workloadByDepartment ?? [])
        .slice()
        .sort((a, b) => b.open - a.open)
        .map((u) => ({ key: u.unitId, label: u.name, value: u.open })),
    [data],
  );
  const trend = useMemo(
    () =>
      (data?.trend ?? []).map((p) => ({
        label: monthLabel(p.month),
        value: rateToPercent(p.onTimeRate),
        note: t('dashboard.doneCount', { count: p.done }),
      })),
    [data, t],
  );

  const totals = useMemo(() => {
    const rows = data?.byUnit ?? [];
    const sum = (k: keyof UnitFollowup) => rows.reduce((s, r) => s + (Number(r[k]) || 0), 0);
    const done = sum('doneOnTime') + sum('doneLate');
    return {
      open: sum('open'),
      overdue: sum('overdue'),
      nearDue: sum('nearDue'),
      rate: done ? Math.round((sum('doneOnTime') / done) * 100) : null,
    };
  }, [data]);

  const unitColumns = useMemo<Column<UnitFollowup>[]>(
    () => [
      {
        key: 'name',
        header: t('dashboard.unit'),
        value: (r) => r.name,
        render: (r) => (
          <Anchor component={Link} to={tasksLink({ unitId: r.unitId })} size="sm">
            {r.name}
          </Anchor>
        ),
      },
      { key: 'open', header: t('dashboard.open'), value: (r) => r.open, align: 'right', width: 100 },
      {
        key: 'overdue',
        header: t('dashboard.overdue'),
        value: (r) => r.overdue,
        render: (r) =>
          r.overdue ? (
            <Anchor component={Link} to={tasksLink({ unitId: r.unitId, due: 'overdue' })} size="sm" c="red.7" fw={700}>
              {r.overdue}
            </Anchor>
          ) : (
            0
          ),
        align: 'right',
        width: 100,
      },
      {
        key: 'nearDue',
        header: t('dashboard.nearDue'),
        value: (r) => r.nearDue,
        render: (r) =>
          r.nearDue ? (
            <Text size="sm" c="orange.7" fw={600}>
              {r.nearDue}
            </Text>
          ) : (
            0
          ),
        align: 'right',
        width: 110,
      },
      { key: 'doneOnTime', header: t('dashboard.doneOnTime'), value: (r) => r.doneOnTime, align: 'right', width: 110 },
      { key: 'doneLate', header: t('dashboard.doneLate'), value: (r) => r.doneLate, align: 'right', width: 100 },
      {
        key: 'onTimeRate',
        header: t('dashboard.onTimeRate'),
        value: (r) => rateToPercent(r.onTimeRate),
        render: (r) => <RateBadge rate={rateToPercent(r.onTimeRate)} />,
        align: 'right',
        width: 120,
      },
    ],
    [t],
  );

  const leaderColumns = useMemo<Column<LeaderFollowup>[]>(
    () => [
      { key: 'name', header: t('dashboard.leader'), value: (r) => r.name },
      { key: 'open', header: t('dashboard.open'), value: (r) => r.open ?? null, align: 'right', width: 100 },
      { key: 'overdue', header: t('dashboard.overdue'), value: (r) => r.overdue ?? null, align: 'right', width: 100 },
      { key: 'nearDue', header: t('dashboard.nearDue'), value: (r) => r.nearDue ?? null, align: 'right', width: 110 },
      {
        key: 'onTimeRate',
        header: t('dashboard.onTimeRate'),
        value: (r) => rateToPercent(r.onTimeRate),
        render: (r) => <RateBadge rate={rateToPercent(r.onTimeRate)} />,
        align: 'right',
        width: 120,
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('dashboard.title')}>
        <Select
          aria-label={t('dashboard.period')}
          data={[3, 6, 12].map((m) => ({ value: String(m), label: t('dashboard.months', { count: m }) }))}
          value={String(months)}
          onChange={(v) => v && setMonths(Number(v))}
          allowDeselect={false}
          w={200}
          data-testid="dashboard-months"
        />
      </PageHeader>
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="dashboard-totals">
          <Stat label={t('dashboard.onTimeRate')} value={totals.rate === null ? '—' : `${totals.rate}%`} color="blue" />
          <Stat label={t('dashboard.open')} value={totals.open} color="blue" />
          <Stat label={t('dashboard.overdue')} value={totals.overdue} color="red" />
          <Stat label={t('dashboard.nearDue')} value={totals.nearDue} color="orange" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <HBarChart
            title={t('dashboard.overdueByUnit')}
            bars={overdueBars}
            color="var(--mantine-color-red-6)"
            empty={t('dashboard.noOverdue')}
            testId="chart-overdue"
          />
          <LineChart title={t('dashboard.trend')} points={trend} empty={t('dashboard.noDone')} testId="chart-trend" />
          <HBarChart
            title={t('dashboard.workload')}
            bars={workloadBars}
            color="var(--mantine-color-blue-5)"
            empty={t('ui.noData')}
            testId="chart-workload"
          />
        </SimpleGrid>
        <Title order={4}>{t('dashboard.byUnit')}</Title>
        <DataTable
          testId="followup-units"
          rows={data?.byUnit ?? []}
          columns={unitColumns}
          rowKey={(r) => r.unitId}
          loading={overview.isFetching}
          initialSort={{ key: 'overdue', dir: 'desc' }}
          countLabel={(count) => t('dashboard.unitCount', { count })}
          exportName={t('dashboard.file')}
          sheetName={t('dashboard.sheet')}
          exportTitle={t('dashboard.byUnit')}
          minWidth={800}
        />
        {(data?.byLeader?.length ?? 0) > 0 && (
          <>
            <Title order={4}>{t('dashboard.byLeader')}</Title>
            <DataTable
              testId="followup-leaders"
              rows={data?.byLeader ?? []}
              columns={leaderColumns}
              rowKey={(r) => r.leaderId ?? r.id ?? r.name}
              countLabel={(count) => t('dashboard.leaderCount', { count })}
              exportName={t('dashboard.fileLeaders')}
              sheetName={t('dashboard.sheetLeaders')}
              exportTitle={t('dashboard.byLeader')}
              minWidth={600}
            />
          </>
        )}
      </Stack>
    </>
  );
}

function Stat({ label, value, color }: { label: string; value: number | string; color: string }) {
  return (
    <Group
      p="md"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderTop: `4px solid var(--mantine-color-${color}-6)`,
        borderRadius: 4,
        background: 'white',
      }}
    >
      <Stack gap={0}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fz={28} fw={700}>
          {value}
        </Text>
      </Stack>
    </Group>
  );
}
