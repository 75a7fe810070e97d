import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkT } from '../../i18n/work';
import { DataTable, type Column } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, useErrorMessage } from '../../components/QueryError';
import { currentYear, formatDate, todayIso } from '../../lib/date';
import { can, useUser } from '../auth/session';
import {
  DAY_KINDS,
  DAY_OFF_KINDS,
  calendarApi,
  calendarKeys,
  useCalendarDays,
  weekday,
  type CalendarDay,
  type DayInput,
  type DayKind,
} from './api';

const KIND_COLOR: Record<string, string> = {
  holiday: 'red',
  compensation: 'orange',
  government_off: 'grape',
  makeup_workday: 'blue',
  workday: 'teal',
};

function useCalendarLabels() {
  const t = useWorkT();
  const kind = (k: string) => ((DAY_KINDS as readonly string[]).includes(k) ? t(`dayKind.${k as DayKind}`) : k);
  const source = (s: string) => (s === 'official' || s === 'default' ? t(`calendar.source.${s}`) : s);
  const dow = (iso: string) => t(`calendar.weekday.${weekday(iso) as 0 | 1 | 2 | 3 | 4 | 5 | 6}`);
  return { kind, source, dow };
}

/** "Lịch làm việc": holidays, days off and make-up days of a year; official days editable by the administrator. */
export function CalendarPage() {
  const t = useWorkT();
  const user = useUser();
  const canEdit = can(user, 'calendar.write');
  const labels = useCalendarLabels();
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const days = useCalendarDays(year);
  const [editing, setEditing] = useState<CalendarDay | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CalendarDay | null>(null);

  const years = useMemo(() => {
    const out: string[] = [];
    for (let y = thisYear + 2; y >= thisYear - 3; y--) out.push(String(y));
    return out;
  }, [thisYear]);

  const rows = days.data?.items ?? [];
  const offCount = rows.filter((d) => DAY_OFF_KINDS.includes(d.kind) && weekday(d.date) % 6 !== 0).length;

  const columns = useMemo<Column<CalendarDay>[]>(() => {
    const cols: Column<CalendarDay>[] = [
      { key: 'date', header: t('ui.date'), value: (d) => d.date, render: (d) => formatDate(d.date), width: 110 },
      {
        key: 'weekday',
        header: t('calendar.weekdayCol'),
        value: (d) => labels.dow(d.date),
        width: 100,
        sortable: false,
      },
      { key: 'name', header: t('calendar.name'), value: (d) => d.name },
      {
        key: 'kind',
        header: t('calendar.kind'),
        value: (d) => labels.kind(d.kind),
        render: (d) => (
          <Badge color={KIND_COLOR[d.kind] ?? 'gray'} variant="light" data-testid="calendar-kind" data-kind={d.kind}>
            {labels.kind(d.kind)}
          </Badge>
        ),
        width: 190,
      },
      {
        key: 'source',
        header: t('calendar.sourceCol'),
        value: (d) => labels.source(d.source),
        render: (d) => (
          <Badge
            color={d.source === 'official' ? 'green' : 'gray'}
            variant={d.source === 'official' ? 'filled' : 'outline'}
            data-testid="calendar-source"
            data-source={d.source}
          >
            {labels.source(d.source)}
          </Badge>
        ),
        width: 120,
      },
      {
        key: 'basis',
        header: t('calendar.basis'),
        value: (d) => d.basis,
        render: (d) => (
          <Text size="sm" lineClamp={2}>
            {d.basis}
          </Text>
        ),
      },
    ];
    if (canEdit) {
      cols.push({
        key: 'actions',
        header: t('ui.actions'),
        value: () => '',
        sortable: false,
        filterable: false,
        exportable: false,
        width: 150,
        render: (d) => (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="light" onClick={() => setEditing(d)} data-testid="calendar-edit">
              {t('ui.edit')}
            </Button>
            {d.source === 'official' && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => setDeleting(d)}
                data-testid="calendar-delete"
              >
                {t('calendar.delete')}
              </Button>
            )}
          </Group>
        ),
      });
    }
    return cols;
  }, [t, labels, canEdit]);

  return (
    <>
      <PageHeader title={t('calendar.title')}>
        {canEdit && (
          <Button onClick={() => setEditing('new')} data-testid="calendar-add">
            {t('calendar.add')}
          </Button>
        )}
      </PageHeader>
      {days.isError && <QueryError error={days.error} onRetry={() => void days.refetch()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('calendar.intro', { year, count: offCount })}
            </Text>
            <DataTable
              testId="calendar-table"
              rows={rows}
              columns={columns}
              rowKey={(d) => d.date}
              rowAttributes={(d) => ({ 'data-date': d.date, 'data-source': d.source })}
              loading={days.isFetching}
              initialSort={{ key: 'date', dir: 'asc' }}
              countLabel={(count) => t('calendar.count', { count })}
              exportName={`${t('calendar.file')}-${year}`}
              sheetName={t('calendar.sheet')}
              exportTitle={`${t('calendar.title')} ${year}`}
              minWidth={800}
              toolbar={
                <Select
                  label={t('ui.year')}
                  data={years}
                  value={String(year)}
                  onChange={(v) => v && setYear(Number(v))}
                  allowDeselect={false}
                  w={110}
                  data-testid="calendar-year"
                />
              }
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <DeadlineTool />
        </Grid.Col>
      </Grid>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('calendar.add') : t('calendar.editTitle')}
        data-testid="calendar-day-modal"
      >
        {editing !== null && (
          <DayForm day={editing === 'new' ? null : editing} year={year} onDone={() => setEditing(null)} />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('calendar.deleteTitle')}
        data-testid="calendar-delete-modal"
      >
        {deleting && <DeleteDay day={deleting} onDone={() => setDeleting(null)} />}
      </Modal>
    </>
  );
}

