import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { peopleApi, type PersonInput } from '../../api/endpoints';
import { CLEARANCES, ROLES, type Clearance, type Person } from '../../api/types';
import { useErrorMessage } from '../../components/QueryError';
import { fieldOfError } from '../../lib/formErrors';
import { peopleKeys } from './queries';
import { useRoleLabel } from './labels';

const FORM_FIELDS = ['username', 'fullName', 'position', 'unitId', 'roles', 'clearance', 'password', 'active'] as const;
type FormField = (typeof FORM_FIELDS)[number];

interface FormState {
  username: string;
  fullName: string;
  position: string;
  unitId: string | null;
  roles: string[];
  clearance: Clearance;
  password: string;
  active: boolean;
}

interface Props {
  opened: boolean;
  person: Person | null;
  unitOptions: { value: string; label: string }[];
  defaultUnitId: string | null;
  onClose: () => void;
}

export function PersonFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.person ? t('people.edit') : t('people.create')}
      size="lg"
      data-testid="person-form-modal"
    >
      {props.opened && <PersonForm {...props} />}
    </Modal>
  );
}

function PersonForm({ person, unitOptions, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const roleLabel = useRoleLabel();
  const [state, setState] = useState<FormState>(() => ({
    username: person?.username ?? '',
    fullName: person?.fullName ?? '',
    position: person?.position ?? '',
    unitId: person?.unitId ?? defaultUnitId,
    roles: person?.roles ?? [],
    clearance: person?.clearance ?? 0,
    password: '',
    active: person?.active ?? true,
  }));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = useMutation({
    mutationFn: () => {
      const base = {
        fullName: state.fullName.trim(),
        position: state.position.trim(),
        unitId: state.unitId ?? '',
        roles: state.roles,
        clearance: state.clearance,
      };
      if (person) {
        const patch: Partial<PersonInput> = { ...base, active: state.active };
        if (state.password) patch.password = state.password;
        return peopleApi.update(person.id, patch);
      }
      return peopleApi.create({ ...base, username: state.username.trim(), password: state.password });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: peopleKeys.all });
      notifications.show({ color: 'green', message: person ? t('people.updated') : t('people.created') });
      onClose();
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
    const req = (v: string, label: string) =>
      v.trim() ? undefined : t('validation.required', { field: label.toLowerCase() });
    const next: Partial<Record<FormField, string>> = {
      username: person ? undefined : req(state.username, t('people.username')),
      fullName: req(state.fullName, t('people.fullName')),
      position: req(state.position, t('people.position')),
      unitId: state.unitId ? undefined : t('validation.pick', { field: t('people.unit').toLowerCase() }),
      roles: state.roles.length ? undefined : t('validation.pick', { field: t('people.roles').toLowerCase() }),
      password: person ? undefined : req(state.password, t('people.password')),
    };
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Partial<Record<FormField, string>>;
    setErrors(clean);
    if (Object.keys(clean).length) return;
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="person-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert" data-testid="person-form-error">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.username')}
            withAsterisk={!person}
            disabled={!!person}
            autoComplete="off"
            value={state.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={errors.username}
            data-testid="person-username"
          />
          <TextInput
            label={t('people.fullName')}
            withAsterisk
            value={state.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.fullName}
            data-testid="person-full-name"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.position')}
            withAsterisk
            value={state.position}
            onChange={(e) => set('position', e.currentTarget.value)}
            error={errors.position}
            data-testid="person-position"
          />
          <Select
            label={t('people.unit')}
            withAsterisk
            data={unitOptions}
            value={state.unitId}
            onChange={(v) => set('unitId', v)}
            searchable
            error={errors.unitId}
            data-testid="person-unit"
          />
        </SimpleGrid>
        <MultiSelect
          label={t('people.roles')}
          withAsterisk
          data={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          value={state.roles}
          onChange={(v) => set('roles', v)}
          error={errors.roles}
          data-testid="person-roles"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('people.clearance')}
            data={CLEARANCES.map((c) => ({ value: String(c), label: t(`clearance.${c}`) }))}
            value={String(state.clearance)}
            onChange={(v) => set('clearance', Number(v ?? 0) as Clearance)}
            allowDeselect={false}
            error={errors.clearance}
            data-testid="person-clearance"
          />
          <PasswordInput
            label={t('people.password')}
            withAsterisk={!person}
            description={person ? t('people.passwordHint') : undefined}
            autoComplete="new-password"
            value={state.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.password}
            data-testid="person-password"
          />
        </SimpleGrid>
        {person && (
          <Switch
            label={t('people.active')}
            checked={state.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
            data-testid="person-active"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="person-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
