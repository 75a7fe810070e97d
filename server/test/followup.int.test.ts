import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { createServer, type Server } from '../src/server.js';
import { MemoryBlobStorage } from '../src/files/storage.js';
import type { Db } from '../src/platform/db.js';
import { enqueueScan } from '../src/tasks/reminders.js';
import { freshDatabase, login, type Session } from './helpers.js';

const clock = {
  t: new Date('2026-03-10T02:00:00Z'),
  now() {
    return this.t;
  },
};
const cfg = {
  ...loadConfig({ JOBS_POLL_MS: '0' }),
  adminPassword: 'admin-followup-pass',
  demoPassword: 'demo-followup-pass',
};
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
const dbs: Db[] = [];
const servers: Server[] = [];
let a: Server;

async function instance(): Promise<Server> {
  // PostgreSQL: each instance has its own pool; PGlite: one process owns the database, instances share it.
  const db = fresh.url || !dbs.length ? await fresh.open() : dbs[0]!;
  if (!dbs.includes(db)) dbs.push(db);
  const s = await createServer(cfg, { db, clock, storage: new MemoryBlobStorage() });
  servers.push(s);
  return s;
}

beforeAll(async () => {
  fresh = await freshDatabase();
  a = await instance();
});
afterAll(async () => {
  for (const s of servers) await s.app.close();
  for (const d of dbs) await d.close();
  await fresh.drop();
});

const as = (s: Server, who: Session) => ({
  post: (url: string, payload: object) => s.app.inject({ method: 'POST', url, headers: who.headers, payload }),
  get: (url: string) => s.app.inject({ url, headers: { cookie: who.cookie } }),
});

