import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/platform/db.js';
import { createServer } from '../src/server.js';
import { loadConfig } from '../src/platform/config.js';
import { MIGRATIONS_DIR } from '../src/platform/migrate.js';
import { freshDatabase } from './helpers.js';
import { type Instance, startInstances, stopInstances } from './instances.js';

let running: Instance[] = [];
afterAll(() => stopInstances(running));

describe('several instances on one database', () => {
  it('two instances started together both come up, the schema migrated and the province seeded once', async () => {
    const fresh = await freshDatabase();
    const all = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;
    if (fresh.url) {
      // PostgreSQL: two real processes racing for the advisory lock.
      running = await startInstances(2, {
        DATABASE_URL: fresh.url,
        ADMIN_PASSWORD: 'admin-two-instances',
        DEMO_PASSWORD: 'demo-two-instances',
      });
      expect(running.map((i) => i.health)).toEqual([
        { status: 'ok', database: 'postgresql' },
        { status: 'ok', database: 'postgresql' },
      ]);
      await stopInstances(running);
      const db = await openDb({ databaseUrl: fresh.url });
      const migrations = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
      expect(migrations.length).toBe(all);
      const [users] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'admin'`);
      expect(users!.n).toBe(1);
      const [communes] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM units WHERE level = 'commune'`);
      expect(communes!.n).toBe(96);
      await db.close();
      await fresh.drop();
    } else {
      // PGlite is one process per data directory: two servers in one process share it.
      const db = await fresh.open();
      const cfg = { ...loadConfig({}), adminPassword: 'admin-two-instances', demoPassword: 'demo-two-instances' };
      const both = await Promise.all([createServer(cfg, { db }), createServer(cfg, { db })]);
      expect(both.map((b) => b.migrations.length).sort()).toEqual([0, all]);
      expect(both.map((b) => b.seed.seeded).sort()).toEqual([false, true]);
      for (const b of both) await b.app.close();
      await db.close();
    }
  });
});
