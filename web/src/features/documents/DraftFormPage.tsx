import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { outgoingApi } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import {
  SECRECIES,
  SIGNING_FORMS,
  URGENCIES,
  type Document,
  type DraftInput,
  type SigningForm,
  type Unit,
} from '../../api/types';
import { FullPageLoader } from '../../components/FullPageLoader';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, useErrorMessage } from '../../components/QueryError';
import { documentPath } from '../../routes/paths';
import { useFields, useUnits } from '../units/queries';
import { lines, NO_FORM } from './incomingForm';
import { useDocLabels } from './labels';
import { docKeys, useDocTypes, useDocument } from './queries';

/** UBND tỉnh: the default issuing body. */
const PROVINCE_CODE = '51';

interface DraftForm {
  type: string | null;
  subject: string;
  body: string;
  issuer: string | null;
  draftingUnit: string | null;
  fields: string[];
  recipientUnits: string[];
  recipientOthers: string;
  urgency: string;
  secrecy: string;
  legalNormative: boolean;
  dueDate: string;
  signerForm: string | null;
  signerPosition: string;
  signerName: string;
}
type Key = keyof DraftForm;
const KEYS: readonly Key[] = [
  'type',
  'subject',
  'body',
  'issuer',
  'draftingUnit',
  'fields',
  'recipientUnits',
  'recipientOthers',
  'urgency',
  'secrecy',
  'legalNormative',
  'dueDate',
  'signerForm',
  'signerPosition',
  'signerName',
];

const EMPTY: DraftForm = {
  type: null,
  subject: '',
  body: '',
  issuer: PROVINCE_CODE,
  draftingUnit: null,
  fields: [],
  recipientUnits: [],
  recipientOthers: '',
  urgency: '0',
  secrecy: '0',
  legalNormative: false,
  dueDate: '',
  signerForm: null,
  signerPosition: '',
  signerName: '',
};

function fromDocument(d: Document, units: readonly Unit[]): DraftForm {
  const code = (id: string | null) => (id ? (units.find((u) => u.id === id)?.code ?? null) : null);
  return {
    type: d.type,
    subject: d.subject,
    body: d.body,
    issuer: code(d.issuer.unitId) ?? PROVINCE_CODE,
    draftingUnit: code(d.draftingUnitId),
    fields: d.fields,
    recipientUnits: d.recipients.map((r) => code(r.unitId)).filter((c): c is string => !!c),
    recipientOthers: d.recipients
      .filter((r) => !r.unitId || !code(r.unitId))
      .map((r) => r.name)
      .join('\n'),
    urgency: String(d.urgency),
    secrecy: String(d.secrecy),
    legalNormative: d.legalNormative,
    dueDate: d.dueDate ?? '',
    signerForm: d.signer.form === null ? null : d.signer.form || NO_FORM,
    signerPosition: d.signer.position ?? '',
    signerName: d.signer.name ?? '',
  };
}

function toInput(f: DraftForm): DraftInput {
  const form = f.signerForm === null ? undefined : ((f.signerForm === NO_FORM ? '' : f.signerForm) as SigningForm);
  const signer =
    form !== undefined || f.signerPosition.trim() || f.signerName.trim()
      ? { form, position: f.signerPosition.trim() || undefined, name: f.signerName.trim() || undefined }
      : undefined;
  return {
    type: f.type ?? '',
    subject: f.subject.trim(),
    body: f.body,
    issuer: f.issuer ? { unitCode: f.issuer } : undefined,
    draftingUnitCode: f.draftingUnit ?? undefined,
    fields: f.fields,
    recipients: [...f.recipientUnits.map((unitCode) => ({ unitCode })), ...lines(f.recipientOthers)],
    urgency: Number(f.urgency),
    secrecy: Number(f.secrecy),
    legalNormative: f.legalNormative,
    dueDate: f.dueDate || undefined,
    signer,
  };
}

