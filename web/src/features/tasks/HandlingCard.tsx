import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkT } from '../../i18n/work';
import { Link } from 'react-router-dom';
import { DateField } from '../../components/DateField';
import { QueryError, useErrorMessage } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/date';
import { taskPath } from '../../routes/paths';
import { can, useUser } from '../auth/session';
import { docKeys } from '../documents/queries';
import { useDocumentRoute } from '../routing/queries';
import type { StoredRoute } from '../../api/types';
import { handlingApi, type Handling, type InstructInput } from './api';
import { TaskStatusBadge } from './badges';
import { useTaskLabels } from './labels';
import { LEADER_ROLES, usePeopleOptions, useUnitOptions } from './options';
import { taskKeys, useHandling } from './queries';
import { PickMultiSelect, PickSelect } from './selects';

/** Document statuses in which it may be presented (again, e.g. to another leader) or instructed. */
const PRESENTABLE = new Set(['registered', 'presented']);
const INSTRUCTABLE = new Set(['registered', 'presented']);

const STATE_COLOR: Record<string, string> = {
  registered: 'gray',
  presented: 'yellow',
  assigned: 'blue',
  done: 'green',
  recalled: 'orange',
};

/** "Xử lý" card of an incoming document: state, steps (who, when, what) and the actions allowed. */
export function HandlingCard({ documentId }: { documentId: string }) {
  const t = useWorkT();
  const user = useUser();
  const handling = useHandling(documentId);
  const labels = useTaskLabels();
  const [dialog, setDialog] = useState<'present' | 'instruct' | null>(null);

  const h = handling.data;
  const state = h?.state ?? '';
  // Clerks and the Office present; a leader does not present to himself (the admin may do anything).
  const isLeader = user.roles.some((r) => LEADER_ROLES.includes(r)) && !user.roles.includes('admin');
  const canPresent = !!h && can(user, 'routing.override') && !isLeader && PRESENTABLE.has(state);
  const canInstruct = !!h && can(user, 'tasks.instruct') && INSTRUCTABLE.has(state);

  return (
    <Paper withBorder p="md" data-testid="handling-card" data-state={state}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="xs">
          <Title order={4}>{t('handling.title')}</Title>
          {h && (
            <Badge color={STATE_COLOR[state] ?? 'gray'} variant="light" data-testid="handling-state">
              {labels.handlingState(state)}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {canPresent && (
            <Button size="xs" variant="light" onClick={() => setDialog('present')} data-testid="handling-present">
              {state === 'presented' ? t('handling.presentAgain') : t('handling.present')}
            </Button>
          )}
          {canInstruct && (
            <Button size="xs" onClick={() => setDialog('instruct')} data-testid="handling-instruct">
              {t('handling.instruct')}
            </Button>
          )}
        </Group>
      </Group>
      {handling.isPending && <Loader size="sm" />}
      {handling.isError && <QueryError error={handling.error} onRetry={() => void handling.refetch()} />}
      {handling.data === null && (
        <Text size="sm" c="dimmed" data-testid="handling-none">
          {t('handling.none')}
        </Text>
      )}
      {h && <HandlingDetails handling={h} />}
      <Modal
        opened={dialog === 'present'}
        onClose={() => setDialog(null)}
        title={t('handling.presentTitle')}
        data-testid="present-modal"
      >
        <PresentForm documentId={documentId} onDone={() => setDialog(null)} />
      </Modal>
      <Modal
        opened={dialog === 'instruct'}
        onClose={() => setDialog(null)}
        title={t('handling.instructTitle')}
        size="lg"
        data-testid="instruct-modal"
      >
        <InstructForm documentId={documentId} onDone={() => setDialog(null)} />
      </Modal>
    </Paper>
  );
}

function HandlingDetails({ handling }: { handling: Handling }) {
  const t = useWorkT();
  const labels = useTaskLabels();
  return (
    <Stack gap="sm">
      {!handling.steps.length ? (
        <Text size="sm" c="dimmed" data-testid="handling-no-steps">
          {t('handling.noSteps')}
        </Text>
      ) : (
        <Timeline active={handling.steps.length - 1} bulletSize={14} lineWidth={2} data-testid="handling-steps">
          {handling.steps.map((s, i) => {
            const target = s.toUserName || s.toUnitName;
            return (
              <Timeline.Item
                key={`${s.at}-${i}`}
                title={
                  <Text size="sm" fw={600}>
                    {labels.step(s.action)}
                    {target && (
                      <Text span size="sm" fw={400}>
                        {' '}
                        → {target}
                      </Text>
                    )}
                  </Text>
                }
                data-testid="handling-step"
                data-action={s.action}
              >
                <Text size="xs" c="dimmed" data-testid="handling-step-meta">
                  {[s.actorName, formatDateTime(s.at).slice(0, 16)].filter(Boolean).join(' · ')}
                </Text>
                {s.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="handling-step-note">
                    {s.note}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      {handling.tasks.length > 0 && (
        <Stack gap={4} data-testid="handling-tasks">
          <Text size="sm" fw={600}>
            {t('handling.tasks')}
          </Text>
          {handling.tasks.map((task) => (
            <Group key={task.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="handling-task">
              <Anchor component={Link} to={taskPath(task.id)} size="sm" lineClamp={2} data-testid="handling-task-link">
                {[task.leadUnitName, task.leadUserName].filter(Boolean).join(' — ') || t('task.title')}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <TaskStatusBadge status={task.status} />
                {task.deadline && (
                  <Text size="sm" data-testid="handling-task-deadline">
                    {formatDate(task.deadline)}
                  </Text>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function useInvalidateHandling(documentId: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: taskKeys.handling(documentId) }),
      qc.invalidateQueries({ queryKey: docKeys.one(documentId) }),
      qc.invalidateQueries({ queryKey: taskKeys.all }),
      qc.invalidateQueries({ queryKey: ['inbox'] }),
    ]);
  };
}

function PresentForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const t = useWorkT();
  const errorMessage = useErrorMessage();
  const route = useDocumentRoute(documentId);
  const leaders = usePeopleOptions(null, true);
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const invalidate = useInvalidateHandling(documentId);
  const routeLeader = route.data?.leader ?? null;

  const save = useMutation({
    mutationFn: () =>
      handlingApi.present(documentId, {
        ...(leaderId ? { leaderId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      await invalidate();
      notifications.show({ color: 'green', message: t('handling.presented') });
      onDone();
    },
    onError: (e) => setError(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!leaderId && !routeLeader) {
      setError(t('ui.pick', { field: t('handling.leader').toLowerCase() }));
      return;
    }
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="present-form">
      <Stack>
        {error && (
          <Alert color="red" data-testid="present-error">
            {error}
          </Alert>
        )}
        <Select
          label={t('handling.leader')}
          description={routeLeader ? t('handling.routeLeader', { name: routeLeader.name }) : undefined}
          placeholder={routeLeader?.name ?? t('handling.pickLeader')}
          data={leaders.data}
          value={leaderId}
          onChange={setLeaderId}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          allowDeselect={false}
          data-testid="present-leader"
        />
        <Textarea
          label={t('handling.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="present-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="present-submit">
            {t('handling.present')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InstructForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const route = useDocumentRoute(documentId);
  if (route.isPending) return <Loader size="sm" />;
  return <InstructFields documentId={documentId} route={route.data ?? null} onDone={onDone} />;
}

function InstructFields({
  documentId,
  route,
  onDone,
}: {
  documentId: string;
  route: StoredRoute | null;
  onDone: () => void;
}) {
  const t = useWorkT();
  const errorMessage = useErrorMessage();
  const units = useUnitOptions();
  const people = usePeopleOptions(null);
  const invalidate = useInvalidateHandling(documentId);

  const initialLead = route?.department?.id ?? route?.leadAgency?.id ?? null;
  const [instruction, setInstruction] = useState('');
  const [leadKind, setLeadKind] = useState<'unit' | 'user'>('unit');
  const [leadUnitId, setLeadUnitId] = useState<string | null>(initialLead);
  const [leadUserId, setLeadUserId] = useState<string | null>(null);
  const [coUnitIds, setCoUnitIds] = useState<string[]>(route?.coAgencies.map((a) => a.id) ?? []);
  const [infoUnitIds, setInfoUnitIds] = useState<string[]>([]);
  const [deadline, setDeadline] = useState(route?.deadline ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (input: InstructInput) => handlingApi.instruct(documentId, input),
    onSuccess: async () => {
      await invalidate();
      notifications.show({ color: 'green', message: t('handling.instructed') });
      onDone();
    },
    onError: (e) => setFormError(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const errs: Record<string, string> = {};
    if (!instruction.trim()) errs.instruction = t('ui.required', { field: t('handling.instruction').toLowerCase() });
    if (leadKind === 'unit' && !leadUnitId) errs.lead = t('ui.pick', { field: t('handling.leadUnit').toLowerCase() });
    if (leadKind === 'user' && !leadUserId) errs.lead = t('ui.pick', { field: t('handling.leadUser').toLowerCase() });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      instruction: instruction.trim(),
      lead: leadKind === 'unit' ? { unitId: leadUnitId! } : { userId: leadUserId! },
      coUnitIds: coUnitIds.filter((id) => id !== leadUnitId),
      infoUnitIds,
      ...(deadline ? { deadline } : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="instruct-form">
      <Stack>
        {formError && (
          <Alert color="red" data-testid="instruct-error">
            {formError}
          </Alert>
        )}
        <Textarea
          label={t('handling.instruction')}
          description={t('handling.instructionHint')}
          value={instruction}
          onChange={(e) => setInstruction(e.currentTarget.value)}
          error={errors.instruction}
          autosize
          minRows={3}
          required
          data-testid="instruct-text"
        />
        <SegmentedControl
          value={leadKind}
          onChange={(v) => setLeadKind(v as 'unit' | 'user')}
          data={[
            { value: 'unit', label: t('handling.leadUnit') },
            { value: 'user', label: t('handling.leadUser') },
          ]}
          data-testid="instruct-lead-kind"
        />
        {leadKind === 'unit' ? (
          <PickSelect
            label={t('handling.leadUnit')}
            data={units.data}
            value={leadUnitId}
            onChange={setLeadUnitId}
            error={errors.lead}
            data-testid="instruct-lead-unit"
          />
        ) : (
          <PickSelect
            label={t('handling.leadUser')}
            data={people.data}
            value={leadUserId}
            onChange={setLeadUserId}
            error={errors.lead}
            data-testid="instruct-lead-user"
          />
        )}
        <PickMultiSelect
          label={t('handling.coUnits')}
          data={units.data}
          value={coUnitIds}
          onChange={setCoUnitIds}
          data-testid="instruct-co-units"
        />
        <PickMultiSelect
          label={t('handling.infoUnits')}
          data={units.data}
          value={infoUnitIds}
          onChange={setInfoUnitIds}
          data-testid="instruct-info-units"
        />
        <DateField
          label={t('handling.deadline')}
          description={route?.deadline ? t('handling.routeDeadline', { date: formatDate(route.deadline) }) : undefined}
          value={deadline}
          onChange={setDeadline}
          data-testid="instruct-deadline"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="instruct-submit">
            {t('handling.instructSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
