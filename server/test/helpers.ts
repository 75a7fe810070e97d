import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/platform/config.js';
import { type Db, openDb } from '../src/platform/db.js';
import { scratchDatabase } from '../src/platform/scratch-db.js';
import { createServer, type Server } from '../src/server.js';
import type { Clock } from '../src/platform/clock.js';
import { MemoryBlobStorage } from '../src/files/storage.js';

export const ADMIN_PASSWORD = 'admin-test-password';
export const DEMO_PASSWORD = 'demo-test-password';

/** A fresh database: in-memory PGlite, or a new PostgreSQL database when DATABASE_URL is set. */
export async function freshDatabase(): Promise<{ url?: string; open: () => Promise<Db>; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { open: () => openDb({ memory: true }), drop: async () => undefined };
  const scratch = await scratchDatabase(base, 'dh_test');
  return { url: scratch.url, open: () => openDb({ databaseUrl: scratch.url }), drop: scratch.drop };
}

export interface TestServer extends Server {
  dispose(): Promise<void>;
}

export async function startTestServer(opts: { clock?: Clock } = {}): Promise<TestServer> {
  const fresh = await freshDatabase();
  const db = await fresh.open();
  const config = {
    ...loadConfig({ JOBS_POLL_MS: '0' }),
    adminPassword: ADMIN_PASSWORD,
    demoPassword: DEMO_PASSWORD,
    webDist: '/nonexistent',
  };
  const server = await createServer(config, { db, clock: opts.clock, storage: new MemoryBlobStorage() });
  return {
    ...server,
    async dispose() {
      await server.close();
      await db.close();
      await fresh.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, username: string, password?: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A clock a test moves by hand, e.g. across New Year in Vietnam. */
export function movableClock(iso: string): Clock & { t: Date } {
  return {
    t: new Date(iso),
    now() {
      return this.t;
    },
  };
}
