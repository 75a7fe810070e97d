import { Badge, Group, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Below this the clerk must check the value (highlighted field). */
export const LOW_CONFIDENCE = 0.6;

export function confidenceColor(c: number): string {
  if (c >= 0.85) return 'green';
  if (c >= LOW_CONFIDENCE) return 'yellow';
  return 'red';
}

export function ConfidenceBadge({ value, testId }: { value: number; testId?: string }) {
  const { t } = useTranslation();
  const pct = Math.round(value * 100);
  return (
    <Tooltip label={value < LOW_CONFIDENCE ? t('incoming.lowConfidence') : t('incoming.confidence', { pct })}>
      <Badge
        size="xs"
        variant={value < LOW_CONFIDENCE ? 'filled' : 'light'}
        color={confidenceColor(value)}
        data-testid={testId ?? 'confidence-badge'}
        data-confidence={value}
        aria-label={t('incoming.confidence', { pct })}
      >
        {pct}%
      </Badge>
    </Tooltip>
  );
}

/** A field label followed by the extraction's confidence, when the value came from the file. */
export function LabelWithConfidence({
  label,
  confidence,
  field,
}: {
  label: ReactNode;
  confidence: number | undefined;
  field: string;
}) {
  return (
    <Group gap={6} component="span" wrap="nowrap" style={{ display: 'inline-flex' }}>
      <span>{label}</span>
      {confidence !== undefined && <ConfidenceBadge value={confidence} testId={`confidence-${field}`} />}
    </Group>
  );
}
