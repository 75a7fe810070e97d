import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { quotasApi, type QuotaInput } from '../../api/endpoints';
import type { Quota } from '../../api/types';
import { useErrorMessage } from '../../components/QueryError';
import { fieldOfError } from '../../lib/formErrors';
import { quotaKeys } from './queries';

const NUMBERS = ['approvedCivil', 'actualCivil', 'approvedPublic', 'actualPublic'] as const;
const FORM_FIELDS = ['unitId', 'year', ...NUMBERS] as const;
type FormField = (typeof FORM_FIELDS)[number];
type NumberField = (typeof NUMBERS)[number];

interface Props {
  /** A quota row to edit, 'new' to enter one, null when closed. */
  target: Quota | 'new' | null;
  year: number;
  unitOptions: { value: string; label: string }[];
  onClose: () => void;
}

export function QuotaFormModal(props: Props) {
  const { t } = useTranslation();
  const title =
    props.target && props.target !== 'new' ? `${t('quotas.edit')} — ${props.target.unitName}` : t('quotas.create');
  return (
    <Modal
      opened={props.target !== null}
      onClose={props.onClose}
      title={title}
      size="lg"
      data-testid="quota-form-modal"
    >
      {props.target && <QuotaForm {...props} target={props.target} />}
    </Modal>
  );
}

function QuotaForm({ target, year, unitOptions, onClose }: Props & { target: Quota | 'new' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const existing = target === 'new' ? null : target;
  const [unitId, setUnitId] = useState<string | null>(existing?.unitId ?? null);
  const [values, setValues] = useState<Record<NumberField, number | string>>({
    approvedCivil: existing?.approvedCivil ?? 0,
    actualCivil: existing?.actualCivil ?? 0,
    approvedPublic: existing?.approvedPublic ?? 0,
    actualPublic: existing?.actualPublic ?? 0,
  });
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (input: QuotaInput) => quotasApi.put(input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: quotaKeys.all });
      notifications.show({ color: 'green', message: t('quotas.saved') });
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
    const next: Partial<Record<FormField, string>> = {};
    if (!unitId) next.unitId = t('validation.pick', { field: t('quotas.unit').toLowerCase() });
    const nums = {} as Record<NumberField, number>;
    for (const k of NUMBERS) {
      const n = typeof values[k] === 'number' ? values[k] : Number(values[k]);
      if (!Number.isInteger(n) || n < 0) next[k] = t('quotas.nonNegative');
      nums[k] = n;
    }
    setErrors(next);
    if (Object.keys(next).length || !unitId) return;
    save.mutate({ unitId, year, ...nums });
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="quota-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert" data-testid="quota-form-error">
            {formError}
          </Alert>
        )}
        <Select
          label={t('quotas.unit')}
          withAsterisk
          data={unitOptions}
          value={unitId}
          onChange={setUnitId}
          searchable
          disabled={!!existing}
          error={errors.unitId}
          data-testid="quota-unit"
        />
        <SimpleGrid cols={2}>
          {NUMBERS.map((k) => (
            <NumberInput
              key={k}
              label={t(`quotas.${k}`)}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={values[k]}
              onChange={(v) => {
                setValues((s) => ({ ...s, [k]: v }));
                setErrors((er) => ({ ...er, [k]: undefined }));
              }}
              error={errors[k]}
              data-testid={`quota-${k}`}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="quota-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
