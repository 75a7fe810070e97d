import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Code,
  Grid,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { documentsApi } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import {
  SECRECIES,
  SIGNING_FORMS,
  URGENCIES,
  type DuplicateOf,
  type RegisteredDocument,
  type Extraction,
  type IncomingInput,
} from '../../api/types';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useErrorMessage } from '../../components/QueryError';
import { formatDate } from '../../lib/date';
import { useFields, useUnits } from '../units/queries';
import { FileDrop } from './FileDrop';
import { LabelWithConfidence, LOW_CONFIDENCE } from './ConfidenceBadge';
import {
  EMPTY_FORM,
  formKeyOfPath,
  matchUnit,
  NO_FORM,
  prefillFromExtraction,
  previewInput,
  toIncomingInput,
  validateIncoming,
  type FormErrors,
  type FormKey,
  type IncomingForm,
} from './incomingForm';
import { ReferencesInput } from './ReferencesInput';
import { RoutePreview } from '../routing/RoutePreview';
import { useRoutingLabels } from '../routing/labels';
import { useDocLabels } from './labels';
import { FilePreview } from './FilePreview';
import { docKeys, useDocTypes, useOcrStatus } from './queries';
import { documentPath } from '../../routes/paths';

const LABEL_KEYS = {
  issuer: 'docs.issuer',
  number: 'docs.number',
  notation: 'docs.notation',
  issuedDate: 'docs.issuedDate',
  type: 'docs.type',
  subject: 'docs.subject',
  signerForm: 'docs.signerForm',
  signerPosition: 'docs.signerPosition',
  signerName: 'docs.signerName',
  urgency: 'docs.urgency',
  secrecy: 'docs.secrecy',
  pages: 'docs.pages',
  recipients: 'docs.recipients',
  dueDate: 'docs.dueDate',
  fields: 'docs.fields',
  references: 'incoming.references',
} as const satisfies Record<FormKey, string>;

