import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assignmentsApi } from '../../api/endpoints';
import type { Assignment } from '../../api/types';
import { useErrorMessage } from '../../components/QueryError';
import { fieldOfError } from '../../lib/formErrors';
import { useAreas, useFields, useUnits } from '../units/queries';
import { usePeople } from '../people/queries';
import { assignmentKeys } from './queries';

const FORM_FIELDS = ['leaderId', 'fieldCodes', 'areaCodes', 'agencyIds', 'validFrom', 'note'] as const;
type FormField = (typeof FORM_FIELDS)[number];
const LEADER_ROLES = ['chairman', 'vice_chairman'];

export interface AssignmentTarget {
  /** null: pick the leader in the form. */
  leader: Assignment['leader'] | null;
  current: Assignment | null;
}

interface Props {
  target: AssignmentTarget | null;
  defaultDate: string;
  onClose: () => void;
  onSaved: (validFrom: string) => void;
}

export function AssignmentFormModal(props: Props) {
  const { t } = useTranslation();
  const leader = props.target?.leader;
  return (
    <Modal
      opened={props.target !== null}
      onClose={props.onClose}
      title={leader ? t('assignments.editTitle', { name: leader.fullName }) : t('assignments.createTitle')}
      size="lg"
      data-testid="assignment-form-modal"
    >
      {props.target && <AssignmentForm {...props} target={props.target} />}
    </Modal>
  );
}

function AssignmentForm({ target, defaultDate, onClose, onSaved }: Props & { target: AssignmentTarget }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const fields = useFields();
  const areas = useAreas();
  const agencies = useUnits('agency');
  const people = usePeople(null);
  const cur = target.current;

  const [leaderId, setLeaderId] = useState<string | null>(target.leader?.id ?? null);
  const [fieldCodes, setFieldCodes] = useState<string[]>(cur?.fields.map((f) => f.code) ?? []);
  const [areaCodes, setAreaCodes] = useState<string[]>(cur?.areas.map((a) => a.code) ?? []);
  const [agencyIds, setAgencyIds] = useState<string[]>(cur?.agencies.map((a) => a.id) ?? []);
  const [validFrom, setValidFrom] = useState(defaultDate);
  const [note, setNote] = useState(cur?.note ?? '');
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const leaderOptions = useMemo(
    () =>
      (people.data?.items ?? [])
        .filter((p) => p.roles.some((r) => LEADER_ROLES.includes(r)))
        .map((p) => ({ value: p.id, label: `${p.fullName} — ${p.position}` })),
    [people.data],
  );

  // Keep options for values that are selected but no longer offered (e.g. an inactive agency).
  const fieldOptions = useMemo(() => {
    const opts = (fields.data?.items ?? []).map((f) => ({
      value: f.code,
      label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name,
    }));
    for (const f of cur?.fields ?? [])
      if (!opts.some((o) => o.value === f.code)) opts.push({ value: f.code, label: f.name });
    return opts;
  }, [fields.data, cur, i18n.language]);
  const areaOptions = useMemo(() => {
    const opts = (areas.data?.items ?? []).map((a) => ({ value: a.code, label: a.name }));
    for (const a of cur?.areas ?? [])
      if (!opts.some((o) => o.value === a.code)) opts.push({ value: a.code, label: a.name });
    return opts;
  }, [areas.data, cur]);
  const agencyOptions = useMemo(() => {
    const opts = (agencies.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
    for (const a of cur?.agencies ?? [])
      if (!opts.some((o) => o.value === a.id)) opts.push({ value: a.id, label: a.name });
    return opts;
  }, [agencies.data, cur]);

  const save = useMutation({
    mutationFn: () =>
      assignmentsApi.put(leaderId ?? '', {
        fieldCodes,
        areaCodes,
        agencyIds,
        validFrom,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: assignmentKeys.all });
      notifications.show({ color: 'green', message: t('assignments.saved') });
      onSaved(validFrom);
    },
    onError: (e) => {
      const field = fieldOfError(e, FORM_FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
      else setFormError(errorMessage(e));
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const next: Partial<Record<FormField, string>> = {};
    if (!leaderId) next.leaderId = t('validation.pick', { field: t('assignments.pickLeader') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom))
      next.validFrom = t('validation.required', { field: t('assignments.validFrom').toLowerCase() });
    setErrors(next);
    if (Object.keys(next).length) return;
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="assignment-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert" data-testid="assignment-form-error">
            {formError}
          </Alert>
        )}
        {!target.leader && (
          <Select
            label={t('assignments.leader')}
            description={t('assignments.leaderHint')}
            withAsterisk
            data={leaderOptions}
            value={leaderId}
            onChange={setLeaderId}
            searchable
            error={errors.leaderId}
            data-testid="assignment-leader"
          />
        )}
        <MultiSelect
          label={t('assignments.fields')}
          data={fieldOptions}
          value={fieldCodes}
          onChange={setFieldCodes}
          searchable
          clearable
          error={errors.fieldCodes}
          data-testid="assignment-fields-input"
        />
        <MultiSelect
          label={t('assignments.areas')}
          data={areaOptions}
          value={areaCodes}
          onChange={setAreaCodes}
          searchable
          clearable
          error={errors.areaCodes}
          data-testid="assignment-areas-input"
        />
        <MultiSelect
          label={t('assignments.agencies')}
          data={agencyOptions}
          value={agencyIds}
          onChange={setAgencyIds}
          searchable
          clearable
          error={errors.agencyIds}
          data-testid="assignment-agencies-input"
        />
        <TextInput
          type="date"
          label={t('assignments.validFrom')}
          withAsterisk
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
          error={errors.validFrom}
          w={200}
          data-testid="assignment-valid-from-input"
        />
        <Textarea
          label={t('assignments.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.note}
          data-testid="assignment-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="assignment-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
