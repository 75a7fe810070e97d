import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { createServer } from '../src/server.js';
import { MemoryBlobStorage } from '../src/files/storage.js';
import { freshDatabase } from './helpers.js';
import { httpLogin, type Instance, startInstances, stopInstances } from './instances.js';

type Call = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: Record<string, unknown> }>;

let running: Instance[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await stopInstances(running);
  for (const c of cleanups) await c();
});

/**
 * Two app instances on one database: real processes on PostgreSQL; on PGlite (one process per
 * data directory) two servers in this process sharing the database.
 */
async function twoInstances(): Promise<{ clerkCalls: Call[]; adminCalls: Call[] }> {
  const fresh = await freshDatabase();
  const passwords = { ADMIN_PASSWORD: 'admin-concurrency', DEMO_PASSWORD: 'demo-concurrency' };
  if (fresh.url) {
    running = await startInstances(2, { DATABASE_URL: fresh.url, ...passwords });
    cleanups.push(() => fresh.drop());
    return {
      clerkCalls: await Promise.all(running.map((i) => httpLogin(i.url, 'vanthu', passwords.DEMO_PASSWORD))),
      adminCalls: await Promise.all(running.map((i) => httpLogin(i.url, 'admin', passwords.ADMIN_PASSWORD))),
    };
  }
  const db = await fresh.open();
  const cfg = { ...loadConfig({}), adminPassword: passwords.ADMIN_PASSWORD, demoPassword: passwords.DEMO_PASSWORD };
  const servers = await Promise.all([0, 1].map(() => createServer(cfg, { db, storage: new MemoryBlobStorage() })));
  cleanups.push(async () => {
    for (const s of servers) await s.app.close();
    await db.close();
  });
  const urls = await Promise.all(servers.map(async (s) => s.app.listen({ port: 0, host: '127.0.0.1' })));
  return {
    clerkCalls: await Promise.all(urls.map((u) => httpLogin(u, 'vanthu', passwords.DEMO_PASSWORD))),
    adminCalls: await Promise.all(urls.map((u) => httpLogin(u, 'admin', passwords.ADMIN_PASSWORD))),
  };
}

async function pool<T>(n: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}

describe('numbering under concurrency with two instances', () => {
  it('300 registrations from 16 clients get arrival numbers exactly 1…300; 100 concurrent issues give 01…100/QĐ-UBND', async () => {
    const { clerkCalls, adminCalls } = await twoInstances();
    const results = await pool(
      16,
      Array.from(
        { length: 300 },
        (_, i) => () =>
          clerkCalls[i % 2]!('POST', '/api/incoming', {
            issuer: { name: `UBND xã thử nghiệm ${i}` },
            number: i + 1,
            notation: 'UBND-VP',
            issuedDate: '2026-01-05',
            type: 'CV',
            subject: `V/v đề nghị hỗ trợ kinh phí số ${i + 1}`,
          }),
      ),
    );
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    const arrival = results.map((r) => r.body.arrivalNumber as number).sort((a, b) => a - b);
    expect(arrival).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));

    const drafts = await pool(
      16,
      Array.from({ length: 100 }, (_, i) => async () => {
        const call = adminCalls[i % 2]!;
        const d = await call('POST', '/api/outgoing', {
          type: 'QĐ',
          subject: `Về việc phê duyệt dự án số ${i + 1}`,
          recipients: ['Như Điều 3'],
        });
        await call('POST', `/api/outgoing/${d.body.id}/sign`, { form: '' });
        return d.body.id as string;
      }),
    );
    // Issue all 100 at once across both instances.
    const issued = await Promise.all(drafts.map((id, i) => adminCalls[i % 2]!('POST', `/api/outgoing/${id}/issue`)));
    expect(issued.filter((r) => r.status !== 200)).toEqual([]);
    const codes = issued.map((r) => r.body.code as string).sort();
    expect(codes).toEqual(Array.from({ length: 100 }, (_, i) => `${String(i + 1).padStart(2, '0')}/QĐ-UBND`).sort());
  });
});
