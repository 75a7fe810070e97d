import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/platform/db.js';
import { prepareDatabase } from '../src/server.js';
import { freshDatabase, login, startTestServer, type TestServer } from './helpers.js';

const run = promisify(execFile);
const SERVER_DIR = path.resolve(import.meta.dirname, '..');

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.dispose());

describe('audit log', () => {
  it('records who, what, before and after for every write', async () => {
    const a = await login(s.app, 'admin');
    const [stc] = await s.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'STC'`);
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/org/units/${stc!.id}`,
      headers: a.headers,
      payload: { name: 'Sở Tài chính tỉnh Quảng Ngãi' },
    });
    expect(res.statusCode).toBe(200);
    const log = await s.app.inject({ url: `/api/audit?entity=unit&entityId=${stc!.id}`, headers: a.headers });
    const row = log.json().items[0];
    expect(row).toMatchObject({ actorName: 'admin', action: 'update', entity: 'unit' });
    expect(row.before.name).toBe('Sở Tài chính');
    expect(row.after.name).toBe('Sở Tài chính tỉnh Quảng Ngãi');
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    await expect(s.db.query(`UPDATE audit_log SET actor_name = 'x'`)).rejects.toThrow(/append-only/);
    await expect(s.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain and names the first row changed by hand', async () => {
    const a = await login(s.app, 'admin');
    const ok = await s.app.inject({ url: '/api/audit/verify', headers: a.headers });
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenId: null });
    const rows = await s.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id');
    expect(rows.length).toBeGreaterThan(2);
    const victim = rows[1]!.id;
    await s.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await s.db.query(`UPDATE audit_log SET after = '{"name":"sửa tay"}' WHERE id = $1`, [victim]);
    await s.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const broken = await s.app.inject({ url: '/api/audit/verify', headers: a.headers });
    expect(broken.json()).toMatchObject({ ok: false, firstBrokenId: victim });
  });
});

describe('audit:verify command', () => {
  it('exits 0 on an intact chain and 1 naming the tampered row', async () => {
    let dataDir: string | undefined;
    let env: NodeJS.ProcessEnv;
    const fresh = await freshDatabase();
    if (fresh.url) {
      env = { ...process.env, DATABASE_URL: fresh.url };
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dh-audit-'));
      env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    }
    const db = await openDb({ databaseUrl: fresh.url, dataDir });
    await prepareDatabase(db, { adminPassword: 'a-long-password', demoPassword: 'b-long-password' });
    const ids = await db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id');
    await db.close();
    const cli = () => run('npx', ['tsx', 'src/audit/verify.cli.ts'], { cwd: SERVER_DIR, env });
    const good = await cli();
    expect(good.stdout).toMatch(/toàn vẹn/);

    const db2 = await openDb({ databaseUrl: fresh.url, dataDir });
    await db2.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db2.query(`UPDATE audit_log SET actor_name = 'kẻ gian' WHERE id = $1`, [ids[0]!.id]);
    await db2.close();
    const bad = await cli().then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toContain(`id=${ids[0]!.id}`);
    await fresh.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
