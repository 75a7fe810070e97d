import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkT } from '../../i18n/work';
import { useNavigate } from 'react-router-dom';
import { DateField } from '../../components/DateField';
import { useErrorMessage } from '../../components/QueryError';
import { taskPath } from '../../routes/paths';
import { tasksApi, type TaskInput } from './api';
import { useUnitOptions } from './options';
import { taskKeys } from './queries';
import { PickMultiSelect, PickSelect } from './selects';

/** "Tạo nhiệm vụ": a task by hand (content, lead unit, co-operating units, deadline or recurring). */
export function CreateTaskModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useWorkT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('tasks.create')} size="lg" data-testid="task-create-modal">
      {opened && <CreateTaskForm onDone={onClose} />}
    </Modal>
  );
}

function CreateTaskForm({ onDone }: { onDone: () => void }) {
  const t = useWorkT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const units = useUnitOptions();
  const [content, setContent] = useState('');
  const [leadUnitId, setLeadUnitId] = useState<string | null>(null);
  const [coUnitIds, setCoUnitIds] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [recurring, setRecurring] = useState(false);
  const [sourcePoint, setSourcePoint] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (input: TaskInput) => tasksApi.create(input),
    onSuccess: async (task) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: taskKeys.all }),
        qc.invalidateQueries({ queryKey: ['inbox'] }),
      ]);
      notifications.show({ color: 'green', message: t('tasks.created') });
      onDone();
      if (task?.id) void navigate(taskPath(task.id));
    },
    onError: (e) => setFormError(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const errs: Record<string, string> = {};
    if (!content.trim()) errs.content = t('ui.required', { field: t('task.content').toLowerCase() });
    if (!leadUnitId) errs.leadUnit = t('ui.pick', { field: t('task.leadUnit').toLowerCase() });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      content: content.trim(),
      leadUnitId: leadUnitId!,
      coUnitIds: coUnitIds.filter((id) => id !== leadUnitId),
      ...(deadline && !recurring ? { deadline } : {}),
      recurring,
      ...(sourcePoint.trim() ? { sourcePoint: sourcePoint.trim() } : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="task-create-form">
      <Stack>
        {formError && (
          <Alert color="red" data-testid="task-create-error">
            {formError}
          </Alert>
        )}
        <Textarea
          label={t('task.content')}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          error={errors.content}
          required
          autosize
          minRows={3}
          data-testid="task-create-content"
        />
        <PickSelect
          label={t('task.leadUnit')}
          data={units.data}
          value={leadUnitId}
          onChange={setLeadUnitId}
          error={errors.leadUnit}
          data-testid="task-create-lead"
        />
        <PickMultiSelect
          label={t('task.coUnits')}
          data={units.data}
          value={coUnitIds}
          onChange={setCoUnitIds}
          data-testid="task-create-co"
        />
        <Group align="flex-end">
          <DateField
            label={t('task.deadline')}
            value={recurring ? '' : deadline}
            onChange={setDeadline}
            disabled={recurring}
            w={180}
            data-testid="task-create-deadline"
          />
          <Checkbox
            label={t('task.recurringLabel')}
            checked={recurring}
            onChange={(e) => setRecurring(e.currentTarget.checked)}
            mb={8}
            data-testid="task-create-recurring"
          />
        </Group>
        <TextInput
          label={t('task.point')}
          placeholder="4.2"
          value={sourcePoint}
          onChange={(e) => setSourcePoint(e.currentTarget.value)}
          w={180}
          data-testid="task-create-point"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="task-create-submit">
            {t('tasks.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