function keyOfPath(path: string | undefined): Key | null {
  if (!path) return null;
  const [head, sub] = path.split('.').filter((p) => p !== 'body' || path === 'body');
  if (head === 'issuer') return 'issuer';
  if (head === 'draftingUnitCode') return 'draftingUnit';
  if (head === 'recipients') return 'recipientUnits';
  if (head === 'signer') return sub === 'form' ? 'signerForm' : sub === 'name' ? 'signerName' : 'signerPosition';
  return KEYS.find((k) => k === head) ?? null;
}

export function DraftFormPage() {
  const { id } = useParams();
  const units = useUnits();
  const doc = useDocument(id ?? '');
  if (!id) return units.isPending ? <FullPageLoader /> : <DraftFormBody initial={EMPTY} />;
  if (doc.isPending || units.isPending) return <FullPageLoader />;
  if (doc.isError) return <QueryError error={doc.error} onRetry={() => void doc.refetch()} />;
  return <DraftFormBody initial={fromDocument(doc.data, units.data?.items ?? [])} existing={doc.data} />;
}

function DraftFormBody({ initial, existing }: { initial: DraftForm; existing?: Document }) {
  const { t, i18n } = useTranslation();
  const labels = useDocLabels();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const types = useDocTypes();
  const units = useUnits();
  const fields = useFields();
  const [form, setForm] = useState<DraftForm>(initial);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends Key>(k: K, v: DraftForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e));
  };

  const unitList = useMemo(() => units.data?.items ?? [], [units.data]);
  const unitOptions = useMemo(
    () => unitList.map((u) => ({ value: u.code, label: u.shortName ? `${u.name} (${u.shortName})` : u.name })),
    [unitList],
  );
  const issuerOptions = useMemo(
    () =>
      unitList
        .filter((u) => u.level === 'province' || u.level === 'office' || u.level === 'agency')
        .map((u) => ({ value: u.code, label: u.name })),
    [unitList],
  );
  const draftingOptions = useMemo(
    () =>
      unitList
        .filter((u) => u.level !== 'commune' && u.level !== 'province')
        .map((u) => ({ value: u.code, label: u.shortName ? `${u.name} (${u.shortName})` : u.name })),
    [unitList],
  );
  const typeOptions = (types.data?.items ?? []).map((x) => ({ value: x.code, label: labels.typeName(x) }));
  const fieldOptions = (fields.data?.items ?? []).map((f) => ({
    value: f.code,
    label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name,
  }));

  const save = useMutation({
    mutationFn: (input: DraftInput) => (existing ? outgoingApi.update(existing.id, input) : outgoingApi.create(input)),
    onSuccess: async (d) => {
      await qc.invalidateQueries({ queryKey: docKeys.all });
      notifications.show({
        color: 'green',
        message: existing ? t('outgoing.saved', { v: d.version }) : t('outgoing.created'),
      });
      void navigate(documentPath(d.id), { replace: !!existing });
    },
    onError: (e) => {
      const k = isApiError(e) && e.status === 400 ? keyOfPath(e.field) : null;
      if (k) {
        setErrors({ [k]: errorMessage(e) });
        setFormError(t('incoming.fixErrors'));
      } else setFormError(errorMessage(e));
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const next: Partial<Record<Key, string>> = {};
    if (!form.type) next.type = t('validation.pick', { field: t('docs.type').toLowerCase() });
    if (form.subject.trim().length < 3)
      next.subject = t('validation.required', { field: t('docs.subject').toLowerCase() });
    setErrors(next);
    if (Object.keys(next).length) return;
    save.mutate(toInput(form));
  };

  const formOptions = SIGNING_FORMS.map((f) => ({ value: f || NO_FORM, label: f || t('docs.signingFormNone') }));

  return (
    <>
      <PageHeader title={existing ? t('outgoing.editDraft') : t('outgoing.newDraft')} />
      <Paper withBorder p="md" maw={1000}>
        <form onSubmit={onSubmit} noValidate data-testid="draft-form">
          <Stack gap="sm">
            {formError && (
              <Alert color="red" role="alert" data-testid="draft-form-error">
                {formError}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('docs.type')}
                withAsterisk
                searchable
                data={typeOptions}
                value={form.type}
                onChange={(v) => set('type', v)}
                error={errors.type}
                data-testid="draft-type"
              />
              <Checkbox
                mt={{ base: 0, sm: 30 }}
                label={t('docs.legalNormative')}
                checked={form.legalNormative}
                onChange={(e) => set('legalNormative', e.currentTarget.checked)}
                data-testid="draft-legalNormative"
              />
            </SimpleGrid>
            <Textarea
              label={t('docs.subject')}
              withAsterisk
              autosize
              minRows={2}
              value={form.subject}
              onChange={(e) => set('subject', e.currentTarget.value)}
              error={errors.subject}
              data-testid="draft-subject"
            />
            <Textarea
              label={t('docs.body')}
              autosize
              minRows={6}
              maxRows={20}
              value={form.body}
              onChange={(e) => set('body', e.currentTarget.value)}
              error={errors.body}
              data-testid="draft-body"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('outgoing.issuerUnit')}
                searchable
                data={issuerOptions}
                value={form.issuer}
                onChange={(v) => set('issuer', v)}
                error={errors.issuer}
                nothingFoundMessage={t('outgoing.unitNotFound')}
                data-testid="draft-issuer"
              />
              <Select
                label={t('outgoing.draftingUnit')}
                searchable
                clearable
                data={draftingOptions}
                value={form.draftingUnit}
                onChange={(v) => set('draftingUnit', v)}
                error={errors.draftingUnit}
                nothingFoundMessage={t('outgoing.unitNotFound')}
                data-testid="draft-draftingUnit"
              />
            </SimpleGrid>
            <MultiSelect
              label={t('docs.fields')}
              searchable
              clearable
              data={fieldOptions}
              value={form.fields}
              onChange={(v) => set('fields', v)}
              error={errors.fields}
              data-testid="draft-fields"
            />
            <MultiSelect
              label={t('outgoing.recipientUnits')}
              searchable
              clearable
              data={unitOptions}
              value={form.recipientUnits}
              onChange={(v) => set('recipientUnits', v)}
              error={errors.recipientUnits}
              nothingFoundMessage={t('outgoing.unitNotFound')}
              data-testid="draft-recipientUnits"
            />
            <Textarea
              label={t('outgoing.recipientOthers')}
              placeholder={t('outgoing.recipientOthersHint')}
              autosize
              minRows={2}
              value={form.recipientOthers}
              onChange={(e) => set('recipientOthers', e.currentTarget.value)}
              error={errors.recipientOthers}
              data-testid="draft-recipientOthers"
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('docs.urgency')}
                data={URGENCIES.map((u) => ({ value: String(u), label: labels.urgency(u) }))}
                allowDeselect={false}
                value={form.urgency}
                onChange={(v) => set('urgency', v ?? '0')}
                data-testid="draft-urgency"
              />
              <Select
                label={t('docs.secrecy')}
                data={SECRECIES.map((s) => ({ value: String(s), label: labels.secrecy(s) }))}
                allowDeselect={false}
                value={form.secrecy}
                onChange={(v) => set('secrecy', v ?? '0')}
                data-testid="draft-secrecy"
              />
              <DateField
                label={t('docs.dueDate')}
                value={form.dueDate}
                onChange={(v) => set('dueDate', v)}
                error={errors.dueDate}
                data-testid="draft-dueDate"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={`${t('outgoing.plannedSigner')}: ${t('docs.signerForm').toLowerCase()}`}
                data={formOptions}
                clearable
                value={form.signerForm}
                onChange={(v) => set('signerForm', v)}
                error={errors.signerForm}
                data-testid="draft-signerForm"
              />
              <TextInput
                label={t('docs.signerPosition')}
                placeholder={t('outgoing.signerPositionHint')}
                value={form.signerPosition}
                onChange={(e) => set('signerPosition', e.currentTarget.value)}
                error={errors.signerPosition}
                data-testid="draft-signerPosition"
              />
              <TextInput
                label={t('docs.signerName')}
                value={form.signerName}
                onChange={(e) => set('signerName', e.currentTarget.value)}
                error={errors.signerName}
                data-testid="draft-signerName"
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate(-1)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="draft-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
