import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useWorkT } from '../../i18n/work';
import { documentsApi } from '../../api/endpoints';
import { useErrorMessage } from '../../components/QueryError';
import { formatDate } from '../../lib/date';
import { can, useUser } from '../auth/session';
import { tasksApi, type Task } from './api';
import { usePeopleOptions } from './options';
import { PickSelect } from './selects';
import { taskKeys } from './queries';

type Dialog = 'assign' | 'progress' | 'complete' | 'return';

const OPEN = new Set(['open', 'in_progress']);

/** The buttons of a task page, by permission and status, and their forms. */
export function TaskActions({ task }: { task: Task }) {
  const t = useWorkT();
  const user = useUser();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const open = OPEN.has(task.status);
  const admin = user.roles.includes('admin');
  // The lead unit's people (or the person it was passed to) work on it; its head or the Office's leaders pass it on.
  const mine = task.leadUser ? task.leadUser.id === user.id : !!task.leadUnit && task.leadUnit.id === user.unitId;
  const ofLeadUnit = !!task.leadUnit && task.leadUnit.id === user.unitId;
  const canAssign =
    can(user, 'tasks.assign') &&
    (open || task.status === 'returned') &&
    (admin || ofLeadUnit || user.roles.includes('office_leader'));
  const canWork = can(user, 'tasks.work') && open && (admin || mine);
  if (!canAssign && !canWork) return null;

  return (
    <Group gap="xs" data-testid="task-actions">
      {canAssign && (
        <Button size="sm" variant="light" onClick={() => setDialog('assign')} data-testid="task-assign">
          {t('task.assign')}
        </Button>
      )}
      {canWork && (
        <>
          <Button size="sm" variant="light" onClick={() => setDialog('progress')} data-testid="task-progress">
            {t('task.progress')}
          </Button>
          <Button size="sm" color="green" onClick={() => setDialog('complete')} data-testid="task-complete">
            {t('task.complete')}
          </Button>
          <Button
            size="sm"
            variant="light"
            color="orange"
            onClick={() => setDialog('return')}
            data-testid="task-return"
          >
            {t('task.returnTask')}
          </Button>
        </>
      )}
      <Modal opened={dialog === 'assign'} onClose={close} title={t('task.assignTitle')} data-testid="assign-modal">
        <AssignForm task={task} onDone={close} />
      </Modal>
      <Modal
        opened={dialog === 'progress'}
        onClose={close}
        title={t('task.progressTitle')}
        data-testid="progress-modal"
      >
        <ProgressForm task={task} onDone={close} />
      </Modal>
      <Modal
        opened={dialog === 'complete'}
        onClose={close}
        title={t('task.completeTitle')}
        size="lg"
        data-testid="complete-modal"
      >
        <CompleteForm task={task} onDone={close} />
      </Modal>
      <Modal opened={dialog === 'return'} onClose={close} title={t('task.returnTitle')} data-testid="return-modal">
        <ReturnForm task={task} onDone={close} />
      </Modal>
    </Group>
  );
}

/** A mutation on a task that refreshes the task, lists, inbox and the source document's chain. */
function useTaskMutation<V>(task: Task, fn: (v: V) => Promise<unknown>, done: string, onDone: () => void) {
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: taskKeys.all }),
        qc.invalidateQueries({ queryKey: ['inbox'] }),
        qc.invalidateQueries({ queryKey: ['notifications'] }),
        ...(task.sourceDocument
          ? [qc.invalidateQueries({ queryKey: ['documents', 'one', task.sourceDocument.id] })]
          : []),
      ]);
      notifications.show({ color: 'green', message: done });
      onDone();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return { ...m, error, setError };
}