describe('the handling chain of an incoming document', () => {
  it('goes from the clerk to the leader, the department, the specialist, and back as done, every step traced', async () => {
    const clerk = as(a, await login(a.app, 'vanthu', 'demo-followup-pass'));
    const reg = await clerk.post('/api/incoming', {
      issuer: { unitCode: 'STC' },
      number: 310,
      notation: 'STC-NS',
      issuedDate: '2026-03-06',
      type: 'TTr',
      subject: 'Tờ trình đề nghị bổ sung dự toán kinh phí chuyển đổi số năm 2026',
      fields: ['TAI_CHINH'],
    });
    const doc = reg.json();
    expect(doc.route).toMatchObject({ flow: 'SUBMIT_TO_LEADER', leader: { name: 'Trần Quốc Bảo' } });
    expect((await clerk.post(`/api/documents/${doc.id}/present`, {})).statusCode).toBe(200);

    const pct1 = as(a, await login(a.app, 'pct1', 'demo-followup-pass'));
    expect((await pct1.get('/api/inbox')).json().counts.toInstruct).toBe(1);
    const [dept] = await a.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'VP-KTTH'`);
    const [stc] = await a.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'STC'`);
    const task = await pct1.post(`/api/documents/${doc.id}/instruct`, {
      instruction: 'Giao Phòng Kinh tế tổng hợp phối hợp Sở Tài chính rà soát, tham mưu văn bản trả lời.',
      lead: { unitId: dept!.id },
      coUnitIds: [stc!.id],
      deadline: '2026-03-17',
    });
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json()).toMatchObject({
      leadUnit: { name: 'Phòng Kinh tế tổng hợp' },
      deadline: '2026-03-17',
      status: 'open',
    });

    const head = as(a, await login(a.app, 'truongphong', 'demo-followup-pass'));
    expect((await head.get('/api/inbox')).json().items.map((i: { taskId?: string }) => i.taskId)).toContain(
      task.json().id,
    );
    const [cv] = await a.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'chuyenvien'`);
    expect(
      (await head.post(`/api/tasks/${task.json().id}/assign`, { userId: cv!.id, note: 'Anh Phúc xử lý' })).statusCode,
    ).toBe(200);

    const spec = as(a, await login(a.app, 'chuyenvien', 'demo-followup-pass'));
    const inbox = (await spec.get('/api/inbox')).json();
    expect(inbox.items.find((i: { taskId?: string }) => i.taskId === task.json().id)).toMatchObject({
      deadline: '2026-03-17',
      color: 'green',
    });
    expect(
      (await spec.post(`/api/tasks/${task.json().id}/progress`, { note: 'Đã làm việc với Sở Tài chính', percent: 50 }))
        .statusCode,
    ).toBe(200);
    const done = await spec.post(`/api/tasks/${task.json().id}/complete`, {
      result: 'Đã trình dự thảo văn bản trả lời',
      evidence: { text: 'Dự thảo công văn trả lời Sở Tài chính' },
    });
    expect(done.json()).toMatchObject({ status: 'done', onTime: true });

    const handling = (await clerk.get(`/api/documents/${doc.id}/handling`)).json();
    expect(handling.state).toBe('done');
    expect(handling.steps.map((s: { action: string }) => s.action)).toEqual([
      'present',
      'instruct',
      'assign',
      'progress',
      'complete',
    ]);
    expect(handling.steps.map((s: { actorName: string }) => s.actorName)).toEqual([
      'Trần Thị Lan',
      'Trần Quốc Bảo',
      'Nguyễn Thị Mai',
      'Lê Văn Phúc',
      'Lê Văn Phúc',
    ]);
    const trace = (await clerk.get(`/api/documents/${doc.id}`)).json().trace.map((t: { action: string }) => t.action);
    expect(trace).toEqual(expect.arrayContaining(['register', 'present', 'instruct', 'assign', 'complete']));
  });

  it('refuses bad instructions and closed tasks clearly', async () => {
    const pct1 = as(a, await login(a.app, 'pct1', 'demo-followup-pass'));
    const [anyDoc] = await a.db.query<{ id: string }>(`SELECT id FROM documents WHERE direction = 'in' LIMIT 1`);
    const bad = await pct1.post(`/api/documents/${anyDoc!.id}/instruct`, { instruction: 'x', lead: {} });
    expect(bad.statusCode).toBe(400);
    const done = (await a.db.query<{ id: string }>(`SELECT id FROM tasks WHERE status = 'done' LIMIT 1`))[0]!;
    const spec = as(a, await login(a.app, 'chuyenvien', 'demo-followup-pass'));
    const again = await spec.post(`/api/tasks/${done.id}/complete`, { result: 'lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TASK_CLOSED');
  });
});

describe('reminders and urging with two instances and a restart', () => {
  it('sends each reminder once and drafts one urging document listing exactly the overdue tasks', async () => {
    const admin = as(a, await login(a.app, 'admin', 'admin-followup-pass'));
    const [dept] = await a.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'VP-KTN'`);
    const mk = async (content: string, deadline: string) =>
      (await admin.post('/api/tasks', { content, leadUnitId: dept!.id, deadline })).json().id as string;
    const late1 = await mk('Tham mưu xử lý kiến nghị về giải phóng mặt bằng dự án đường ven biển', '2026-03-05');
    const late2 = await mk('Báo cáo tiến độ xây dựng nông thôn mới quý I', '2026-03-06');
    const near = await mk('Tổng hợp ý kiến về quy hoạch đô thị Quảng Ngãi', '2026-03-11');
    const later = await mk('Rà soát danh mục dự án giao thông năm 2027', '2026-05-29');

    const b = await instance();
    await Promise.all([enqueueScan(a.db, clock), enqueueScan(b.db, clock)]);
    await Promise.all([a.jobs.runDue(), b.jobs.runDue()]);
    // A restart: a new instance, a later scan of the same situation.
    await a.app.close();
    const c = await instance();
    clock.t = new Date('2026-03-10T02:05:00Z');
    await Promise.all([enqueueScan(b.db, clock), enqueueScan(c.db, clock)]);
    await Promise.all([b.jobs.runDue(), c.jobs.runDue()]);

    const notes = await c.db.query<{ task_id: string; kind: string; n: number }>(
      `SELECT task_id, kind, count(*)::int AS n FROM notifications WHERE task_id = ANY($1::uuid[]) GROUP BY task_id, kind`,
      [[late1, late2, near, later]],
    );
    // VP-KTN has no account in the demo: the Office's leaders are told instead.
    const [head] = await c.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE 'office_leader' = ANY(roles)`,
    );
    const per = (id: string, kind: string) => notes.find((x) => x.task_id === id && x.kind === kind)?.n ?? 0;
    const recipients = head!.n;
    expect(recipients).toBeGreaterThan(0);
    expect(per(late1, 'task_overdue')).toBe(recipients);
    expect(per(late2, 'task_overdue')).toBe(recipients);
    expect(per(near, 'task_near')).toBe(2 * recipients); // offsets 3 and 1 working days
    expect(per(later, 'task_near') + per(later, 'task_overdue')).toBe(0);

    const urging = await c.db.query<{ task_ids: string[]; document_id: string }>(
      `SELECT task_ids, document_id FROM urging_documents`,
    );
    expect(urging).toHaveLength(1);
    expect([...urging[0]!.task_ids].sort()).toEqual([late1, late2].sort());
    const [draft] = await c.db.query<{ subject: string; body: string; status: string }>(
      `SELECT subject, body, status FROM documents WHERE id = $1`,
      [urging[0]!.document_id],
    );
    expect(draft!.status).toBe('draft');
    expect(draft!.subject).toMatch(/đôn đốc/);
    expect(draft!.body).toContain('giải phóng mặt bằng dự án đường ven biển');
    expect(draft!.body).toContain('nông thôn mới quý I');
    expect(draft!.body).not.toContain('quy hoạch đô thị');
    expect(draft!.body).not.toContain('dự án giao thông năm 2027');
    const done = await c.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE status <> 'done'`);
    expect(done[0]!.n).toBe(0);
  });
});

describe('who may work a task', () => {
  it('refuses a specialist of another department, and a commune user', async () => {
    const s = servers[servers.length - 1]!;
    const admin = as(s, await login(s.app, 'admin', 'admin-followup-pass'));
    const [dept] = await s.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'VP-NC'`);
    const t = (
      await admin.post('/api/tasks', {
        content: 'Tham mưu công tác quốc phòng địa phương năm 2026',
        leadUnitId: dept!.id,
        deadline: '2026-06-30',
      })
    ).json();
    for (const who of ['chuyenvien', 'phuongcamthanh']) {
      const u = as(s, await login(s.app, who, 'demo-followup-pass'));
      const res = await u.post(`/api/tasks/${t.id}/complete`, { result: 'Không phải việc của tôi' });
      expect([403, 404], who).toContain(res.statusCode);
    }
    const chief = as(s, await login(s.app, 'chanhvp', 'demo-followup-pass'));
    expect((await chief.post(`/api/tasks/${t.id}/progress`, { note: 'Văn phòng theo dõi' })).statusCode).toBe(200);
  });
});
