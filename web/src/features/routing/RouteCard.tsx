import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Checkbox,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routingApi } from '../../api/endpoints';
import { FLOWS, type Flow, type RouteOverrideInput, type StoredRoute } from '../../api/types';
import { DateField } from '../../components/DateField';
import { QueryError, useErrorMessage } from '../../components/QueryError';
import { can, useUser } from '../auth/session';
import { docKeys } from '../documents/queries';
import { usePeople } from '../people/queries';
import { useFields, useUnits } from '../units/queries';
import { useRoutingLabels } from './labels';
import { routingKeys, useDocumentRoute } from './queries';
import { RouteDetails } from './RouteDetails';

const LEADER_ROLES = ['chairman', 'vice_chairman'];

type Option = { value: string; label: string };

/** Keeps the current value selectable even when the lists do not offer it (e.g. an inactive unit). */
const withCurrent = (opts: Option[], cur: { id: string; name: string } | null): Option[] =>
  cur && !opts.some((o) => o.value === cur.id) ? [...opts, { value: cur.id, label: cur.name }] : opts;
/** Select value for "nobody" (Mantine selects need a non-empty value). */
const NONE = '__none__';

/** "Luồng xử lý" card of an incoming document, with "Điều chỉnh luồng" for those allowed. */
export function RouteCard({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const route = useDocumentRoute(documentId);
  const [editing, setEditing] = useState(false);

  return (
    <Paper withBorder p="md" data-testid="route-card">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={4}>{t('route.title')}</Title>
        {route.data && can(user, 'routing.override') && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="route-override-open">
            {t('route.override')}
          </Button>
        )}
      </Group>
      {route.isPending && <Loader size="sm" />}
      {route.isError && <QueryError error={route.error} onRetry={() => void route.refetch()} />}
      {route.data === null && (
        <Text size="sm" c="dimmed" data-testid="route-none">
          {t('route.none')}
        </Text>
      )}
      {route.data && <RouteDetails route={route.data} />}
      <Modal
        opened={editing && !!route.data}
        onClose={() => setEditing(false)}
        title={t('route.overrideTitle')}
        size="lg"
        data-testid="route-override-modal"
      >
        {route.data && <OverrideForm documentId={documentId} current={route.data} onDone={() => setEditing(false)} />}
      </Modal>
    </Paper>
  );
}

