import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  log: () => string;
  health: unknown;
}

/** Starts real server processes on one database and waits until each answers /api/health. */
export async function startInstances(n: number, env: Record<string, string>): Promise<Instance[]> {
  const started = await Promise.all(
    Array.from({ length: n }, async () => {
      const port = await freePort();
      let out = '';
      // node itself, not npx: a signal then reaches the server, not a wrapper that leaves it running.
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: SERVER_DIR,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      });
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      return { port, url: `http://127.0.0.1:${port}`, child, log: () => out, health: null as unknown };
    }),
  );
  await Promise.all(
    started.map(async (i) => {
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        if (i.child.exitCode !== null) throw new Error(`instance exited ${i.child.exitCode}: ${i.log()}`);
        try {
          const r = await fetch(`${i.url}/api/health`);
          if (r.ok) {
            i.health = await r.json();
            return;
          }
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`instance on ${i.port} not healthy: ${i.log()}`);
    }),
  );
  return started;
}

export async function stopInstances(list: Instance[]): Promise<void> {
  await Promise.all(
    list.map(
      (i) =>
        new Promise<void>((resolve) => {
          if (i.child.exitCode !== null || i.child.signalCode !== null) return resolve();
          i.child.once('exit', () => resolve());
          i.child.kill('SIGTERM');
          setTimeout(() => i.child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
}

/** A minimal HTTP client with a session, for tests that talk to real processes. */
export async function httpLogin(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${url}${p}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
}
