import { useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Button,
  CloseButton,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useWorkT } from '../../i18n/work';
import { Link, useSearchParams } from 'react-router-dom';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/date';
import { paramUpdater } from '../../lib/searchParams';
import { documentPath, paths, taskPath } from '../../routes/paths';
import { can, useUser } from '../auth/session';
import { DUE_FILTERS, TASK_STATUSES, tasksApi, type DueFilter, type Task, type TaskQuery } from './api';
import { DeadlineBadge, TaskStatusBadge } from './badges';
import { CreateTaskModal } from './CreateTaskModal';
import { useTaskLabels } from './labels';
import { usePeopleOptions, useUnitOptions } from './options';
import { useTasks } from './queries';
import './tasks.css';

const PAGE_SIZES = ['20', '50', '100', '200'];
const EXPORT_MAX = 5000;

function queryFromParams(p: URLSearchParams): TaskQuery {
  const str = (k: string) => p.get(k) || undefined;
  const num = (k: string) => {
    const v = Number(p.get(k));
    return Number.isFinite(v) && v > 0 ? v : undefined;
  };
  const due = str('due');
  return {
    status: str('status'),
    unitId: str('unitId'),
    leaderId: str('leaderId'),
    due: due && (DUE_FILTERS as readonly string[]).includes(due) ? (due as DueFilter) : undefined,
    q: str('q'),
    page: num('page') ?? 1,
    pageSize: num('pageSize') ?? 50,
  };
}

const rowClass = (task: Task) =>
  task.status === 'done' || task.status === 'cancelled'
    ? undefined
    : task.deadlineState === 'overdue'
      ? 'dh-row-overdue'
      : task.deadlineState === 'near'
        ? 'dh-row-near'
        : undefined;

