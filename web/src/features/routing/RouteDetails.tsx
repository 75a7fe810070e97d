import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Route, StoredRoute } from '../../api/types';
import { formatDate } from '../../lib/date';
import { documentPath } from '../../routes/paths';
import { flowColor, useRoutingLabels } from './labels';

// Badges keep their whole text in narrow cells.
const WHOLE = { label: { overflow: 'visible', whiteSpace: 'normal' }, root: { height: 'auto' } } as const;

export function FlowBadge({
  flow,
  size = 'lg',
  testId = 'route-flow',
}: {
  flow: string;
  size?: string;
  testId?: string;
}) {
  const labels = useRoutingLabels();
  return (
    <Badge size={size} color={flowColor(flow)} variant="filled" styles={WHOLE} data-testid={testId} data-flow={flow}>
      {labels.flow(flow)}
    </Badge>
  );
}

/** The field the route used and where it came from: "Gợi ý 72% — cần xác nhận" when a machine guessed it. */
export function FieldWithSource({ field }: { field: Route['field'] }) {
  const { t } = useTranslation();
  const labels = useRoutingLabels();
  const suggested = field.source === 'keywords' || field.source === 'classifier';
  return (
    <Group gap={6} wrap="wrap" data-testid="route-field" data-source={field.source}>
      {field.code ? (
        <Text size="sm">{labels.field(field.code)}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('route.empty')}
        </Text>
      )}
      {suggested ? (
        <Badge size="sm" color="yellow" variant="light" styles={WHOLE} title={labels.fieldSource(field.source)}>
          {t('route.suggested', { pct: Math.round((field.confidence ?? 0) * 100) })}
        </Badge>
      ) : field.source === 'none' || !field.code ? (
        <Badge size="sm" color="red" variant="light" styles={WHOLE}>
          {t('route.noField')}
        </Badge>
      ) : (
        <Badge size="sm" color="green" variant="light" styles={WHOLE}>
          {labels.fieldSource(field.source)}
        </Badge>
      )}
    </Group>
  );
}

export function RouteFlags({ flags }: { flags: Route['flags'] }) {
  const labels = useRoutingLabels();
  if (!flags.length) return null;
  return (
    <Stack gap={4} data-testid="route-flags">
      {flags.map((f) => (
        <Group key={f.code} gap={8} wrap="nowrap" align="flex-start" data-testid="route-flag" data-code={f.code}>
          <Badge color="orange" variant="filled" size="sm" styles={WHOLE} style={{ flexShrink: 0 }}>
            ⚠ {labels.flag(f.code)}
          </Badge>
          {f.message && f.message !== f.code && <Text size="sm">{f.message}</Text>}
        </Group>
      ))}
    </Stack>
  );
}

export function RouteReasons({ reasons }: { reasons: Route['reasons'] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Title order={6} mb={4}>
        {t('route.why')}
      </Title>
      <List size="sm" spacing={4} data-testid="route-reasons">
        {reasons.map((r, i) => (
          <List.Item key={`${r.rule}-${i}`} data-testid="route-reason" data-rule={r.rule}>
            <Code title={t('route.rule')}>{r.rule}</Code> {r.text}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

const isStored = (r: Route | StoredRoute): r is StoredRoute => 'routeDate' in r;

/**
 * A route: flow, people and units, deadline, field, flags, guidance and the reasons. `compact`
 * leaves out the department, co-agencies and guidance (the registration preview).
 */
export function RouteDetails({ route, compact = false }: { route: Route | StoredRoute; compact?: boolean }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode, string][] = [];
  const ref = (r: { name: string } | null) =>
    r?.name ?? (
      <Text span size="sm" c="dimmed">
        {t('route.empty')}
      </Text>
    );
  rows.push([t('route.leader'), ref(route.leader), 'leader']);
  if (!compact) rows.push([t('route.department'), ref(route.department), 'department']);
  rows.push([t('route.leadAgency'), ref(route.leadAgency), 'leadAgency']);
  if (!compact && route.coAgencies.length)
    rows.push([t('route.coAgencies'), route.coAgencies.map((x) => x.name).join('; '), 'coAgencies']);
  rows.push([
    t('route.deadline'),
    route.deadline ? (
      formatDate(route.deadline)
    ) : (
      <Text span size="sm" c="dimmed">
        {t('route.empty')}
      </Text>
    ),
    'deadline',
  ]);
  rows.push([t('route.field'), <FieldWithSource key="f" field={route.field} />, 'field']);
  const stored = isStored(route) ? route : null;

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <FlowBadge flow={route.flow} />
        {stored?.overridden && (
          <Badge color="grape" variant="light" data-testid="route-overridden">
            {t('route.overridden')}
          </Badge>
        )}
      </Group>
      <Table variant="vertical" withTableBorder layout="fixed" data-testid="route-meta">
        <Table.Tbody>
          {rows.map(([label, value, key]) => (
            <Table.Tr key={key}>
              <Table.Th w={compact ? 130 : 170}>{label}</Table.Th>
              <Table.Td data-testid={`route-${key}`}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RouteFlags flags={route.flags} />
      {stored?.resubmissionOf && (
        <Text size="sm" data-testid="route-resubmission-of">
          {t('route.resubmissionOf')}{' '}
          <Anchor component={Link} to={documentPath(stored.resubmissionOf.id)}>
            {t('route.arrivalNumber', { n: stored.resubmissionOf.arrivalNumber })}
          </Anchor>
        </Text>
      )}
      {!compact && route.guidance && (
        <Alert color="red" variant="light" title={t('route.guidance')} data-testid="route-guidance">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {route.guidance}
          </Text>
        </Alert>
      )}
      {stored?.overridden && stored.overrideReason && (
        <Text size="sm" data-testid="route-override-reason">
          <Text span fw={600}>
            {t('route.overrideReason')}:
          </Text>{' '}
          {stored.overrideReason}
        </Text>
      )}
      <RouteReasons reasons={route.reasons} />
      <Text size="xs" c="dimmed" data-testid="route-policy-version">
        {t('route.policyVersion', { v: route.policyVersion })}
        {stored && ` · ${t('route.routeDate', { date: formatDate(stored.routeDate) })}`}
      </Text>
    </Stack>
  );
}
