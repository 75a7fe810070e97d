import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { routingApi } from '../../api/endpoints';
import { COMPETENCE_LEVELS, REQUEST_KINDS, type CatalogueEntry, type CompetenceLevel } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, useErrorMessage } from '../../components/QueryError';
import { fold } from '../../lib/text';
import { can, useUser } from '../auth/session';
import { useFields, useUnits } from '../units/queries';
import { useRoutingLabels } from './labels';
import { routingKeys, useCatalogue } from './queries';

const LEVEL_COLOR: Record<string, string> = { commune: 'teal', agency: 'blue', ppc: 'orange', chairman: 'red' };

interface Row {
  index: number;
  entry: CatalogueEntry;
}

/** What PUT takes: the entry without its id. */
const bare = ({ id: _id, ...e }: CatalogueEntry): CatalogueEntry => e;

export function CataloguePage() {
  const { t } = useTranslation();
  const user = useUser();
  const admin = can(user, 'routing.admin');
  const catalogue = useCatalogue();
  const labels = useRoutingLabels();
  const units = useUnits();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  // index of the edited row, -1 for a new one
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);

  const entries = useMemo(() => catalogue.data?.items ?? [], [catalogue.data]);
  const rows = useMemo<Row[]>(() => entries.map((entry, index) => ({ index, entry })), [entries]);
  const unitName = useMemo(() => {
    const m = new Map((units.data?.items ?? []).map((u) => [u.code, u.name]));
    return (code: string | null) => (code ? (m.get(code) ?? code) : '');
  }, [units.data]);

  const save = useMutation({
    mutationFn: (next: CatalogueEntry[]) => routingApi.saveCatalogue(next.map(bare)),
    onSuccess: (data) => {
      qc.setQueryData(routingKeys.catalogue, data);
      notifications.show({ color: 'green', message: t('catalogue.saved') });
      setEditing(null);
      setRemoving(null);
    },
  });

  const columns = useMemo<Column<Row>[]>(() => {
    const cols: Column<Row>[] = [
      {
        key: 'field',
        header: t('catalogue.field'),
        value: (r) => labels.field(r.entry.field),
        width: 160,
      },
      {
        key: 'matter',
        header: t('catalogue.matter'),
        value: (r) => r.entry.matter.join('; '),
        render: (r) => <Text size="xs">{r.entry.matter.join('; ') || '—'}</Text>,
        width: 220,
      },
      {
        key: 'requestKinds',
        header: t('catalogue.requestKinds'),
        value: (r) =>
          r.entry.requestKinds.length
            ? r.entry.requestKinds.map(labels.requestKind).join(', ')
            : t('catalogue.requestKindsAll'),
        width: 110,
      },
      {
        key: 'level',
        header: t('catalogue.level'),
        value: (r) => labels.competence(r.entry.level),
        render: (r) => (
          <Badge color={LEVEL_COLOR[r.entry.level] ?? 'gray'} variant="light" data-level={r.entry.level}>
            {labels.competence(r.entry.level)}
          </Badge>
        ),
        width: 150,
      },
      {
        key: 'adviceAgency',
        header: t('catalogue.adviceAgency'),
        value: (r) => unitName(r.entry.adviceAgency),
        width: 170,
      },
      {
        key: 'basis',
        header: t('catalogue.basis'),
        value: (r) => r.entry.basis,
        render: (r) => <Text size="xs">{r.entry.basis}</Text>,
        width: 280,
      },
      {
        key: 'guidance',
        header: t('catalogue.guidance'),
        value: (r) => r.entry.guidance,
        render: (r) => <Text size="xs">{r.entry.guidance}</Text>,
        width: 300,
      },
    ];
    if (admin)
      cols.push({
        key: 'actions',
        header: t('common.actions'),
        value: () => '',
        sortable: false,
        exportable: false,
        filterable: false,
        width: 130,
        render: (r) => (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="light" onClick={() => openEditor(r.index)} data-testid="catalogue-edit">
              {t('common.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => openRemove(r.index)}
              data-testid="catalogue-remove"
            >
              {t('catalogue.remove')}
            </Button>
          </Group>
        ),
      });
    return cols;
  }, [t, labels, unitName, admin]);

  const removed = removing !== null ? entries[removing] : undefined;
  const openEditor = (i: number) => {
    save.reset();
    setEditing(i);
  };
  const openRemove = (i: number) => {
    save.reset();
    setRemoving(i);
  };

  return (
    <>
      <PageHeader title={t('catalogue.title')}>
        {admin && (
          <Button onClick={() => openEditor(-1)} data-testid="catalogue-add">
            + {t('catalogue.add')}
          </Button>
        )}
      </PageHeader>
      {catalogue.isError && <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      <DataTable
        testId="catalogue-table"
        rows={rows}
        columns={columns}
        rowKey={(r) => r.entry.id ?? String(r.index)}
        loading={catalogue.isFetching}
        initialSort={{ key: 'field', dir: 'asc' }}
        countLabel={(count) => t('catalogue.count', { count })}
        filterPlaceholder={t('catalogue.filter')}
        exportName={t('catalogue.file')}
        sheetName={t('catalogue.sheet')}
        exportTitle={t('catalogue.title')}
        minWidth={1550}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === -1 ? t('catalogue.addTitle') : t('catalogue.editTitle')}
        size="lg"
        data-testid="catalogue-modal"
      >
        {editing !== null && (
          <EntryForm
            initial={editing >= 0 ? entries[editing] : undefined}
            saving={save.isPending}
            error={save.isError ? save.error : null}
            onCancel={() => setEditing(null)}
            onSave={(e) => {
              const next = [...entries];
              if (editing >= 0) next[editing] = e;
              else next.push(e);
              save.mutate(next);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={removed !== undefined}
        onClose={() => setRemoving(null)}
        title={t('catalogue.removeTitle')}
        data-testid="catalogue-remove-modal"
      >
        {removed && (
          <Stack>
            <Text size="sm">
              {t('catalogue.removeConfirm', {
                field: labels.field(removed.field),
                level: labels.competence(removed.level),
              })}
            </Text>
            {save.isError && (
              <Alert color="red" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={save.isPending}
                onClick={() => save.mutate(entries.filter((_, i) => i !== removing))}
                data-testid="catalogue-remove-confirm"
              >
                {t('catalogue.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

type EntryErrors = Partial<Record<'field' | 'basis' | 'adviceAgency' | 'form', string>>;

function EntryForm({
  initial,
  saving,
  error,
  onCancel,
  onSave,
}: {
  initial?: CatalogueEntry;
  saving: boolean;
  error: unknown;
  onCancel: () => void;
  onSave: (e: CatalogueEntry) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useRoutingLabels();
  const errorMessage = useErrorMessage();
  const fields = useFields();
  const agencies = useUnits('agency');
  const [field, setField] = useState<string | null>(initial?.field ?? null);
  const [matter, setMatter] = useState<string[]>(initial?.matter ?? []);
  const [requestKinds, setRequestKinds] = useState<string[]>(initial?.requestKinds ?? []);
  const [level, setLevel] = useState<CompetenceLevel>(initial?.level ?? 'ppc');
  const [adviceAgency, setAdviceAgency] = useState<string | null>(initial?.adviceAgency ?? null);
  const [basis, setBasis] = useState(initial?.basis ?? '');
  const [guidance, setGuidance] = useState(initial?.guidance ?? '');
  const [errors, setErrors] = useState<EntryErrors>({});

  // The server names the entry at fault as entries.N.field / entries.N.adviceAgency.
  const serverField = isApiError(error) ? (error.field ?? '').split('.').pop() : undefined;
  const serverError = error ? errorMessage(error) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: EntryErrors = {};
    if (!field) next.field = t('validation.pick', { field: t('catalogue.field').toLowerCase() });
    if (basis.trim().length < 3) next.basis = t('catalogue.basisShort');
    setErrors(next);
    if (Object.keys(next).length) return;
    onSave({
      field: field!,
      // The server compares the phrases with the folded text of the document as they are stored.
      matter: [...new Set(matter.map((m) => fold(m).replace(/\s+/g, ' ').trim()).filter(Boolean))],
      requestKinds,
      level,
      adviceAgency: adviceAgency || null,
      basis: basis.trim(),
      guidance: guidance.trim(),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="catalogue-form">
      <Stack gap="sm">
        {serverError && !['field', 'adviceAgency', 'basis'].includes(serverField ?? '') && (
          <Alert color="red" role="alert" data-testid="catalogue-form-error">
            {serverError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('catalogue.field')}
            withAsterisk
            searchable
            data={(fields.data?.items ?? []).map((f) => ({
              value: f.code,
              label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name,
            }))}
            value={field}
            onChange={setField}
            error={errors.field ?? (serverField === 'field' ? serverError : undefined)}
            data-testid="catalogue-field"
          />
          <Select
            label={t('catalogue.level')}
            withAsterisk
            data={COMPETENCE_LEVELS.map((l) => ({ value: l, label: labels.competence(l) }))}
            value={level}
            onChange={(v) => v && setLevel(v as CompetenceLevel)}
            allowDeselect={false}
            data-testid="catalogue-level"
          />
        </SimpleGrid>
        <TagsInput
          label={t('catalogue.matter')}
          description={t('catalogue.matterHint')}
          value={matter}
          onChange={setMatter}
          clearable
          data-testid="catalogue-matter"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('catalogue.requestKinds')}
            placeholder={requestKinds.length ? undefined : t('catalogue.requestKindsAll')}
            data={REQUEST_KINDS.map((k) => ({ value: k, label: labels.requestKind(k) }))}
            value={requestKinds}
            onChange={setRequestKinds}
            clearable
            data-testid="catalogue-request-kinds"
          />
          <Select
            label={t('catalogue.adviceAgency')}
            searchable
            clearable
            data={(agencies.data?.items ?? []).map((u) => ({ value: u.code, label: u.name }))}
            value={adviceAgency}
            onChange={setAdviceAgency}
            error={serverField === 'adviceAgency' ? serverError : undefined}
            data-testid="catalogue-advice-agency"
          />
        </SimpleGrid>
        <Textarea
          label={t('catalogue.basis')}
          withAsterisk
          autosize
          minRows={2}
          value={basis}
          onChange={(e) => setBasis(e.currentTarget.value)}
          error={errors.basis ?? (serverField === 'basis' ? serverError : undefined)}
          data-testid="catalogue-basis"
        />
        <Textarea
          label={t('catalogue.guidance')}
          autosize
          minRows={2}
          value={guidance}
          onChange={(e) => setGuidance(e.currentTarget.value)}
          data-testid="catalogue-guidance"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="catalogue-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