/** "Nhiệm vụ": every task with filters, deadline colours and Excel export. */
export function TasksPage() {
  const t = useWorkT();
  const user = useUser();
  const labels = useTaskLabels();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const [search, setSearch] = useState(query.q ?? '');
  const [debounced] = useDebouncedValue(search, 350);
  const [creating, setCreating] = useState(false);
  const list = useTasks(query);
  const units = useUnitOptions();
  const leaders = usePeopleOptions(null, true);

  const update = paramUpdater(setParams);

  useEffect(() => {
    if ((debounced.trim() || undefined) !== query.q) update({ q: debounced.trim() });
  }, [debounced]);

  const columns = useMemo<Column<Task>[]>(
    () => [
      {
        key: 'deadline',
        header: t('task.deadline'),
        value: (x) => x.deadline ?? (x.recurring ? t('task.recurring') : ''),
        render: (x) => (
          <DeadlineBadge
            deadline={x.deadline}
            state={x.status === 'done' ? 'none' : x.deadlineState}
            recurring={x.recurring}
            testId="task-row-deadline"
          />
        ),
        width: 150,
      },
      {
        key: 'content',
        header: t('task.content'),
        value: (x) => x.content,
        render: (x) => (
          <Anchor component={Link} to={taskPath(x.id)} size="sm" lineClamp={3} miw={240} data-testid="task-link">
            {x.content}
          </Anchor>
        ),
      },
      { key: 'leadUnit', header: t('task.leadUnit'), value: (x) => x.leadUnit?.name ?? '', width: 170 },
      { key: 'leadUser', header: t('task.leadUser'), value: (x) => x.leadUser?.name ?? '', width: 150 },
      {
        key: 'coUnits',
        header: t('task.coUnits'),
        value: (x) => x.coUnits.map((u) => u.name).join('; '),
        hidden: true,
      },
      { key: 'instruction', header: t('task.instruction'), value: (x) => x.instruction ?? '', hidden: true },
      { key: 'assignedBy', header: t('task.assignedBy'), value: (x) => x.assignedBy?.name ?? '', hidden: true },
      {
        key: 'source',
        header: t('task.source'),
        value: (x) =>
          [
            x.sourceDocument?.code || x.sourceDocument?.subject,
            x.sourcePoint && `${t('task.pointShort')} ${x.sourcePoint}`,
          ]
            .filter(Boolean)
            .join(', '),
        render: (x) =>
          x.sourceDocument ? (
            <Anchor component={Link} to={documentPath(x.sourceDocument.id)} size="sm" lineClamp={2}>
              {x.sourceDocument.code || x.sourceDocument.subject}
              {x.sourcePoint ? ` (${t('task.pointShort')} ${x.sourcePoint})` : ''}
            </Anchor>
          ) : x.sourcePoint ? (
            `${t('task.pointShort')} ${x.sourcePoint}`
          ) : (
            ''
          ),
        width: 150,
      },
      {
        key: 'status',
        header: t('ui.status'),
        value: (x) => labels.status(x.status),
        render: (x) => <TaskStatusBadge status={x.status} onTime={x.onTime} />,
        width: 150,
      },
      {
        key: 'completedAt',
        header: t('task.completedAt'),
        value: (x) => (x.completedAt ? formatDate(x.completedAt) : ''),
        width: 110,
      },
      {
        key: 'onTime',
        header: t('task.onTimeCol'),
        value: (x) => (x.onTime === null || x.onTime === undefined ? '' : x.onTime ? t('task.onTime') : t('task.late')),
        hidden: true,
      },
    ],
    [t, labels],
  );

  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const total = Math.max(list.data?.total ?? 0, (page - 1) * pageSize + (list.data?.items.length ?? 0));
  const pages = Math.max(1, Math.ceil(total / pageSize));

  const exportAll = async (): Promise<Task[]> => {
    if (total > EXPORT_MAX)
      notifications.show({ color: 'yellow', message: t('tasks.exportTooMany', { max: EXPORT_MAX }) });
    const out: Task[] = [];
    for (let p = 1; out.length < Math.min(total, EXPORT_MAX); p++) {
      const r = await tasksApi.list({ ...query, page: p, pageSize: 200 });
      out.push(...r.items);
      if (r.items.length < 200) break;
    }
    return out.slice(0, EXPORT_MAX);
  };

  const hasFilters = ['q', 'status', 'unitId', 'leaderId', 'due'].some((k) => params.get(k));

  return (
    <>
      <PageHeader title={t('tasks.title')}>
        {can(user, 'tasks.create') && (
          <>
            <Button component={Link} to={paths.taskImport} variant="light" data-testid="tasks-import">
              {t('importConcl.title')}
            </Button>
            <Button onClick={() => setCreating(true)} data-testid="tasks-create">
              {t('tasks.create')}
            </Button>
          </>
        )}
      </PageHeader>
      <Stack gap="sm">
        <Paper withBorder p="sm" data-testid="task-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <TextInput
              label={t('tasks.searchLabel')}
              placeholder={t('tasks.search')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') update({ q: search.trim() });
              }}
              rightSection={search ? <CloseButton size="sm" onClick={() => setSearch('')} /> : null}
              data-testid="tasks-search"
            />
            <Select
              label={t('ui.status')}
              placeholder={t('ui.all')}
              data={TASK_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
              value={query.status ?? null}
              onChange={(v) => update({ status: v })}
              clearable
              data-testid="tasks-status"
            />
            <Select
              label={t('task.leadUnit')}
              placeholder={t('ui.all')}
              data={units.data}
              value={query.unitId ?? null}
              onChange={(v) => update({ unitId: v })}
              searchable
              clearable
              data-testid="tasks-unit"
            />
            <Select
              label={t('task.leader')}
              placeholder={t('ui.all')}
              data={leaders.data}
              value={query.leaderId ?? null}
              onChange={(v) => update({ leaderId: v })}
              searchable
              clearable
              data-testid="tasks-leader"
            />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            <SegmentedControl
              value={query.due ?? 'all'}
              onChange={(v) => update({ due: v === 'all' ? null : v })}
              data={DUE_FILTERS.map((d) => ({ value: d, label: t(`tasks.due.${d}`) }))}
              data-testid="tasks-due"
            />
            {hasFilters && (
              <Button
                variant="subtle"
                onClick={() => {
                  setSearch('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
                data-testid="tasks-reset"
              >
                {t('ui.resetFilters')}
              </Button>
            )}
          </Group>
        </Paper>
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <DataTable
          testId="tasks-table"
          rows={list.data?.items ?? []}
          columns={columns}
          rowKey={(x) => x.id}
          rowClassName={rowClass}
          rowAttributes={(x) => ({ 'data-deadline-state': x.deadlineState, 'data-status': x.status })}
          loading={list.isFetching}
          showFilter={false}
          countLabel={(count) => t('tasks.count', { count })}
          countText={t('tasks.count', { count: total })}
          exportName={t('tasks.file')}
          sheetName={t('tasks.sheet')}
          exportTitle={t('tasks.title')}
          exportRows={exportAll}
          minWidth={1000}
        />
        <Group justify="space-between">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('tasks.pageSize')}
            </Text>
            <Select
              data={PAGE_SIZES}
              value={String(pageSize)}
              onChange={(v) => v && update({ pageSize: v })}
              allowDeselect={false}
              w={90}
              size="xs"
              data-testid="tasks-page-size"
            />
          </Group>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => update({ page: p }, false)}
              data-testid="tasks-pages"
            />
          )}
        </Group>
      </Stack>
      <CreateTaskModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
