import { Box, Group, Paper, Text } from '@mantine/core';
import type { CommuneStat } from '../../api/types';

const C_RETURNED = 'var(--mantine-color-red-6)';
const C_ADVICE = 'var(--mantine-color-orange-5)';
const C_OTHER = 'var(--mantine-color-blue-4)';
export const CHART_COLORS = { returned: C_RETURNED, advice: C_ADVICE, other: C_OTHER };

/** A commune's documents split into returned / sent for advice / other (shares rounded like the server's). */
export function splitCounts(s: Pick<CommuneStat, 'total' | 'returnedShare' | 'adviceShare'>) {
  const returned = Math.min(s.total, Math.round(s.total * s.returnedShare));
  const advice = Math.min(s.total - returned, Math.round(s.total * s.adviceShare));
  return { returned, advice, other: Math.max(0, s.total - returned - advice) };
}

/** "2026-03" → "03/2026". */
export const monthLabel = (ym: string) => (/^\d{4}-\d{2}$/.test(ym) ? `${ym.slice(5, 7)}/${ym.slice(0, 4)}` : ym);

/** A tiny line of monthly counts for a table cell. */
export function Sparkline({
  values,
  months,
  width = 110,
  height = 26,
}: {
  values: number[];
  months: string[];
  width?: number;
  height?: number;
}) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const pts = values.map((v, i) => [2 + i * step, height - 3 - (v / max) * (height - 6)] as const);
  const title = values.map((v, i) => `${monthLabel(months[i] ?? '')}: ${v}`).join(', ');
  return (
    <svg width={width} height={height} role="img" aria-label={title} data-testid="sparkline">
      <title>{title}</title>
      <line x1={2} x2={width - 2} y1={height - 3} y2={height - 3} stroke="var(--mantine-color-gray-3)" />
      {pts.length > 1 && (
        <polyline
          points={pts.map(([x, y]) => `${x},${y}`).join(' ')}
          fill="none"
          stroke="var(--mantine-color-blue-6)"
          strokeWidth={1.5}
        />
      )}
      {pts.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={values[i] ? 1.8 : 1} fill="var(--mantine-color-blue-6)" />
      ))}
    </svg>
  );
}

export function Legend({ items }: { items: { color: string; label: string }[] }) {
  return (
    <Group gap="md">
      {items.map((x) => (
        <Group gap={4} key={x.label}>
          <Box w={12} h={12} bg={x.color} style={{ borderRadius: 2 }} />
          <Text size="xs">{x.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** Horizontal stacked bars: one per commune, split into returned / advice / other. */
export function StackedBars({
  rows,
  title,
  labels,
  testId,
}: {
  rows: CommuneStat[];
  title: string;
  labels: { returned: string; advice: string; other: string };
  testId: string;
}) {
  const labelW = 190;
  const barH = 18;
  const gap = 6;
  const width = 760;
  const chartW = width - labelW - 50;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const height = rows.length * (barH + gap) + 8;
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text fw={600}>{title}</Text>
        <Legend
          items={[
            { color: C_RETURNED, label: labels.returned },
            { color: C_ADVICE, label: labels.advice },
            { color: C_OTHER, label: labels.other },
          ]}
        />
      </Group>
      <svg
        className="dh-chart"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={title}
        style={{ maxWidth: width, display: 'block' }}
      >
        {rows.map((r, i) => {
          const y = 4 + i * (barH + gap);
          const c = splitCounts(r);
          let x = labelW;
          const seg = (n: number, color: string, label: string) => {
            const w = (n / max) * chartW;
            const el =
              n > 0 ? (
                <rect key={label} x={x} y={y} width={w} height={barH} fill={color}>
                  <title>{`${r.name} — ${label}: ${n}`}</title>
                </rect>
              ) : null;
            x += w;
            return el;
          };
          return (
            <g key={r.unitId} data-testid={`${testId}-bar`} data-code={r.code} data-total={r.total}>
              <text x={labelW - 8} y={y + barH / 2} textAnchor="end" dominantBaseline="middle" fontSize={12}>
                {r.name.length > 26 ? `${r.name.slice(0, 25)}…` : r.name}
              </text>
              {seg(c.returned, C_RETURNED, labels.returned)}
              {seg(c.advice, C_ADVICE, labels.advice)}
              {seg(c.other, C_OTHER, labels.other)}
              <text
                x={x + 6}
                y={y + barH / 2}
                dominantBaseline="middle"
                fontSize={12}
                fill="var(--mantine-color-dimmed)"
              >
                {r.total}
              </text>
            </g>
          );
        })}
      </svg>
    </Paper>
  );
}

/** Monthly totals as a line with labelled points. */
export function TrendLine({
  months,
  values,
  title,
  testId,
}: {
  months: string[];
  values: number[];
  title: string;
  testId: string;
}) {
  const width = 760;
  const height = 220;
  const pad = { left: 40, right: 40, top: 18, bottom: 30 };
  const max = Math.max(1, ...values);
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const step = values.length > 1 ? innerW / (values.length - 1) : 0;
  const x = (i: number) => pad.left + (values.length > 1 ? i * step : innerW / 2);
  const y = (v: number) => pad.top + innerH - (v / max) * innerH;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text fw={600} mb="xs">
        {title}
      </Text>
      <svg
        className="dh-chart"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={title}
        style={{ maxWidth: width, display: 'block' }}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-3)" />
            <text x={pad.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" fontSize={11}>
              {v}
            </text>
          </g>
        ))}
        {values.length > 1 && (
          <polyline
            points={values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
            fill="none"
            stroke="var(--mantine-color-blue-6)"
            strokeWidth={2}
          />
        )}
        {values.map((v, i) => (
          <g key={i} data-testid={`${testId}-point`} data-month={months[i]} data-value={v}>
            <circle cx={x(i)} cy={y(v)} r={3.5} fill="var(--mantine-color-blue-6)">
              <title>{`${monthLabel(months[i] ?? '')}: ${v}`}</title>
            </circle>
            <text x={x(i)} y={y(v) - 8} textAnchor="middle" fontSize={11}>
              {v}
            </text>
            <text x={x(i)} y={height - 10} textAnchor="middle" fontSize={11}>
              {monthLabel(months[i] ?? '')}
            </text>
          </g>
        ))}
      </svg>
    </Paper>
  );
}