export function IncomingRegisterPage() {
  const { t, i18n } = useTranslation();
  const labels = useDocLabels();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const types = useDocTypes();
  const units = useUnits();
  const fields = useFields();
  const ocr = useOcrStatus();
  const routing = useRoutingLabels();

  const [form, setForm] = useState<IncomingForm>(EMPTY_FORM);
  const [touched, setTouched] = useState<ReadonlySet<FormKey>>(new Set());
  const [confidence, setConfidence] = useState<Partial<Record<FormKey, number>>>({});
  const [unreadable, setUnreadable] = useState<Partial<Record<FormKey, string>>>({});
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [extraction, setExtraction] = useState<Extraction | null>(null);
  const [duplicate, setDuplicate] = useState<{ message: string; of: DuplicateOf | null } | null>(null);

  const unitList = useMemo(() => units.data?.items ?? [], [units.data]);
  const typeCodes = useMemo(() => (types.data?.items ?? []).map((x) => x.code), [types.data]);
  const label = (k: FormKey) => t(LABEL_KEYS[k]);

  const set = <K extends FormKey>(key: K, value: IncomingForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((s) => new Set(s).add(key));
    // The clerk has looked at and changed the value: it is no longer the extractor's guess.
    setConfidence((c) => {
      if (!(key in c)) return c;
      const next = { ...c };
      delete next[key];
      return next;
    });
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
    setUnreadable((u) => (u[key] ? { ...u, [key]: undefined } : u));
  };

  const extract = useMutation({
    mutationFn: (f: File) => documentsApi.extract(f),
    onSuccess: (x) => {
      setExtraction(x);
      const p = prefillFromExtraction(x, typeCodes);
      const keys = (Object.keys(p.values) as FormKey[]).filter((k) => !touched.has(k));
      setForm((f) => ({ ...f, ...Object.fromEntries(keys.map((k) => [k, p.values[k]])) }));
      setConfidence(Object.fromEntries(keys.map((k) => [k, p.confidence[k] ?? 0])));
      setUnreadable(p.unreadable);
      setErrors({});
    },
  });

  const onFile = (f: File) => {
    setFile(f);
    setExtraction(null);
    setDuplicate(null);
    extract.mutate(f);
  };

  const submit = useMutation({
    mutationFn: (input: IncomingInput) => (file ? documentsApi.upload(file, input) : documentsApi.register(input)),
    onSuccess: async (doc: RegisteredDocument) => {
      await qc.invalidateQueries({ queryKey: docKeys.all });
      const message = doc.route
        ? t('incoming.registeredWithFlow', { n: doc.arrivalNumber ?? '', flow: routing.flow(doc.route.flow) })
        : t('incoming.registered', { n: doc.arrivalNumber ?? '' });
      notifications.show({ color: 'green', message, autoClose: 8000 });
      void navigate(documentPath(doc.id), { state: { flash: message } });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'DUPLICATE_DOCUMENT') {
        setDuplicate({ message: errorMessage(e), of: (e.body.duplicateOf as DuplicateOf | undefined) ?? null });
        return;
      }
      const key = isApiError(e) && e.status === 400 ? formKeyOfPath(e.field) : null;
      if (key) {
        setErrors({ [key]: errorMessage(e) });
        setFormError(t('incoming.fixErrors'));
      } else setFormError(errorMessage(e));
    },
  });

  const send = (confirmDuplicate: boolean) => {
    setFormError(null);
    const errs = validateIncoming(form, {
      required: (k) => t('validation.required', { field: label(k).toLowerCase() }),
      subjectShort: t('incoming.subjectShort'),
      notation: t('incoming.notationFormat'),
      referenceShort: t('incoming.referenceShort'),
    });
    setErrors(errs);
    if (Object.keys(errs).length) {
      setFormError(t('incoming.fixErrors'));
      return;
    }
    const input = toIncomingInput(form, unitList);
    if (confirmDuplicate) input.confirmDuplicate = true;
    else setDuplicate(null);
    submit.mutate(input);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(false);
  };

  // Field decorations: the label carries the confidence; low confidence is highlighted.
  const deco = (k: FormKey) => {
    const c = confidence[k];
    const raw = unreadable[k];
    const low = (c !== undefined && c < LOW_CONFIDENCE) || !!raw;
    return {
      label: <LabelWithConfidence label={label(k)} confidence={c} field={k} />,
      error: errors[k],
      description: raw ? t('incoming.unreadable', { raw }) : low ? t('incoming.lowConfidence') : undefined,
      classNames: low ? { input: 'dh-low-confidence' } : undefined,
      'data-low-confidence': low || undefined,
      'data-testid': `incoming-${k}`,
    };
  };

  const issuerUnit = matchUnit(form.issuer, unitList);
  const issuerOptions = useMemo(() => Array.from(new Set(unitList.map((u) => u.name))), [unitList]);
  const typeOptions = (types.data?.items ?? []).map((x) => ({ value: x.code, label: labels.typeName(x) }));
  const fieldOptions = (fields.data?.items ?? []).map((f) => ({
    value: f.code,
    label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name,
  }));
  const formOptions = SIGNING_FORMS.map((f) => ({ value: f || NO_FORM, label: f || t('docs.signingFormNone') }));
  const ocrDown = ocr.data?.available === false || (extraction !== null && extraction.ocrAvailable === false);

  // The route preview follows the form, half a second after the clerk stops typing.
  const previewKey = JSON.stringify(previewInput(form, unitList, extraction?.text || undefined));
  const [debouncedKey] = useDebouncedValue(previewKey, 500);
  const preview = useMemo(() => JSON.parse(debouncedKey) as IncomingInput | null, [debouncedKey]);

  return (
    <>
      <PageHeader title={t('incoming.register')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            {ocrDown && (
              <Alert color="yellow" title={t('incoming.ocrUnavailable')} data-testid="ocr-unavailable">
                {ocr.data?.message ? `${ocr.data.message} ` : ''}
                {t('incoming.ocrUnavailableHint')}
              </Alert>
            )}
            <FileDrop testId="incoming-drop" onFiles={(fs) => fs[0] && onFile(fs[0])} disabled={submit.isPending} />
            <RoutePreview input={preview} />
            {file && (
              <Paper withBorder p="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" truncate data-testid="incoming-file-name">
                    {file.name}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      setFile(null);
                      setExtraction(null);
                      setConfidence({});
                      setUnreadable({});
                    }}
                  >
                    {t('incoming.removeFile')}
                  </Button>
                </Group>
              </Paper>
            )}
            {extract.isPending && (
              <Group gap="xs" data-testid="incoming-extracting">
                <Loader size="xs" />
                <Text size="sm">{t('incoming.extracting')}</Text>
              </Group>
            )}
            {extract.isError && (
              <Alert color="red" data-testid="incoming-extract-error">
                {t('incoming.extractFailed', { message: errorMessage(extract.error) })}
              </Alert>
            )}
            {extraction && (
              <Alert color="blue" data-testid="incoming-extracted">
                {t('incoming.extracted', { source: labels.source(extraction.source) })}
              </Alert>
            )}
            {file && <LocalPreview file={file} />}
            {extraction?.text && (
              <Paper withBorder p="xs">
                <Title order={6} mb={4}>
                  {t('incoming.extractedText')}
                </Title>
                <Spoiler maxHeight={120} showLabel="…" hideLabel="▲">
                  <Code block style={{ whiteSpace: 'pre-wrap' }}>
                    {extraction.text}
                  </Code>
                </Spoiler>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            <form onSubmit={onSubmit} noValidate data-testid="incoming-form">
              <Stack gap="sm">
                {formError && (
                  <Alert color="red" role="alert" data-testid="incoming-form-error">
                    {formError}
                  </Alert>
                )}
                {duplicate && (
                  <Alert color="orange" title={t('incoming.duplicate')} data-testid="incoming-duplicate">
                    <Stack gap="xs">
                      <Text size="sm">{duplicate.message}</Text>
                      {duplicate.of && (
                        <Anchor
                          component={Link}
                          to={documentPath(duplicate.of.id)}
                          size="sm"
                          data-testid="incoming-duplicate-link"
                        >
                          {t('incoming.duplicateLink', {
                            n: duplicate.of.arrivalNumber ?? '',
                            date: formatDate(duplicate.of.arrivalDate),
                          })}
                        </Anchor>
                      )}
                      <Group>
                        <Button
                          color="orange"
                          size="xs"
                          onClick={() => send(true)}
                          loading={submit.isPending}
                          data-testid="incoming-confirm-duplicate"
                        >
                          {t('incoming.confirmDuplicate')}
                        </Button>
                      </Group>
                    </Stack>
                  </Alert>
                )}
                <Autocomplete
                  {...deco('issuer')}
                  withAsterisk
                  data={issuerOptions}
                  limit={30}
                  value={form.issuer}
                  onChange={(v) => set('issuer', v)}
                  placeholder={t('incoming.issuerHint')}
                  description={
                    deco('issuer').description ??
                    (form.issuer.trim()
                      ? issuerUnit
                        ? t('incoming.issuerKnown', { code: issuerUnit.code })
                        : t('incoming.issuerFree')
                      : undefined)
                  }
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    {...deco('number')}
                    inputMode="numeric"
                    value={form.number}
                    onChange={(e) => set('number', e.currentTarget.value.replace(/[^\d]/g, ''))}
                  />
                  <TextInput
                    {...deco('notation')}
                    value={form.notation}
                    placeholder="UBND-KT"
                    onChange={(e) => set('notation', e.currentTarget.value)}
                  />
                  <DateField
                    {...deco('issuedDate')}
                    withAsterisk
                    value={form.issuedDate}
                    onChange={(v) => set('issuedDate', v)}
                  />
                </SimpleGrid>
                <Select
                  {...deco('type')}
                  withAsterisk
                  searchable
                  data={typeOptions}
                  value={form.type}
                  onChange={(v) => set('type', v)}
                />
                <Textarea
                  {...deco('subject')}
                  withAsterisk
                  autosize
                  minRows={2}
                  maxRows={6}
                  value={form.subject}
                  onChange={(e) => set('subject', e.currentTarget.value)}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    {...deco('signerForm')}
                    data={formOptions}
                    clearable
                    value={form.signerForm}
                    onChange={(v) => set('signerForm', v)}
                  />
                  <TextInput
                    {...deco('signerPosition')}
                    value={form.signerPosition}
                    onChange={(e) => set('signerPosition', e.currentTarget.value)}
                  />
                  <TextInput
                    {...deco('signerName')}
                    value={form.signerName}
                    onChange={(e) => set('signerName', e.currentTarget.value)}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <Select
                    {...deco('urgency')}
                    data={URGENCIES.map((u) => ({ value: String(u), label: labels.urgency(u) }))}
                    allowDeselect={false}
                    value={form.urgency}
                    onChange={(v) => set('urgency', v ?? '0')}
                  />
                  <Select
                    {...deco('secrecy')}
                    data={SECRECIES.map((s) => ({ value: String(s), label: labels.secrecy(s) }))}
                    allowDeselect={false}
                    value={form.secrecy}
                    onChange={(v) => set('secrecy', v ?? '0')}
                  />
                  <NumberInput
                    {...deco('pages')}
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    value={form.pages}
                    onChange={(v) => set('pages', String(v))}
                  />
                  <DateField {...deco('dueDate')} value={form.dueDate} onChange={(v) => set('dueDate', v)} />
                </SimpleGrid>
                <Textarea
                  {...deco('recipients')}
                  autosize
                  minRows={2}
                  maxRows={8}
                  placeholder={t('incoming.recipientsHint')}
                  value={form.recipients}
                  onChange={(e) => set('recipients', e.currentTarget.value)}
                />
                <MultiSelect
                  {...deco('fields')}
                  data={fieldOptions}
                  searchable
                  clearable
                  value={form.fields}
                  onChange={(v) => set('fields', v)}
                />
                <ReferencesInput
                  label={deco('references').label}
                  error={deco('references').error}
                  description={deco('references').description}
                  classNames={deco('references').classNames}
                  issuerOptions={issuerOptions}
                  value={form.references}
                  onChange={(v) => set('references', v)}
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => void navigate(-1)}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    type="submit"
                    loading={submit.isPending}
                    disabled={extract.isPending}
                    data-testid="incoming-submit"
                  >
                    {t('incoming.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The chosen file shown before upload, so the clerk can compare it with the form. */
function LocalPreview({ file }: { file: File }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  if (!url) return null;
  return (
    <ScrollArea.Autosize mah={720}>
      <FilePreview url={url} mime={file.type} name={file.name} />
    </ScrollArea.Autosize>
  );
}
