import { useMemo, useState } from 'react';
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import type { Assignment } from '../../api/types';
import { formatDate, todayIso } from '../../lib/date';
import { can, useUser } from '../auth/session';
import { AssignmentFormModal, type AssignmentTarget } from './AssignmentFormModal';
import { AssignmentHistoryModal } from './AssignmentHistoryModal';
import { BadgeList } from './BadgeList';
import { useAssignments } from './queries';

const agencyLabel = (a: Assignment['agencies'][number]) => a.shortName || a.name;

export function AssignmentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canEdit = can(user, 'assignments.write');
  const [date, setDate] = useState(todayIso);
  const assignments = useAssignments(date);
  const [editing, setEditing] = useState<AssignmentTarget | null>(null);
  const [historyOf, setHistoryOf] = useState<Assignment['leader'] | null>(null);

  const columns = useMemo<Column<Assignment>[]>(() => {
    const cols: Column<Assignment>[] = [
      {
        key: 'leader',
        header: t('assignments.leader'),
        value: (a) => a.leader.fullName,
        render: (a) => (
          <div>
            <Text size="sm" fw={600} data-testid="assignment-leader-name">
              {a.leader.fullName}
            </Text>
            <Text size="xs" c="dimmed">
              {a.leader.position}
            </Text>
          </div>
        ),
      },
      { key: 'position', header: t('assignments.position'), value: (a) => a.leader.position, hidden: true },
      {
        key: 'fields',
        header: t('assignments.fields'),
        value: (a) => a.fields.map((f) => f.name).join(', '),
        render: (a) => (
          <BadgeList
            items={a.fields.map((f) => ({ key: f.code, label: f.name }))}
            color="blue"
            testId="assignment-fields"
          />
        ),
      },
      {
        key: 'areas',
        header: t('assignments.areas'),
        value: (a) => a.areas.map((x) => x.name).join(', '),
        render: (a) => (
          <BadgeList
            items={a.areas.map((x) => ({ key: x.code, label: x.name }))}
            color="teal"
            testId="assignment-areas"
          />
        ),
      },
      {
        key: 'agencies',
        header: t('assignments.agencies'),
        value: (a) => a.agencies.map(agencyLabel).join(', '),
        render: (a) => (
          <BadgeList
            items={a.agencies.map((x) => ({ key: x.id, label: agencyLabel(x) }))}
            color="grape"
            testId="assignment-agencies"
          />
        ),
      },
      {
        key: 'validFrom',
        header: t('assignments.validFrom'),
        value: (a) => a.validFrom,
        render: (a) => <span data-testid="assignment-valid-from">{formatDate(a.validFrom)}</span>,
        width: 110,
      },
      {
        key: 'actions',
        header: t('common.actions'),
        value: () => '',
        sortable: false,
        filterable: false,
        exportable: false,
        render: (a) => (
          <Group gap={4} wrap="nowrap">
            {canEdit && (
              <Button
                size="compact-xs"
                onClick={() => setEditing({ leader: a.leader, current: a })}
                data-testid="assignment-edit"
              >
                {t('assignments.edit')}
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => setHistoryOf(a.leader)}
              data-testid="assignment-history"
            >
              {t('assignments.history')}
            </Button>
          </Group>
        ),
      },
    ];
    return cols;
  }, [t, canEdit]);

  return (
    <>
      <PageHeader title={t('assignments.title')}>
        {canEdit && (
          <Button
            variant="light"
            onClick={() => setEditing({ leader: null, current: null })}
            data-testid="assignment-create"
          >
            {t('assignments.create')}
          </Button>
        )}
      </PageHeader>
      {assignments.isError && <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />}
      <DataTable
        testId="assignments-table"
        rows={assignments.data?.items ?? []}
        columns={columns}
        rowKey={(a) => a.leader.id}
        rowAttributes={(a) => ({ 'data-leader-name': a.leader.fullName })}
        loading={assignments.isFetching}
        countLabel={(count) => t('assignments.count', { count })}
        filterPlaceholder={t('assignments.filter')}
        exportName={`${t('assignments.file')}-${date}`}
        sheetName={t('assignments.sheet')}
        exportTitle={`${t('assignments.title')} — ${formatDate(date)}`}
        minWidth={1000}
        toolbar={
          <TextInput
            type="date"
            label={t('assignments.date')}
            description={formatDate(date)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value || todayIso())}
            w={180}
            data-testid="assignments-date"
          />
        }
      />
      <AssignmentFormModal
        target={editing}
        defaultDate={date}
        onClose={() => setEditing(null)}
        onSaved={(validFrom) => {
          setEditing(null);
          // Show the table at a date where the new assignment is in force.
          if (validFrom > date) setDate(validFrom);
        }}
      />
      <AssignmentHistoryModal leader={historyOf} onClose={() => setHistoryOf(null)} />
    </>
  );
}
