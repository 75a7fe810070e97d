import { Badge, Text } from '@mantine/core';

// Badges keep their whole text in narrow table cells.
const WHOLE = { label: { overflow: 'visible' }, root: { flexShrink: 0 } } as const;
import { SECRECY_COLOR, STATUS_COLOR, URGENCY_COLOR, useDocLabels } from './labels';

export function UrgencyBadge({ value, hideNormal = false }: { value: number; hideNormal?: boolean }) {
  const l = useDocLabels();
  if (hideNormal && value === 0) return null;
  if (value === 0) return <NormalText value={l.urgency(0)} testId="urgency-badge" attr={{ 'data-urgency': 0 }} />;
  return (
    <Badge
      size="sm"
      styles={WHOLE}
      variant={value >= 2 ? 'filled' : value === 1 ? 'light' : 'outline'}
      color={URGENCY_COLOR[value] ?? 'gray'}
      data-testid="urgency-badge"
      data-urgency={value}
    >
      {l.urgency(value)}
    </Badge>
  );
}

export function SecrecyBadge({ value, hideNormal = false }: { value: number; hideNormal?: boolean }) {
  const l = useDocLabels();
  if (hideNormal && value === 0) return null;
  if (value === 0) return <NormalText value={l.secrecy(0)} testId="secrecy-badge" attr={{ 'data-secrecy': 0 }} />;
  return (
    <Badge
      size="sm"
      styles={WHOLE}
      variant={value ? 'filled' : 'outline'}
      color={SECRECY_COLOR[value] ?? 'gray'}
      data-testid="secrecy-badge"
      data-secrecy={value}
    >
      {l.secrecy(value)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const l = useDocLabels();
  return (
    <Badge
      size="sm"
      variant="dot"
      color={STATUS_COLOR[status] ?? 'gray'}
      data-testid="status-badge"
      data-status={status}
    >
      {l.status(status)}
    </Badge>
  );
}

/** The ordinary level is plain grey text, so the marked documents stand out. */
function NormalText({ value, testId, attr }: { value: string; testId: string; attr: Record<string, number> }) {
  return (
    <Text span size="xs" c="dimmed" data-testid={testId} {...attr}>
      {value}
    </Text>
  );
}