function OverrideForm({
  documentId,
  current,
  onDone,
}: {
  documentId: string;
  current: StoredRoute;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const labels = useRoutingLabels();
  const people = usePeople(null);
  const departments = useUnits('department');
  const agencies = useUnits('agency');
  const fields = useFields();

  const initial = {
    flow: current.flow,
    leaderId: current.leader?.id ?? NONE,
    departmentId: current.department?.id ?? NONE,
    leadAgencyId: current.leadAgency?.id ?? NONE,
    field: current.field.code ?? null,
    deadline: current.deadline ?? '',
  };
  const [flow, setFlow] = useState<string>(initial.flow);
  const [leaderId, setLeaderId] = useState<string>(initial.leaderId);
  const [departmentId, setDepartmentId] = useState<string>(initial.departmentId);
  const [leadAgencyId, setLeadAgencyId] = useState<string>(initial.leadAgencyId);
  const [field, setField] = useState<string | null>(initial.field);
  const [deadline, setDeadline] = useState(initial.deadline);
  const [confirmField, setConfirmField] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const leaderOptions = useMemo(
    () => [
      { value: NONE, label: t('route.noLeader') },
      ...withCurrent(
        (people.data?.items ?? [])
          .filter((p) => p.active && p.roles.some((r) => LEADER_ROLES.includes(r)))
          .map((p) => ({ value: p.id, label: `${p.fullName} — ${p.position}` })),
        current.leader,
      ),
    ],
    [people.data, current.leader, t],
  );
  const unitOptions = (
    items: { id: string; name: string; active: boolean }[] | undefined,
    cur: StoredRoute['leader'],
  ) => [
    { value: NONE, label: t('route.noUnit') },
    ...withCurrent(
      (items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
      cur,
    ),
  ];
  const fieldOptions = (fields.data?.items ?? []).map((f) => ({
    value: f.code,
    label: i18n.language === 'en' && f.nameEn ? f.nameEn : f.name,
  }));

  // A machine-suggested field can be confirmed as is; it then becomes a training example.
  const suggested = current.field.source === 'keywords' || current.field.source === 'classifier';

  const save = useMutation({
    mutationFn: (input: RouteOverrideInput) => routingApi.override(documentId, input),
    onSuccess: async (route) => {
      qc.setQueryData(routingKeys.route(documentId), route);
      await qc.invalidateQueries({ queryKey: docKeys.one(documentId) });
      notifications.show({ color: 'green', message: t('route.overrideSaved') });
      onDone();
    },
    onError: (e) => setFormError(errorMessage(e)),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const why = reason.trim();
    if (why.length < 5) {
      setReasonError(t('route.reasonShort'));
      return;
    }
    setReasonError(null);
    const input: RouteOverrideInput = { reason: why };
    const idOrNull = (v: string) => (v === NONE ? null : v);
    if (flow !== initial.flow) input.flow = flow as Flow;
    if (leaderId !== initial.leaderId) input.leaderId = idOrNull(leaderId);
    if (departmentId !== initial.departmentId) input.departmentId = idOrNull(departmentId);
    if (leadAgencyId !== initial.leadAgencyId) input.leadAgencyId = idOrNull(leadAgencyId);
    if (field && (field !== initial.field || (suggested && confirmField))) input.field = field;
    if (deadline !== initial.deadline) input.deadline = deadline || null;
    if (Object.keys(input).length === 1) {
      setFormError(t('route.noChange'));
      return;
    }
    save.mutate(input);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="route-override-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('route.overrideHint')}
        </Text>
        {formError && (
          <Alert color="red" role="alert" data-testid="route-override-error">
            {formError}
          </Alert>
        )}
        <Select
          label={t('route.flow')}
          data={FLOWS.map((f) => ({ value: f, label: labels.flow(f) }))}
          value={flow}
          onChange={(v) => v && setFlow(v)}
          allowDeselect={false}
          data-testid="route-override-flow"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('route.leader')}
            data={leaderOptions}
            value={leaderId}
            onChange={(v) => setLeaderId(v ?? NONE)}
            allowDeselect={false}
            searchable
            data-testid="route-override-leader"
          />
          <Select
            label={t('route.department')}
            data={unitOptions(departments.data?.items, current.department)}
            value={departmentId}
            onChange={(v) => setDepartmentId(v ?? NONE)}
            allowDeselect={false}
            searchable
            data-testid="route-override-department"
          />
          <Select
            label={t('route.leadAgency')}
            data={unitOptions(agencies.data?.items, current.leadAgency)}
            value={leadAgencyId}
            onChange={(v) => setLeadAgencyId(v ?? NONE)}
            allowDeselect={false}
            searchable
            data-testid="route-override-lead-agency"
          />
          <Select
            label={t('route.field')}
            data={fieldOptions}
            value={field}
            onChange={setField}
            searchable
            clearable={false}
            data-testid="route-override-field"
          />
          {suggested && field === initial.field && field && (
            <Checkbox
              mt={{ sm: 30 }}
              label={t('route.confirmField')}
              checked={confirmField}
              onChange={(e) => setConfirmField(e.currentTarget.checked)}
              data-testid="route-override-confirm-field"
            />
          )}
          <DateField
            label={t('route.deadline')}
            value={deadline}
            onChange={setDeadline}
            data-testid="route-override-deadline"
          />
        </SimpleGrid>
        <Textarea
          label={t('route.reason')}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
          data-testid="route-override-reason-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="route-override-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
