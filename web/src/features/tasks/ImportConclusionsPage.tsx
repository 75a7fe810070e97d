import { useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkT } from '../../i18n/work';
import { Link } from 'react-router-dom';
import { documentsApi } from '../../api/endpoints';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useErrorMessage } from '../../components/QueryError';
import { formatDate } from '../../lib/date';
import { paths, taskPath } from '../../routes/paths';
import { tasksApi, type ConclusionRow, type Task } from './api';
import { useTaskLabels } from './labels';
import { useUnitOptions } from './options';
import { taskKeys } from './queries';

type Row = ConclusionRow & { key: number };
type Flag = ConclusionRow['flags'][number];

const flagCode = (f: Flag) => (typeof f === 'string' ? f : f.code);
/** Flags about a missing deadline or lead, settled once the user fills the field in. */
const DEADLINE_MISSING = new Set([
  'NO_DEADLINE',
  'DEADLINE_UNREADABLE',
  'WORKING_DAYS_NEED_CALENDAR',
  'NEEDS_ISSUED_DATE',
]);
const LEAD_MISSING = new Set(['NO_LEAD_UNIT', 'LEAD_UNIT_MISSING']);
/** Flags that only say where the deadline came from. */
const INFO = new Set(['DEADLINE_FROM_INTRO', 'DEADLINE_FROM_POINT']);
const pointOf = (r: ConclusionRow) => r.source?.point ?? r.point ?? '';
const flagMessage = (f: Flag) => (typeof f === 'string' ? undefined : f.message);

