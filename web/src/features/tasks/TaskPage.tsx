import type { ReactNode } from 'react';
import { Anchor, Button, Grid, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useWorkT } from '../../i18n/work';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { FullPageLoader } from '../../components/FullPageLoader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/date';
import { documentPath, paths } from '../../routes/paths';
import type { TaskDetail, TaskReport } from './api';
import { DeadlineBadge, TaskStatusBadge } from './badges';
import { useTaskLabels } from './labels';
import { useTask } from './queries';
import { TaskActions } from './TaskActions';

export function TaskPage() {
  const { id = '' } = useParams();
  const t = useWorkT();
  const task = useTask(id);
  if (task.isPending) return <FullPageLoader />;
  if (task.isError) {
    const missing = isApiError(task.error) && (task.error.status === 404 || task.error.status === 400);
    return (
      <Stack align="flex-start" data-testid="task-missing">
        {missing ? (
          <Text>{t('task.notFound')}</Text>
        ) : (
          <QueryError error={task.error} onRetry={() => void task.refetch()} />
        )}
        <Button component={Link} to={paths.tasks} variant="light">
          {t('tasks.backToList')}
        </Button>
      </Stack>
    );
  }
  return <TaskView task={task.data} />;
}

const names = (xs: { name: string }[] | undefined) => (xs ?? []).map((x) => x.name).join('; ');

function TaskView({ task }: { task: TaskDetail }) {
  const t = useWorkT();
  const rows: [string, ReactNode, string][] = [];
  const add = (label: string, value: ReactNode, testId: string) => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value, testId]);
  };
  add(
    t('task.content'),
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {task.content}
    </Text>,
    'content',
  );
  if (task.sourceDocument) {
    add(
      t('task.source'),
      <Group gap={6}>
        <Anchor component={Link} to={documentPath(task.sourceDocument.id)} size="sm" data-testid="task-source-link">
          {task.sourceDocument.code || task.sourceDocument.subject || t('task.sourceDocument')}
        </Anchor>
        {task.sourceDocument.code && task.sourceDocument.subject && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {task.sourceDocument.subject}
          </Text>
        )}
      </Group>,
      'source',
    );
  }
  add(t('task.point'), task.sourcePoint, 'point');
  add(t('task.instruction'), task.instruction, 'instruction');
  add(t('task.leadUnit'), task.leadUnit?.name, 'leadUnit');
  add(t('task.leadUser'), task.leadUser?.name, 'leadUser');
  add(t('task.coUnits'), names(task.coUnits), 'coUnits');
  add(t('task.infoUnits'), names(task.infoUnits), 'infoUnits');
  add(
    t('task.deadline'),
    <DeadlineBadge
      deadline={task.deadline}
      state={task.deadlineState}
      recurring={task.recurring}
      testId="task-deadline"
    />,
    'deadline',
  );
  add(t('task.assignedBy'), task.assignedBy?.name, 'assignedBy');
  add(t('task.createdAt'), formatDateTime(task.createdAt).slice(0, 16), 'createdAt');
  add(t('task.completedAt'), task.completedAt ? formatDateTime(task.completedAt).slice(0, 16) : null, 'completedAt');
  add(t('task.result'), task.result, 'result');

  return (
    <Stack gap="md" data-testid="task-page" data-task-id={task.id} data-status={task.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Anchor component={Link} to={paths.tasks} size="sm">
            ← {t('tasks.title')}
          </Anchor>
          <Title order={2} data-testid="page-title" lineClamp={2}>
            {t('task.title')}
          </Title>
          <Group gap="xs">
            <TaskStatusBadge status={task.status} onTime={task.onTime} />
            <DeadlineBadge deadline={task.deadline} state={task.deadlineState} recurring={task.recurring} />
          </Group>
        </Stack>
        <TaskActions task={task} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Table variant="vertical" withTableBorder layout="fixed" data-testid="task-meta">
                <Table.Tbody>
                  {rows.map(([label, value, testId]) => (
                    <Table.Tr key={testId}>
                      <Table.Th w={180}>{label}</Table.Th>
                      <Table.Td data-testid={`task-${testId}`}>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Reports reports={task.reports ?? []} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The task's history: who did what and when, with the status reports and their percentages. */
function Reports({ reports }: { reports: TaskReport[] }) {
  const t = useWorkT();
  const labels = useTaskLabels();
  const last = [...reports].reverse().find((r) => typeof r.percent === 'number')?.percent ?? null;
  return (
    <Paper withBorder p="md" data-testid="task-reports">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('task.history')}</Title>
        {last !== null && (
          <Group gap="xs" wrap="nowrap" data-testid="task-percent" data-percent={last}>
            <Progress value={last} w={140} color={last >= 100 ? 'green' : 'blue'} />
            <Text size="sm">{last}%</Text>
          </Group>
        )}
      </Group>
      {!reports.length ? (
        <Text size="sm" c="dimmed">
          {t('task.noReports')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="task-trace">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t('ui.traceTime')}</Table.Th>
              <Table.Th>{t('ui.traceActor')}</Table.Th>
              <Table.Th>{t('ui.traceAction')}</Table.Th>
              <Table.Th>{t('ui.traceDetail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.map((r, i) => (
              <Table.Tr key={`${r.at}-${i}`} data-testid="trace-row" data-action={r.kind}>
                <Table.Td>{formatDateTime(r.at).slice(0, 16)}</Table.Td>
                <Table.Td>{r.userName}</Table.Td>
                <Table.Td>
                  {labels.step(r.kind)}
                  {typeof r.percent === 'number' && r.kind === 'progress' ? ` (${r.percent}%)` : ''}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
