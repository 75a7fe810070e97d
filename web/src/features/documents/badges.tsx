import { Badge } from '@mantine/core';
import { SECRECY_COLOR, STATUS_COLOR, URGENCY_COLOR, useDocLabels } from './labels';

export function UrgencyBadge({ value, hideNormal = false }: { value: number; hideNormal?: boolean }) {
  const l = useDocLabels();
  if (hideNormal && value === 0) return null;
  return (
    <Badge
      size="sm"
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
  return (
    <Badge
      size="sm"
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
