import { useState, type FormEvent } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orgApi, type UnitInput } from '../../api/endpoints';
import { UNIT_LEVELS, type Area, type Field, type Unit, type UnitLevel } from '../../api/types';
import { useErrorMessage } from '../../components/QueryError';
import { fieldOfError } from '../../lib/formErrors';
import { unitKeys } from './queries';

const FORM_FIELDS = [
  'code',
  'name',
  'shortName',
  'level',
  'type',
  'parentId',
  'orgId',
  'areaCode',
  'fieldCodes',
] as const;
type FormField = (typeof FORM_FIELDS)[number];

interface FormState {
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel | null;
  type: string;
  parentId: string | null;
  orgId: string;
  areaCode: string | null;
  fieldCodes: string[];
}

function initialState(unit: Unit | null, parentId: string | null): FormState {
  return {
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    level: unit?.level ?? null,
    type: unit?.type ?? '',
    parentId: unit ? unit.parentId : parentId,
    orgId: unit?.orgId ?? '',
    areaCode: unit?.areaCode ?? null,
    fieldCodes: unit?.fieldCodes ?? [],
  };
}

function toInput(s: FormState): UnitInput {
  const input: UnitInput = {
    code: s.code.trim(),
    name: s.name.trim(),
    shortName: s.shortName.trim(),
    level: s.level as UnitLevel,
    type: s.type.trim(),
    fieldCodes: s.fieldCodes,
  };
  if (s.parentId) input.parentId = s.parentId;
  if (s.orgId.trim()) input.orgId = s.orgId.trim();
  if (s.areaCode) input.areaCode = s.areaCode;
  return input;
}

/** Only what changed, with cleared optional values sent as null. */
function diff(unit: Unit, s: FormState): Partial<UnitInput> {
  const next = toInput(s);
  const out: Partial<UnitInput> = {};
  if (next.code !== unit.code) out.code = next.code;
  if (next.name !== unit.name) out.name = next.name;
  if (next.shortName !== (unit.shortName ?? '')) out.shortName = next.shortName;
  if (next.level !== unit.level) out.level = next.level;
  if (next.type !== (unit.type ?? '')) out.type = next.type;
  if ((next.parentId ?? null) !== unit.parentId) out.parentId = next.parentId ?? null;
  if ((next.orgId ?? null) !== (unit.orgId || null)) out.orgId = next.orgId ?? null;
  if ((next.areaCode ?? null) !== unit.areaCode) out.areaCode = next.areaCode ?? null;
  if ([...(next.fieldCodes ?? [])].sort().join() !== [...unit.fieldCodes].sort().join())
    out.fieldCodes = next.fieldCodes;
  return out;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The unit to edit, or null to create. */
  unit: Unit | null;
  defaultParentId: string | null;
  units: readonly Unit[];
  fields: readonly Field[];
  areas: readonly Area[];
  onSaved: (unit: Unit) => void;
}

export function UnitFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.unit ? t('units.edit') : t('units.create')}
      size="lg"
      data-testid="unit-form-modal"
    >
      {props.opened && <UnitForm {...props} />}
    </Modal>
  );
}

function UnitForm({ unit, defaultParentId, units, fields, areas, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<FormState>(() => initialState(unit, defaultParentId));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = useMutation({
    mutationFn: () => (unit ? orgApi.updateUnit(unit.id, diff(unit, state)) : orgApi.createUnit(toInput(state))),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: unitKeys.all });
      notifications.show({ color: 'green', message: unit ? t('units.updated') : t('units.created') });
      onSaved(saved);
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
    if (!state.code.trim()) next.code = t('validation.required', { field: t('units.code').toLowerCase() });
    if (!state.name.trim()) next.name = t('validation.required', { field: t('units.name').toLowerCase() });
    if (!state.level) next.level = t('validation.pick', { field: t('units.level').toLowerCase() });
    if (!state.shortName.trim())
      next.shortName = t('validation.required', { field: t('units.shortName').toLowerCase() });
    if (!state.type.trim()) next.type = t('validation.required', { field: t('units.type').toLowerCase() });
    setErrors(next);
    if (Object.keys(next).length) return;
    save.mutate();
  };

  // Types already used at the chosen level ("xã", "phường", "đặc khu" for communes…).
  const typeOptions = [
    ...new Set(units.filter((u) => !state.level || u.level === state.level).map((u) => u.type ?? '')),
  ].filter(Boolean);

  const parentOptions = units
    .filter((u) => u.id !== unit?.id)
    .map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }));

  return (
    <form onSubmit={onSubmit} noValidate data-testid="unit-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert" data-testid="unit-form-error">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('units.code')}
            withAsterisk
            value={state.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.code}
            data-testid="unit-code"
          />
          <Select
            label={t('units.level')}
            withAsterisk
            data={UNIT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
            value={state.level}
            onChange={(v) => set('level', v as UnitLevel | null)}
            error={errors.level}
            data-testid="unit-level"
          />
        </SimpleGrid>
        <TextInput
          label={t('units.name')}
          withAsterisk
          value={state.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-testid="unit-name"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            withAsterisk
            label={t('units.shortName')}
            value={state.shortName}
            onChange={(e) => set('shortName', e.currentTarget.value)}
            error={errors.shortName}
            data-testid="unit-short-name"
          />
          <Autocomplete
            label={t('units.type')}
            withAsterisk
            data={typeOptions}
            value={state.type}
            onChange={(v) => set('type', v)}
            error={errors.type}
            data-testid="unit-type"
          />
        </SimpleGrid>
        <Select
          label={t('units.parent')}
          data={parentOptions}
          value={state.parentId}
          onChange={(v) => set('parentId', v)}
          searchable
          clearable
          error={errors.parentId}
          data-testid="unit-parent"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('units.area')}
            data={areas.map((a) => ({ value: a.code, label: a.name }))}
            value={state.areaCode}
            onChange={(v) => set('areaCode', v)}
            clearable
            error={errors.areaCode}
            data-testid="unit-area"
          />
          <TextInput
            label={t('units.orgId')}
            value={state.orgId}
            onChange={(e) => set('orgId', e.currentTarget.value)}
            error={errors.orgId}
            data-testid="unit-org-id"
          />
        </SimpleGrid>
        <MultiSelect
          label={t('units.fields')}
          data={fields.map((f) => ({ value: f.code, label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name }))}
          value={state.fieldCodes}
          onChange={(v) => set('fieldCodes', v)}
          searchable
          clearable
          error={errors.fieldCodes}
          data-testid="unit-fields"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="unit-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
