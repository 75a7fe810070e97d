/** Small helpers shared by the benchmark scripts. Benchmarks print ratios measured side by side in one run. */
import crypto from 'node:crypto';
import pg from 'pg';

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export interface RunStats {
  n: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** Runs `total` tasks with `clients` concurrent workers and times each. */
export async function runConcurrent(
  clients: number,
  total: number,
  task: (i: number) => Promise<void>,
): Promise<RunStats> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        await task(i);
        lat.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { n: total, seconds, perSecond: total / seconds, p50: percentile(lat, 50), p95: percentile(lat, 95) };
}

export async function createBenchDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dh_bench_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: base });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

export const fmt = (x: number, digits = 1) => x.toFixed(digits);

export function row(label: string, ours: string, baseline: string, ratio: string, goal: string): string {
  return `| ${label} | ${ours} | ${baseline} | ${ratio} | ${goal} |`;
}
