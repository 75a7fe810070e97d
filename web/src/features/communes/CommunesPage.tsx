import { useMemo } from 'react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import type { Unit } from '../../api/types';
import { useUnits } from '../units/queries';

const TYPE_COLOR: Record<string, string> = { xã: 'teal', phường: 'blue', 'đặc khu': 'grape' };

export function CommunesPage() {
  const { t } = useTranslation();
  const communes = useUnits('commune');

  const columns = useMemo<Column<Unit>[]>(
    () => [
      { key: 'code', header: t('communes.code'), value: (u) => u.code, width: 110 },
      { key: 'name', header: t('communes.name'), value: (u) => u.name },
      {
        key: 'type',
        header: t('communes.type'),
        value: (u) => u.type,
        render: (u) =>
          u.type ? (
            <Badge variant="light" color={TYPE_COLOR[u.type] ?? 'gray'}>
              {u.type}
            </Badge>
          ) : null,
        width: 140,
      },
      { key: 'area', header: t('communes.area'), value: (u) => u.areaName ?? u.areaCode },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('communes.title')} />
      {communes.isError && <QueryError error={communes.error} onRetry={() => void communes.refetch()} />}
      <DataTable
        testId="communes-table"
        rows={communes.data?.items ?? []}
        columns={columns}
        rowKey={(u) => u.id}
        loading={communes.isFetching}
        initialSort={{ key: 'code', dir: 'asc' }}
        countLabel={(count) => t('communes.count', { count })}
        filterPlaceholder={t('communes.filter')}
        exportName={t('communes.file')}
        sheetName={t('communes.sheet')}
        exportTitle={t('communes.title')}
      />
    </>
  );
}
