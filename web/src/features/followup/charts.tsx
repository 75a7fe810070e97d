import { Paper, Text, Title } from '@mantine/core';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** Horizontal bars drawn in plain SVG, longest first is up to the caller. */
export function HBarChart({
  title,
  bars,
  color,
  empty,
  testId,
  unit = '',
}: {
  title: string;
  bars: Bar[];
  color: string;
  empty: string;
  testId: string;
  unit?: string;
}) {
  const labelW = 200;
  const valueW = 48;
  const barH = 18;
  const gap = 6;
  const width = 560;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = width - labelW - valueW;
  const height = bars.length * (barH + gap) + gap;
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {!bars.length ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {empty}
        </Text>
      ) : (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-label={title}
          style={{ maxWidth: width, display: 'block' }}
        >
          {bars.map((b, i) => {
            const y = gap + i * (barH + gap);
            const w = (b.value / max) * plotW;
            const label = b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label;
            return (
              <g key={b.key} data-testid={`${testId}-bar`} data-value={b.value}>
                <title>{`${b.label}: ${b.value}${unit}`}</title>
                <text x={labelW - 6} y={y + barH / 2} textAnchor="end" dominantBaseline="central" fontSize={11}>
                  {label}
                </text>
                <rect x={labelW} y={y} width={Math.max(w, b.value ? 2 : 0)} height={barH} rx={2} fill={color} />
                <text x={labelW + w + 4} y={y + barH / 2} dominantBaseline="central" fontSize={11} fontWeight={600}>
                  {b.value}
                  {unit}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </Paper>
  );
}

/** A percentage line by month (0–100 %), gaps where a month has no value. */
export function LineChart({
  title,
  points,
  empty,
  testId,
}: {
  title: string;
  points: { label: string; value: number | null; note?: string }[];
  empty: string;
  testId: string;
}) {
  const width = 560;
  const height = 220;
  const left = 40;
  const right = 16;
  const top = 12;
  const bottom = 28;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const x = (i: number) => left + (points.length > 1 ? i * step : plotW / 2);
  const y = (v: number) => top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;
  const segments: string[][] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(`${x(i)},${y(p.value)}`);
  });
  if (current.length) segments.push(current);
  const hasData = points.some((p) => p.value !== null);

  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {!hasData ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {empty}
        </Text>
      ) : (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-label={title}
          style={{ maxWidth: width, display: 'block' }}
        >
          {[0, 25, 50, 75, 100].map((v) => (
            <g key={v}>
              <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-3)" />
              <text x={left - 6} y={y(v)} textAnchor="end" dominantBaseline="central" fontSize={10} fill="gray">
                {v}%
              </text>
            </g>
          ))}
          {points.map((p, i) => (
            <text key={p.label} x={x(i)} y={height - 8} textAnchor="middle" fontSize={10} fill="gray">
              {p.label}
            </text>
          ))}
          {segments.map((s, i) => (
            <polyline key={i} points={s.join(' ')} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2} />
          ))}
          {points.map((p, i) =>
            p.value === null ? null : (
              <g key={p.label} data-testid={`${testId}-point`} data-value={p.value}>
                <title>{`${p.label}: ${p.value}%${p.note ? ` (${p.note})` : ''}`}</title>
                <circle cx={x(i)} cy={y(p.value)} r={4} fill="var(--mantine-color-blue-6)" />
                <text x={x(i)} y={y(p.value) - 9} textAnchor="middle" fontSize={10} fontWeight={600}>
                  {p.value}%
                </text>
              </g>
            ),
          )}
        </svg>
      )}
    </Paper>
  );
}
