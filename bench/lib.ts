/** Small helpers shared by the benchmark scripts. Benchmarks print ratios measured side by side in one run. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { scratchDatabase } from '../server/src/platform/scratch-db.js';

/**
 * CPU time in ms a process has used, all its threads (a Node process collects garbage and does
 * I/O on helper threads), from /proc/<pid>/task/<tid>/schedstat (Linux); null elsewhere. With
 * `postgresBackendPids` and `postgresCpuMs`, a benchmark can say what a unit of work costs the
 * app and the database.
 */
export function processCpuMs(pid: number): number | null {
  try {
    let ns = 0;
    for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended meanwhile
      }
    }
    return ns / 1e6;
  } catch {
    return null;
  }
}

/** The pids of every PostgreSQL process on this machine (server, background workers, backends). */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres')) pids.push(Number(d));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** CPU time in ms of every PostgreSQL process on this machine; null if none is visible. */
export function postgresCpuMs(): number | null {
  const ms = cpuOf(postgresPids());
  return ms.size ? [...ms.values()].reduce((a, b) => a + b, 0) : null;
}

/** CPU time in ms of each of the given processes that can be read. */
export function cpuOf(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/**
 * The backends serving the connections of one application_name: the database work of one app
 * instance, without the other's or the server's background processes (autovacuum, WAL writer,
 * checkpointer), which both instances share.
 */
export async function postgresBackendPids(
  q: { query: (sql: string, params: unknown[]) => Promise<{ rows: { pid: number }[] }> },
  applicationName: string,
): Promise<number[]> {
  const r = await q.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
  return r.rows.map((x) => x.pid);
}

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
  /** Every task's latency in ms, to pool runs into one distribution. */
  latencies: number[];
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
  return {
    n: total,
    seconds,
    perSecond: total / seconds,
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    latencies: lat,
  };
}

export const createBenchDatabase = (base: string) => scratchDatabase(base, 'dh_bench');

export const fmt = (x: number, digits = 1) => x.toFixed(digits);

export function row(label: string, ours: string, baseline: string, ratio: string, goal: string): string {
  return `| ${label} | ${ours} | ${baseline} | ${ratio} | ${goal} |`;
}

export interface AppProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Starts bench/app-process.ts on a database and waits until it listens (BENCH_APP_NODE_ARGS, e.g. --cpu-prof, go to node). */
export async function startAppProcess(databaseUrl: string, args: string[] = []): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'app-process.ts'),
      databaseUrl,
      ...args,
    ],
    {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`app process exited ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type BenchClient = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: Record<string, unknown> }>;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Signs in and answers a small HTTP client with that session. Plain node:http with keep-alive:
 * fetch costs several times more CPU per request, and the load generator shares the machine.
 */
export async function benchLogin(url: string, username: string, password: string): Promise<BenchClient> {
  const login = await request(
    url,
    'POST',
    '/api/auth/login',
    { 'content-type': 'application/json' },
    { username, password },
  );
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  const csrf = String(login.body.csrfToken);
  return async (method, p, body) => {
    const r = await request(
      url,
      method,
      p,
      { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    );
    return { status: r.status, body: r.body };
  };
}

function request(
  base: string,
  method: string,
  p: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(p, base),
      {
        method,
        agent,
        headers: payload ? { ...headers, 'content-length': Buffer.byteLength(payload) } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
