import { Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quota } from '../../api/types';
import { actualTotal, approvedTotal } from './queries';

const APPROVED = 'var(--mantine-color-blue-5)';
const ACTUAL = 'var(--mantine-color-teal-5)';
const OVER = 'var(--mantine-color-red-6)';

function Bar({ value, max, color, label }: { value: number; max: number; color: string; label: string }) {
  const pct = max > 0 ? (value / max) * 100 : 0;
  return (
    <Tooltip label={`${label}: ${value}`} withinPortal>
      <Group gap={6} wrap="nowrap">
        <Box
          h={10}
          w={`${pct}%`}
          miw={value > 0 ? 2 : 0}
          bg={color}
          style={{ borderRadius: 2, maxWidth: 'calc(100% - 40px)' }}
        />
        <Text size="xs" c="dimmed">
          {value}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** Approved vs actual total staffing per unit as plain CSS bars. */
export function QuotaChart({ quotas }: { quotas: readonly Quota[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...quotas.map((q) => Math.max(approvedTotal(q), actualTotal(q))));
  return (
    <Paper withBorder p="sm" data-testid="quota-chart">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('quotas.chart')}</Text>
        <Group gap="md">
          <Legend color={APPROVED} label={t('quotas.approved')} />
          <Legend color={ACTUAL} label={t('quotas.actual')} />
          <Legend color={OVER} label={t('quotas.overQuota')} />
        </Group>
      </Group>
      <Stack gap={8} role="img" aria-label={t('quotas.chart')}>
        {quotas.map((q) => {
          const approved = approvedTotal(q);
          const actual = actualTotal(q);
          return (
            <Group
              key={q.unitId}
              gap="sm"
              wrap="nowrap"
              align="center"
              data-testid="quota-chart-row"
              data-over-quota={q.overQuota}
            >
              <Text
                size="xs"
                w={220}
                truncate
                title={q.unitName}
                c={q.overQuota ? 'red.7' : undefined}
                fw={q.overQuota ? 600 : 400}
              >
                {q.unitName}
              </Text>
              <Stack gap={2} style={{ flex: 1 }}>
                <Bar value={approved} max={max} color={APPROVED} label={t('quotas.approved')} />
                <Bar value={actual} max={max} color={q.overQuota ? OVER : ACTUAL} label={t('quotas.actual')} />
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4}>
      <Box w={12} h={12} bg={color} style={{ borderRadius: 2 }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
