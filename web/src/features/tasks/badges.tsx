import { Badge, Group, Text } from '@mantine/core';
import { useWorkT } from '../../i18n/work';
import { formatDate } from '../../lib/date';
import { DEADLINE_COLOR, STATUS_COLOR, useTaskLabels } from './labels';

/** The deadline as dd/MM/yyyy coloured by its state (quá hạn red, sắp đến hạn orange). */
export function DeadlineBadge({
  deadline,
  state,
  recurring,
  testId,
}: {
  deadline: string | null;
  state: string;
  recurring?: boolean;
  testId?: string;
}) {
  const t = useWorkT();
  const labels = useTaskLabels();
  if (!deadline) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId} data-deadline-state={state}>
        {recurring ? t('task.recurring') : t('task.noDeadline')}
      </Text>
    );
  }
  const color = DEADLINE_COLOR[state] ?? 'gray';
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId} data-deadline-state={state}>
      <Text
        size="sm"
        fw={state === 'overdue' ? 700 : 500}
        c={state === 'ok' || state === 'none' ? undefined : `${color}.8`}
      >
        {formatDate(deadline)}
      </Text>
      {(state === 'overdue' || state === 'near') && (
        <Badge size="xs" color={color} variant={state === 'overdue' ? 'filled' : 'light'}>
          {labels.deadlineState(state)}
        </Badge>
      )}
    </Group>
  );
}

export function TaskStatusBadge({ status, onTime }: { status: string; onTime?: boolean | null }) {
  const t = useWorkT();
  const labels = useTaskLabels();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" data-testid="task-status" data-status={status}>
        {labels.status(status)}
      </Badge>
      {status === 'done' && onTime !== null && onTime !== undefined && (
        <Badge color={onTime ? 'green' : 'red'} variant="outline" size="sm" data-testid="task-on-time">
          {onTime ? t('task.onTime') : t('task.late')}
        </Badge>
      )}
    </Group>
  );
}