function DayForm({ day, year, onDone }: { day: CalendarDay | null; year: number; onDone: () => void }) {
  const t = useWorkT();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const labels = useCalendarLabels();
  const [date, setDate] = useState(day?.date ?? '');
  const [name, setName] = useState(day?.name ?? '');
  const [kind, setKind] = useState<DayKind>((day?.kind as DayKind) ?? 'holiday');
  // A default day becomes official: its basis must be the government's decision, so start empty.
  const [basis, setBasis] = useState(day?.source === 'official' ? day.basis : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (v: { date: string; input: DayInput }) => calendarApi.put(v.date, v.input),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: calendarKeys.all });
      notifications.show({ color: 'green', message: t('calendar.saved', { date: formatDate(saved?.date ?? date) }) });
      onDone();
    },
    onError: (e) => setFormError(errorMessage(e)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const errs: Record<string, string> = {};
    if (!date) errs.date = t('ui.required', { field: t('ui.date').toLowerCase() });
    if (!name.trim()) errs.name = t('ui.required', { field: t('calendar.name').toLowerCase() });
    if (!basis.trim()) errs.basis = t('ui.required', { field: t('calendar.basis').toLowerCase() });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate({ date, input: { name: name.trim(), kind, basis: basis.trim() } });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="calendar-day-form">
      <Stack>
        {formError && (
          <Alert color="red" data-testid="calendar-day-error">
            {formError}
          </Alert>
        )}
        {day?.source === 'default' && (
          <Alert color="blue" variant="light">
            {t('calendar.overrideDefault')}
          </Alert>
        )}
        <DateField
          label={t('ui.date')}
          value={date}
          onChange={setDate}
          error={errors.date}
          disabled={!!day}
          required
          defaultDate={`${year}-01-01`}
          data-testid="calendar-day-date"
        />
        {date && (
          <Text size="xs" c="dimmed" mt={-10}>
            {labels.dow(date)}
          </Text>
        )}
        <TextInput
          label={t('calendar.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-testid="calendar-day-name"
        />
        <Select
          label={t('calendar.kind')}
          data={DAY_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          value={kind}
          onChange={(v) => v && setKind(v as DayKind)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="calendar-day-kind"
        />
        <Textarea
          label={t('calendar.basis')}
          description={t('calendar.basisHint')}
          value={basis}
          onChange={(e) => setBasis(e.currentTarget.value)}
          error={errors.basis}
          required
          autosize
          minRows={2}
          data-testid="calendar-day-basis"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="calendar-day-save">
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteDay({ day, onDone }: { day: CalendarDay; onDone: () => void }) {
  const t = useWorkT();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const labels = useCalendarLabels();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: () => calendarApi.remove(day.date),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: calendarKeys.all });
      notifications.show({
        color: 'green',
        message: r.effective
          ? t('calendar.deletedToDefault', { date: formatDate(day.date), kind: labels.kind(r.effective.kind) })
          : t('calendar.deleted', { date: formatDate(day.date) }),
      });
      onDone();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Stack>
      {error && <Alert color="red">{error}</Alert>}
      <Text size="sm">{t('calendar.deleteConfirm', { date: formatDate(day.date), name: day.name })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('ui.cancel')}
        </Button>
        <Button
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          data-testid="calendar-delete-confirm"
        >
          {t('calendar.delete')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Tính hạn": the N-th working day after a date, on the official calendar. */
function DeadlineTool() {
  const t = useWorkT();
  const errorMessage = useErrorMessage();
  const labels = useCalendarLabels();
  const [from, setFrom] = useState(todayIso());
  const [days, setDays] = useState<number | string>(10);
  const [error, setError] = useState<string | null>(null);
  const compute = useMutation({
    mutationFn: (v: { from: string; days: number }) => calendarApi.addWorkingDays(v.from, v.days),
    onMutate: () => setError(null),
    onError: (e) => setError(errorMessage(e)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from) return setError(t('ui.required', { field: t('calendar.from').toLowerCase() }));
    if (typeof days !== 'number') return setError(t('ui.required', { field: t('calendar.days').toLowerCase() }));
    compute.mutate({ from, days });
  };
  const result = compute.data?.date;
  return (
    <Paper withBorder p="md" data-testid="deadline-tool">
      <Title order={4} mb="xs">
        {t('calendar.tool')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calendar.toolHint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-end" grow>
            <DateField label={t('calendar.from')} value={from} onChange={setFrom} data-testid="deadline-from" />
            <NumberInput
              label={t('calendar.days')}
              value={days}
              onChange={setDays}
              min={0}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              data-testid="deadline-days"
            />
          </Group>
          <Button type="submit" loading={compute.isPending} data-testid="deadline-compute">
            {t('calendar.compute')}
          </Button>
          {error && (
            <Alert color="red" data-testid="deadline-error">
              {error}
            </Alert>
          )}
          {result && compute.variables && (
            <Alert color="blue" variant="light" data-testid="deadline-result" data-date={result}>
              <Text size="sm">
                {t('calendar.result', {
                  days: compute.variables.days,
                  from: formatDate(compute.variables.from),
                })}
              </Text>
              <Text fw={700} size="lg">
                {labels.dow(result)}, {formatDate(result)}
              </Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