function FormShell({
  testId,
  error,
  onSubmit,
  onCancel,
  submitLabel,
  loading,
  children,
  color,
}: {
  testId: string;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
  children: ReactNode;
  color?: string;
}) {
  const t = useWorkT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid={`${testId}-form`}>
      <Stack>
        {error && (
          <Alert color="red" data-testid={`${testId}-error`}>
            {error}
          </Alert>
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={loading} color={color} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AssignForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const t = useWorkT();
  const people = usePeopleOptions(task.leadUnit?.id ?? null);
  const [userId, setUserId] = useState<string | null>(task.leadUser?.id ?? null);
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const m = useTaskMutation(
    task,
    (v: { userId: string; note: string }) => tasksApi.assign(task.id, v.userId, v.note || undefined),
    t('task.assigned'),
    onDone,
  );
  return (
    <FormShell
      testId="assign"
      error={m.error}
      loading={m.isPending}
      submitLabel={t('task.assign')}
      onCancel={onDone}
      onSubmit={() => {
        if (!userId) return setFieldError(t('ui.pick', { field: t('task.assignee').toLowerCase() }));
        setFieldError(null);
        m.mutate({ userId, note: note.trim() });
      }}
    >
      <PickSelect
        label={t('task.assignee')}
        description={task.leadUnit ? t('task.assigneeOf', { unit: task.leadUnit.name }) : undefined}
        data={people.data}
        value={userId}
        onChange={setUserId}
        error={fieldError}
        data-testid="assign-user"
      />
      <Textarea
        label={t('task.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        data-testid="assign-note"
      />
    </FormShell>
  );
}

function ProgressForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const t = useWorkT();
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState<number | string>('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const m = useTaskMutation(
    task,
    (v: { note: string; percent?: number }) => tasksApi.progress(task.id, v.note, v.percent),
    t('task.progressSaved'),
    onDone,
  );
  return (
    <FormShell
      testId="progress"
      error={m.error}
      loading={m.isPending}
      submitLabel={t('task.progressSubmit')}
      onCancel={onDone}
      onSubmit={() => {
        if (!note.trim()) return setFieldError(t('ui.required', { field: t('task.progressNote').toLowerCase() }));
        setFieldError(null);
        m.mutate({ note: note.trim(), percent: typeof percent === 'number' ? percent : undefined });
      }}
    >
      <Textarea
        label={t('task.progressNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fieldError}
        required
        autosize
        minRows={3}
        data-testid="progress-note"
      />
      <NumberInput
        label={t('task.percent')}
        value={percent}
        onChange={setPercent}
        min={0}
        max={100}
        suffix=" %"
        clampBehavior="strict"
        allowDecimal={false}
        w={160}
        data-testid="progress-percent"
      />
    </FormShell>
  );
}

/** Issued outgoing documents matching the typed text, as options "05/QĐ-UBND — trích yếu (dd/MM/yyyy)". */
function useOutgoingOptions(search: string) {
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useQuery({
    queryKey: ['tasks', 'evidence-outgoing', q],
    queryFn: () => documentsApi.list('out', { q: q || undefined, pageSize: 20, sort: q ? 'relevance' : 'newest' }),
    placeholderData: (prev) => prev,
  });
  const data = useMemo(
    () =>
      (list.data?.items ?? []).map((d) => ({
        value: d.id,
        label: `${d.code ?? '—'} — ${d.subject}${d.issuedDate ? ` (${formatDate(d.issuedDate)})` : ''}`,
      })),
    [list.data],
  );
  return { data, loading: list.isFetching };
}

function CompleteForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const t = useWorkT();
  const [result, setResult] = useState('');
  const [kind, setKind] = useState<'none' | 'document' | 'text'>('none');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [evidenceText, setEvidenceText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const outgoing = useOutgoingOptions(kind === 'document' ? search : '');
  const m = useTaskMutation(
    task,
    (v: { result: string; evidence?: { documentId?: string; text?: string } }) =>
      tasksApi.complete(task.id, v.result, v.evidence),
    t('task.completed'),
    onDone,
  );
  return (
    <FormShell
      testId="complete"
      error={m.error}
      loading={m.isPending}
      submitLabel={t('task.complete')}
      color="green"
      onCancel={onDone}
      onSubmit={() => {
        const errs: Record<string, string> = {};
        if (!result.trim()) errs.result = t('ui.required', { field: t('task.result').toLowerCase() });
        if (kind === 'document' && !documentId)
          errs.evidence = t('ui.pick', { field: t('task.evidenceDocument').toLowerCase() });
        if (kind === 'text' && !evidenceText.trim())
          errs.evidence = t('ui.required', { field: t('task.evidenceText').toLowerCase() });
        setErrors(errs);
        if (Object.keys(errs).length) return;
        m.mutate({
          result: result.trim(),
          evidence:
            kind === 'document'
              ? { documentId: documentId! }
              : kind === 'text'
                ? { text: evidenceText.trim() }
                : undefined,
        });
      }}
    >
      {task.deadline && (
        <Alert color={task.deadlineState === 'overdue' ? 'red' : 'blue'} variant="light">
          {task.deadlineState === 'overdue'
            ? t('task.completeLate', { date: formatDate(task.deadline) })
            : t('task.completeOnTime', { date: formatDate(task.deadline) })}
        </Alert>
      )}
      <Textarea
        label={t('task.result')}
        value={result}
        onChange={(e) => setResult(e.currentTarget.value)}
        error={errors.result}
        required
        autosize
        minRows={3}
        data-testid="complete-result"
      />
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={[
          { value: 'none', label: t('task.evidenceNone') },
          { value: 'document', label: t('task.evidenceDocument') },
          { value: 'text', label: t('task.evidenceText') },
        ]}
        data-testid="complete-evidence-kind"
      />
      {kind === 'document' && (
        <Select
          label={t('task.evidenceDocument')}
          description={t('task.evidenceDocumentHint')}
          data={outgoing.data}
          value={documentId}
          onChange={setDocumentId}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          error={errors.evidence}
          nothingFoundMessage={outgoing.loading ? t('ui.loading') : t('ui.noData')}
          comboboxProps={{ withinPortal: true }}
          data-testid="complete-evidence-document"
        />
      )}
      {kind === 'text' && (
        <Textarea
          label={t('task.evidenceText')}
          value={evidenceText}
          onChange={(e) => setEvidenceText(e.currentTarget.value)}
          error={errors.evidence}
          autosize
          minRows={2}
          data-testid="complete-evidence-text"
        />
      )}
    </FormShell>
  );
}

function ReturnForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const t = useWorkT();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const m = useTaskMutation(task, (r: string) => tasksApi.returnTask(task.id, r), t('task.returned'), onDone);
  return (
    <FormShell
      testId="return"
      error={m.error}
      loading={m.isPending}
      submitLabel={t('task.returnTask')}
      color="orange"
      onCancel={onDone}
      onSubmit={() => {
        if (!reason.trim()) return setFieldError(t('ui.required', { field: t('task.reason').toLowerCase() }));
        setFieldError(null);
        m.mutate(reason.trim());
      }}
    >
      <Textarea
        label={t('task.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError}
        required
        autosize
        minRows={3}
        data-testid="return-reason"
      />
    </FormShell>
  );
}