/** "Nhập thông báo kết luận": text → tasks previewed, edited, then saved. */
export function ImportConclusionsPage() {
  const t = useWorkT();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const units = useUnitOptions();
  const [text, setText] = useState('');
  // Empty: the server reads the date from the notice ("Ngày 06 tháng 01 năm 2026, …").
  const [issuedDate, setIssuedDate] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Task[] | null>(null);
  const nextKey = useRef(0);

  const readFile = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setReading(true);
    try {
      const isText = file.type.startsWith('text/') || /\.txt$/i.test(file.name);
      const content = isText ? await file.text() : (await documentsApi.extract(file)).text;
      setText(content ?? '');
      setFileName(file.name);
      setRows(null);
      setSaved(null);
    } catch (e) {
      setError(t('importConcl.readFailed', { message: errorMessage(e) }));
    } finally {
      setReading(false);
    }
  };

  const preview = useMutation({
    mutationFn: () => tasksApi.importConclusions({ text, ...(issuedDate ? { issuedDate } : {}) }),
    onSuccess: (r) => {
      setSaved(null);
      if (!issuedDate && r.issuedDate) setIssuedDate(r.issuedDate);
      const items = r.tasks ?? [];
      if (!items.length) {
        setRows(null);
        setError(t('importConcl.noneFound'));
        return;
      }
      setError(null);
      setRows(items.map((x) => ({ ...x, coUnits: x.coUnits ?? [], flags: x.flags ?? [], key: nextKey.current++ })));
    },
    onError: (e) => {
      setRows(null);
      setError(errorMessage(e));
    },
  });

  const confirm = useMutation({
    mutationFn: (tasks: ConclusionRow[]) =>
      tasksApi.confirmConclusions({ text, ...(issuedDate ? { issuedDate } : {}), tasks }),
    onSuccess: async (r) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: taskKeys.all }),
        qc.invalidateQueries({ queryKey: ['inbox'] }),
      ]);
      setSaved(r.tasks ?? []);
      setRows(null);
      notifications.show({ color: 'green', message: t('importConcl.saved', { count: r.tasks?.length ?? 0 }) });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  const change = (key: number, patch: Partial<ConclusionRow>) =>
    setRows((rs) => rs?.map((r) => (r.key === key ? { ...r, ...patch } : r)) ?? null);
  const remove = (key: number) => setRows((rs) => rs?.filter((r) => r.key !== key) ?? null);

  const missing = (rows ?? []).filter((r) => !r.content.trim() || !r.leadUnit);
  const onConfirm = () => {
    setError(null);
    if (!rows?.length) return setError(t('importConcl.noneLeft'));
    if (missing.length) return setError(t('importConcl.incomplete', { count: missing.length }));
    confirm.mutate(rows.map(({ key: _key, ...r }) => ({ ...r, source: { point: pointOf(r) } })));
  };

  return (
    <>
      <PageHeader title={t('importConcl.title')}>
        <Button component={Link} to={paths.tasks} variant="subtle">
          ← {t('tasks.title')}
        </Button>
      </PageHeader>
      <Stack gap="md">
        <Paper withBorder p="md" data-testid="import-input">
          <Stack>
            <Text size="sm" c="dimmed">
              {t('importConcl.hint')}
            </Text>
            <Group align="flex-end">
              <FileButton onChange={(f) => void readFile(f)} accept=".txt,.docx,.pdf,text/plain">
                {(props) => (
                  <Button {...props} variant="light" loading={reading} data-testid="import-file">
                    {t('importConcl.chooseFile')}
                  </Button>
                )}
              </FileButton>
              {fileName && (
                <Text size="sm" data-testid="import-file-name">
                  {fileName}
                </Text>
              )}
              <DateField
                label={t('importConcl.issuedDate')}
                description={t('importConcl.issuedDateHint')}
                value={issuedDate}
                onChange={setIssuedDate}
                w={180}
                data-testid="import-issued-date"
              />
            </Group>
            <Textarea
              label={t('importConcl.text')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={8}
              maxRows={20}
              data-testid="import-text"
            />
            <Group justify="flex-end">
              <Button
                onClick={() => {
                  setError(null);
                  preview.mutate();
                }}
                loading={preview.isPending}
                data-testid="import-preview"
              >
                {t('importConcl.preview')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {error && (
          <Alert color="red" data-testid="import-error">
            {error}
          </Alert>
        )}
        {saved && (
          <Alert color="green" title={t('importConcl.saved', { count: saved.length })} data-testid="import-saved">
            <List size="sm">
              {saved.map((task) => (
                <List.Item key={task.id}>
                  <Anchor component={Link} to={taskPath(task.id)} size="sm" data-testid="import-saved-task">
                    {task.sourcePoint ? `${task.sourcePoint}. ` : ''}
                    {task.content.length > 120 ? `${task.content.slice(0, 120)}…` : task.content}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {rows && (
          <Paper withBorder p="md" data-testid="import-preview-table">
            <Group justify="space-between" mb="sm">
              <Title order={4}>{t('importConcl.previewTitle', { count: rows.length })}</Title>
              <Button color="green" onClick={onConfirm} loading={confirm.isPending} data-testid="import-confirm">
                {t('importConcl.confirm')}
              </Button>
            </Group>
            <Table.ScrollContainer minWidth={1000}>
              <Table withTableBorder verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={64}>{t('task.pointShort')}</Table.Th>
                    <Table.Th>{t('task.content')}</Table.Th>
                    <Table.Th w={190}>{t('task.leadUnit')}</Table.Th>
                    <Table.Th w={190}>{t('task.coUnits')}</Table.Th>
                    <Table.Th w={150}>{t('task.deadline')}</Table.Th>
                    <Table.Th w={80}>{t('task.recurring')}</Table.Th>
                    <Table.Th w={44} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <PreviewRow
                      key={r.key}
                      row={r}
                      unitData={units.data}
                      unitName={units.nameOf}
                      onChange={change}
                      onRemove={remove}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
    </>
  );
}

function PreviewRow({
  row,
  unitData,
  unitName,
  onChange,
  onRemove,
}: {
  row: Row;
  unitData: ReturnType<typeof useUnitOptions>['data'];
  unitName: (id: string) => string;
  onChange: (key: number, patch: Partial<ConclusionRow>) => void;
  onRemove: (key: number) => void;
}) {
  const t = useWorkT();
  const labels = useTaskLabels();
  const nameOf = (id: string) => unitName(id) || id;
  const needsDeadline = !row.deadline && !row.recurring;
  const flags = row.flags.filter(
    (f) => !(DEADLINE_MISSING.has(flagCode(f)) && !needsDeadline) && !(LEAD_MISSING.has(flagCode(f)) && row.leadUnit),
  );
  return (
    <Table.Tr data-testid="import-row" data-flags={row.flags.map(flagCode).join(' ')}>
      <Table.Td>
        <TextInput
          size="xs"
          value={pointOf(row)}
          onChange={(e) =>
            onChange(row.key, { source: { point: e.currentTarget.value || null }, point: e.currentTarget.value })
          }
          aria-label={t('task.point')}
          data-testid="import-row-point"
        />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {row.context && (
            <Text size="xs" c="dimmed" lineClamp={1} title={row.context}>
              {row.context}
            </Text>
          )}
          <Textarea
            size="xs"
            value={row.content}
            onChange={(e) => onChange(row.key, { content: e.currentTarget.value })}
            autosize
            minRows={2}
            maxRows={8}
            error={!row.content.trim() ? t('ui.required', { field: t('task.content').toLowerCase() }) : undefined}
            aria-label={t('task.content')}
            data-testid="import-row-content"
          />
          {flags.map((f) => (
            <Badge
              key={flagCode(f)}
              color={INFO.has(flagCode(f)) ? 'gray' : 'orange'}
              variant="light"
              size="sm"
              styles={{ label: { whiteSpace: 'normal', textTransform: 'none' }, root: { height: 'auto' } }}
              data-testid="import-row-flag"
              data-flag={flagCode(f)}
            >
              {INFO.has(flagCode(f)) ? 'ⓘ' : '⚠'} {labels.flag(flagCode(f), flagMessage(f))}
            </Badge>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          data={unitData}
          value={row.leadUnit?.id ?? null}
          onChange={(v) => onChange(row.key, { leadUnit: v ? { id: v, name: nameOf(v) } : null })}
          searchable
          clearable
          error={!row.leadUnit ? t('importConcl.pickLead') : undefined}
          aria-label={t('task.leadUnit')}
          comboboxProps={{ withinPortal: true }}
          allowDeselect={false}
          data-testid="import-row-lead"
        />
      </Table.Td>
      <Table.Td>
        <MultiSelect
          size="xs"
          data={unitData}
          value={row.coUnits.map((u) => u.id)}
          onChange={(ids) => onChange(row.key, { coUnits: ids.map((id) => ({ id, name: nameOf(id) })) })}
          searchable
          clearable
          aria-label={t('task.coUnits')}
          comboboxProps={{ withinPortal: true }}
          data-testid="import-row-co"
        />
      </Table.Td>
      <Table.Td>
        <DateField
          size="xs"
          value={row.deadline ?? ''}
          onChange={(v) => onChange(row.key, { deadline: v || null })}
          disabled={row.recurring}
          error={needsDeadline ? t('importConcl.deadlineNeeded') : undefined}
          aria-label={t('task.deadline')}
          data-testid="import-row-deadline"
        />
        {row.deadlinePhrase && (
          <Text size="xs" c="dimmed" mt={2} data-testid="import-row-phrase">
            “{row.deadlinePhrase}”{row.deadline ? ` → ${formatDate(row.deadline)}` : ''}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Checkbox
          checked={row.recurring}
          onChange={(e) => onChange(row.key, { recurring: e.currentTarget.checked })}
          aria-label={t('task.recurring')}
          data-testid="import-row-recurring"
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => onRemove(row.key)}
          aria-label={t('importConcl.remove')}
          title={t('importConcl.remove')}
          data-testid="import-row-remove"
        >
          ✕
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
