import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/platform/db.js';
import { createServer } from '../src/server.js';
import { loadConfig } from '../src/platform/config.js';
import { MIGRATIONS_DIR } from '../src/platform/migrate.js';
import { freshDatabase } from './helpers.js';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(port: number, child: ChildProcess, log: () => string): Promise<unknown> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited ${child.exitCode}: ${log()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return r.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on ${port} not healthy: ${log()}`);
}

describe('several instances on one database', () => {
  it('two instances started together both come up, the schema migrated and the province seeded once', async () => {
    const fresh = await freshDatabase();
    if (fresh.url) {
      // PostgreSQL: two real processes racing for the advisory lock.
      const ports = [await freePort(), await freePort()];
      const logs = ['', ''];
      ports.forEach((port, i) => {
        const child = spawn('npx', ['tsx', 'src/main.ts'], {
          cwd: SERVER_DIR,
          env: {
            ...process.env,
            PORT: String(port),
            HOST: '127.0.0.1',
            DATABASE_URL: fresh.url,
            ADMIN_PASSWORD: 'admin-two-instances',
            DEMO_PASSWORD: 'demo-two-instances',
            LOG_LEVEL: 'warn',
          },
        });
        child.stdout.on('data', (d) => (logs[i] += d));
        child.stderr.on('data', (d) => (logs[i] += d));
        children.push(child);
      });
      const health = await Promise.all(ports.map((p, i) => waitHealthy(p, children[i]!, () => logs[i]!)));
      expect(health).toEqual([
        { status: 'ok', database: 'postgresql' },
        { status: 'ok', database: 'postgresql' },
      ]);
      for (const c of children) c.kill('SIGTERM');
    } else {
      // PGlite is one process per data directory: two servers in one process share it.
      const db = await fresh.open();
      const cfg = { ...loadConfig({}), adminPassword: 'admin-two-instances', demoPassword: 'demo-two-instances' };
      const both = await Promise.all([createServer(cfg, { db }), createServer(cfg, { db })]);
      const all = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;
      expect(both.map((b) => b.migrations.length).sort()).toEqual([0, all]);
      expect(both.map((b) => b.seed.seeded).sort()).toEqual([false, true]);
      for (const b of both) await b.app.close();
      await db.close();
    }
    if (fresh.url) {
      const db = await openDb({ databaseUrl: fresh.url });
      const migrations = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
      expect(migrations.length).toBe(new Set(migrations.map((m) => m.name)).size);
      const [users] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'admin'`);
      expect(users!.n).toBe(1);
      const [communes] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM units WHERE level = 'commune'`);
      expect(communes!.n).toBe(96);
      await db.close();
      await new Promise((r) => setTimeout(r, 500));
      await fresh.drop();
    }
  });
});
