import { useMemo, useState } from 'react';
import { Badge, Button, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import type { Quota } from '../../api/types';
import { currentYear } from '../../lib/date';
import { can, useUser } from '../auth/session';
import { useUnits } from '../units/queries';
import { actualTotal, approvedTotal, useQuotas } from './queries';
import { QuotaChart } from './QuotaChart';
import { QuotaFormModal } from './QuotaFormModal';

export function QuotasPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canEdit = can(user, 'quotas.write');
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const quotas = useQuotas(year);
  const units = useUnits();
  const [editing, setEditing] = useState<Quota | 'new' | null>(null);
  const rows = quotas.data?.items ?? [];

  const years = useMemo(() => {
    const out: string[] = [];
    for (let y = thisYear + 1; y >= thisYear - 5; y--) out.push(String(y));
    return out;
  }, [thisYear]);

  const unitOptions = useMemo(
    () => (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );

  const columns = useMemo<Column<Quota>[]>(() => {
    const num = (key: keyof Quota & string, value: (q: Quota) => number): Column<Quota> => ({
      key,
      header: t(`quotas.${key}` as 'quotas.approvedCivil'),
      value,
      align: 'right',
      width: 120,
    });
    const cols: Column<Quota>[] = [
      {
        key: 'unitName',
        header: t('quotas.unit'),
        value: (q) => q.unitName,
        render: (q) => (
          <Text size="sm" fw={q.overQuota ? 600 : 400} c={q.overQuota ? 'red.8' : undefined}>
            {q.unitName}
          </Text>
        ),
      },
      num('approvedCivil', (q) => q.approvedCivil),
      num('actualCivil', (q) => q.actualCivil),
      num('approvedPublic', (q) => q.approvedPublic),
      num('actualPublic', (q) => q.actualPublic),
      { key: 'approved', header: t('quotas.approved'), value: approvedTotal, align: 'right', width: 100 },
      { key: 'actual', header: t('quotas.actual'), value: actualTotal, align: 'right', width: 100 },
      {
        key: 'status',
        header: t('common.status'),
        value: (q) => (q.overQuota ? t('quotas.overQuota') : t('quotas.withinQuota')),
        render: (q) =>
          q.overQuota ? (
            <Badge color="red" variant="filled" size="sm" data-testid="quota-over-badge">
              {t('quotas.overQuota')}
            </Badge>
          ) : (
            <Badge color="green" variant="light" size="sm">
              {t('quotas.withinQuota')}
            </Badge>
          ),
        width: 140,
      },
    ];
    if (canEdit) {
      cols.push({
        key: 'actions',
        header: t('common.actions'),
        value: () => '',
        sortable: false,
        filterable: false,
        exportable: false,
        render: (q) => (
          <Button size="compact-xs" variant="light" onClick={() => setEditing(q)} data-testid="quota-edit">
            {t('common.edit')}
          </Button>
        ),
      });
    }
    return cols;
  }, [t, canEdit]);

  return (
    <>
      <PageHeader title={t('quotas.title')}>
        {canEdit && (
          <Button onClick={() => setEditing('new')} data-testid="quota-create">
            {t('quotas.create')}
          </Button>
        )}
      </PageHeader>
      {quotas.isError && <QueryError error={quotas.error} onRetry={() => void quotas.refetch()} />}
      <Stack>
        <DataTable
          testId="quotas-table"
          rows={rows}
          columns={columns}
          rowKey={(q) => q.unitId}
          rowClassName={(q) => (q.overQuota ? 'dh-row-over-quota' : undefined)}
          rowAttributes={(q) => ({ 'data-over-quota': String(q.overQuota) })}
          loading={quotas.isFetching}
          countLabel={(count) => t('quotas.count', { count })}
          filterPlaceholder={t('quotas.filter')}
          exportName={`${t('quotas.file')}-${year}`}
          sheetName={t('quotas.sheet')}
          exportTitle={`${t('quotas.title')} ${year}`}
          minWidth={1000}
          toolbar={
            <Select
              label={t('quotas.year')}
              data={years}
              value={String(year)}
              onChange={(v) => v && setYear(Number(v))}
              allowDeselect={false}
              w={110}
              data-testid="quotas-year"
            />
          }
        />
        {rows.length > 0 && <QuotaChart quotas={rows} />}
      </Stack>
      <QuotaFormModal target={editing} year={year} unitOptions={unitOptions} onClose={() => setEditing(null)} />
    </>
  );
}
