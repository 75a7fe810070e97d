import { useMemo, useState } from 'react';
import { Badge, Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import type { Person } from '../../api/types';
import { can, useUser } from '../auth/session';
import { useUnits } from '../units/queries';
import { usePeople } from './queries';
import { PersonFormModal } from './PersonFormModal';
import { useRoleLabel } from './labels';

const CLEARANCE_COLOR = ['gray', 'yellow', 'orange', 'red'] as const;

export function PeoplePage() {
  const { t } = useTranslation();
  const user = useUser();
  const canEdit = can(user, 'users.write');
  const [unitId, setUnitId] = useState<string | null>(null);
  const people = usePeople(unitId);
  const units = useUnits();
  const roleLabel = useRoleLabel();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);

  const unitOptions = useMemo(
    () => (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );

  const columns = useMemo<Column<Person>[]>(() => {
    const cols: Column<Person>[] = [
      { key: 'fullName', header: t('people.fullName'), value: (p) => p.fullName },
      { key: 'username', header: t('people.username'), value: (p) => p.username },
      { key: 'position', header: t('people.position'), value: (p) => p.position },
      { key: 'unit', header: t('people.unit'), value: (p) => p.unitName },
      {
        key: 'roles',
        header: t('people.roles'),
        value: (p) => p.roles.map(roleLabel).join(', '),
        render: (p) => (
          <Group gap={4}>
            {p.roles.map((r) => (
              <Badge key={r} variant="light" size="sm">
                {roleLabel(r)}
              </Badge>
            ))}
          </Group>
        ),
      },
      {
        key: 'clearance',
        header: t('people.clearance'),
        value: (p) => t(`clearance.${p.clearance}`),
        render: (p) => (
          <Badge variant={p.clearance ? 'filled' : 'outline'} color={CLEARANCE_COLOR[p.clearance] ?? 'gray'} size="sm">
            {t(`clearance.${p.clearance}`)}
          </Badge>
        ),
      },
      {
        key: 'active',
        header: t('common.status'),
        value: (p) => (p.active ? t('common.active') : t('common.inactive')),
        render: (p) => (
          <Badge variant="dot" color={p.active ? 'green' : 'gray'} size="sm">
            {p.active ? t('common.active') : t('common.inactive')}
          </Badge>
        ),
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
        render: (p) => (
          <Button size="compact-xs" variant="light" onClick={() => setEditing(p)} data-testid="person-edit">
            {t('common.edit')}
          </Button>
        ),
      });
    }
    return cols;
  }, [t, roleLabel, canEdit]);

  return (
    <>
      <PageHeader title={t('people.title')}>
        {canEdit && (
          <Button onClick={() => setEditing('new')} data-testid="person-create">
            {t('people.create')}
          </Button>
        )}
      </PageHeader>
      {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
      <DataTable
        testId="people-table"
        rows={people.data?.items ?? []}
        columns={columns}
        rowKey={(p) => p.id}
        loading={people.isFetching}
        initialSort={{ key: 'unit', dir: 'asc' }}
        countLabel={(count) => t('people.count', { count })}
        filterPlaceholder={t('people.filter')}
        exportName={t('people.file')}
        sheetName={t('people.sheet')}
        exportTitle={t('people.title')}
        minWidth={900}
        toolbar={
          <Select
            placeholder={t('people.allUnits')}
            aria-label={t('people.unit')}
            data={unitOptions}
            value={unitId}
            onChange={setUnitId}
            searchable
            clearable
            w={280}
            data-testid="people-unit-filter"
          />
        }
      />
      <PersonFormModal
        opened={editing !== null}
        person={editing === 'new' ? null : editing}
        unitOptions={unitOptions}
        defaultUnitId={unitId}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
