import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type Session, type TestServer } from './helpers.js';

const SEED = fs.readFileSync(
  path.join(import.meta.dirname, 'fixtures/documents/01-thong-bao-ket-luan-2026-01-06.txt'),
  'utf8',
);
let s: TestServer;
let clerk: Session;
beforeAll(async () => {
  s = await startTestServer({ clock: { now: () => new Date('2026-01-08T02:00:00Z') } });
  clerk = await login(s.app, 'vanthu');
});
afterAll(async () => s?.dispose());

const post = (body: object) =>
  s.app.inject({ method: 'POST', url: '/api/tasks/import-conclusions', headers: clerk.headers, payload: body });
const count = async () => (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks'))[0]!.n;

describe('importing a conclusions notice', () => {
  it('previews one task per numbered point and per bullet under points 4 and 5, led by the Office, writing nothing', async () => {
    const before = await count();
    const res = await post({ text: SEED });
    expect(res.statusCode, res.body).toBe(200);
    const tasks = res.json().tasks;
    expect(tasks.map((t: { source: { point: string } }) => t.source.point)).toEqual([
      '1',
      '2',
      '3',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6',
      '5.1',
      '5.2',
      '5.3',
    ]);
    expect(tasks.every((t: { leadUnit: { name: string } }) => t.leadUnit?.name === 'Văn phòng UBND tỉnh')).toBe(true);
    const all = JSON.stringify(tasks);
    for (const excluded of ['Nơi nhận', 'Báo cáo số 01/BC-VP', 'TL. CHỦ TỊCH', 'Nguyễn Quốc Việt', 'Nay thông báo'])
      expect(all).not.toContain(excluded);
    expect(tasks[0].deadline).toBe('2026-12-31');
    expect(tasks[3].content).toContain('cải thiện môi trường đầu tư');
    expect(await count()).toBe(before);
  });

  it('saves the tasks on confirmation, each with its source point', async () => {
    const res = await post({ text: SEED, confirm: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().tasks).toHaveLength(12);
    const [row] = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE source_point = '4.2'`);
    expect(row!.n).toBe(1);
  });

  it('answers empty text and text without tasks clearly', async () => {
    const empty = await post({ text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'EMPTY_TEXT', field: 'text' });
    const none = await post({ text: 'Kính gửi các đồng chí. Xin cảm ơn.' });
    expect(none.json()).toMatchObject({ code: 'NO_TASKS', field: 'text' });
    expect(none.json().message).toMatch(/không tìm thấy nhiệm vụ/);
  });

  it('leaves an unreadable deadline empty and flagged, with no guessed date', async () => {
    const text = `THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\nĐề nghị Sở Tài chính thực hiện:\n1. Rà soát nguồn vốn đầu tư công, hoàn thành trước ngày 30/02/2026.\n2. Báo cáo kết quả trong quý I/2026.`;
    const res = await post({ text, issuedDate: '2026-01-10' });
    const [t1, t2] = res.json().tasks;
    expect(t1.deadline).toBeNull();
    expect(t1.flags).toContain('DEADLINE_UNREADABLE');
    expect(t2.deadline).toBe('2026-03-31');
    expect(t1.leadUnit.name).toBe('Sở Tài chính');
  });
});
