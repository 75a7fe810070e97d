import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type Session, type TestServer } from './helpers.js';
import { SYSTEM_ACTOR } from '../src/audit/audit.store.js';
import { AppError } from '../src/platform/errors.js';
import {
  calendarYear,
  deadlineOn,
  deleteCalendarDay,
  loadCalendar,
  upsertCalendarDay,
} from '../src/calendar/calendar.store.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../src/calendar/working-days.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.dispose());

const storedCount = async () => (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_days'))[0]!.n;
const auditCount = async () =>
  (await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'calendar_day'`))[0]!.n;

describe('calendar store (seeded official days + computed defaults)', () => {
  it('2026: the official Tết and holidays, the day next to 2/9 still a default', async () => {
    const items = await calendarYear(s.db, 2026);
    const by = new Map(items.map((d) => [d.date, d]));
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(by.get(d), d).toMatchObject({ kind: 'holiday', source: 'official' });
      expect(by.get(d)!.basis).toContain('9441/TB-BNV');
    }
    expect(by.get('2026-04-30')).toMatchObject({ kind: 'holiday', source: 'official' });
    expect(by.get('2026-05-01')).toMatchObject({ kind: 'holiday', source: 'official' });
    expect(by.get('2026-09-01')).toMatchObject({ kind: 'holiday', source: 'default' });
    expect(by.get('2026-01-10')).toMatchObject({ kind: 'makeup_workday', source: 'official' });
  });

  it('2025: the official Tết 25/1–2/2 (weekdays 27–31/1) and the 30/4 swap, no default compensation on 3/2', async () => {
    const cal = await loadCalendar(s.db, 2025, 2025);
    const off = (d: string) => !isWorkingDay(d, cal);
    for (let d = 25; d <= 31; d++) expect(off(`2025-01-${d}`), `${d}/1`).toBe(true);
    expect(off('2025-02-01') && off('2025-02-02')).toBe(true);
    expect(off('2025-02-03')).toBe(false);
    expect(off('2025-04-26')).toBe(false); // make-up Saturday
    expect(['2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02'].every(off)).toBe(true);
    // Friday 24/1/2025 + 1 working day → Monday 3/2/2025.
    expect(addWorkingDays('2025-01-24', 1, cal)).toBe('2025-02-03');
  });

  it('2027 has no official decision yet: computed defaults only', async () => {
    const items = await calendarYear(s.db, 2027);
    expect(items.every((d) => d.source === 'default')).toBe(true);
    expect(items.find((d) => d.date === '2027-02-06')).toMatchObject({ kind: 'holiday' });
  });

  it('the acceptance deadlines on the stored calendar', async () => {
    expect(await deadlineOn(s.db, '2026-04-29', { amount: 3, unit: 'working_days' })).toBe('2026-05-06');
    expect(await deadlineOn(s.db, '2026-02-13', { amount: 1, unit: 'working_days' })).toBe('2026-02-23');
    // Across the year end into a year with defaults only, and a long period across several years.
    expect(await deadlineOn(s.db, '2026-12-30', { amount: 2, unit: 'working_days' })).toBe('2027-01-04');
    const far = await deadlineOn(s.db, '2026-01-05', { amount: 900, unit: 'working_days' });
    const cal = await loadCalendar(s.db, 2026, 2030);
    expect(workingDaysBetween('2026-01-05', far, cal)).toBe(900);
  });

  it('upserts and deletes a day in one transaction with its audit row; a refused day writes nothing', async () => {
    const [n0, a0] = [await storedCount(), await auditCount()];
    const saved = await s.db.tx((q) =>
      upsertCalendarDay(q, SYSTEM_ACTOR, '2026-06-01', {
        name: 'Nghỉ thử',
        kind: 'government_off',
        basis: 'Quyết định thử',
      }),
    );
    expect(saved).toMatchObject({ date: '2026-06-01', source: 'official' });
    expect([await storedCount(), await auditCount()]).toEqual([n0 + 1, a0 + 1]);
    // Same content again: nothing to record.
    await s.db.tx((q) =>
      upsertCalendarDay(q, SYSTEM_ACTOR, '2026-06-01', {
        name: 'Nghỉ thử',
        kind: 'government_off',
        basis: 'Quyết định thử',
      }),
    );
    expect(await auditCount()).toBe(a0 + 1);
    // A make-up day on a Monday is refused before anything is written.
    const err = await s.db
      .tx((q) => upsertCalendarDay(q, SYSTEM_ACTOR, '2026-06-08', { name: 'x', kind: 'makeup_workday', basis: 'x' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'CALENDAR_MAKEUP_NOT_WEEKEND', field: 'kind', status: 400 });
    expect(await storedCount()).toBe(n0 + 1);
    const after = await s.db.tx((q) => deleteCalendarDay(q, SYSTEM_ACTOR, '2026-06-01'));
    expect(after).toBeNull();
    expect([await storedCount(), await auditCount()]).toEqual([n0, a0 + 2]);
    const [last] = await s.db.query<{ action: string; before: { name: string }; after: unknown }>(
      `SELECT action, before, after FROM audit_log WHERE entity = 'calendar_day' ORDER BY id DESC LIMIT 1`,
    );
    expect(last).toMatchObject({ action: 'delete', before: { name: 'Nghỉ thử' }, after: null });
  });
});

/**
 * The HTTP API. Needs calendarRoutes(app, db) registered in server.ts and the permissions
 * calendar.read (every staff role) and calendar.write (admin) in auth/permissions.ts.
 */
describe('calendar routes', () => {
  let admin: Session;
  let clerk: Session;
  beforeAll(async () => {
    admin = await login(s.app, 'admin');
    clerk = await login(s.app, 'vanthu');
  });
  const get = async (url: string, who: Session = clerk) => {
    const res = await s.app.inject({ url, headers: { cookie: who.cookie } });
    return { status: res.statusCode, body: res.json() };
  };
  const put = (date: string, payload: object, who: Session = admin) =>
    s.app.inject({ method: 'PUT', url: `/api/calendar/days/${date}`, headers: who.headers, payload });
  const del = (date: string, who: Session = admin) =>
    s.app.inject({ method: 'DELETE', url: `/api/calendar/days/${date}`, headers: who.headers });

  it('GET /api/calendar/add-working-days answers {date} (the contract)', async () => {
    expect(await get('/api/calendar/add-working-days?from=2026-04-29&days=3')).toEqual({
      status: 200,
      body: { date: '2026-05-06' },
    });
    expect((await get('/api/calendar/add-working-days?from=2026-02-13&days=1')).body).toEqual({ date: '2026-02-23' });
    expect((await get('/api/calendar/add-working-days?from=2026-02-14&days=0')).body).toEqual({ date: '2026-02-23' });
    for (const who of ['sotaichinh', 'phuongcamthanh', 'pct1']) {
      const res = await get('/api/calendar/add-working-days?from=2026-04-29&days=3', await login(s.app, who));
      expect(res.status, who).toBe(200);
    }
  });

  it('a bad date or number is a 400 naming the field', async () => {
    for (const from of ['2026-02-30', '2026-2-3', '29/04/2026', '']) {
      const res = await get(`/api/calendar/add-working-days?from=${encodeURIComponent(from)}&days=3`);
      expect(res.status, from).toBe(400);
      expect(res.body.field, from).toBe('from');
    }
    for (const days of ['-1', '1.5', 'abc', '100000']) {
      const res = await get(`/api/calendar/add-working-days?from=2026-04-29&days=${days}`);
      expect(res.status, days).toBe(400);
      expect(res.body.field, days).toBe('days');
    }
    expect((await get('/api/calendar/add-working-days?days=3')).body.field).toBe('from');
    expect((await get('/api/calendar/lunar?date=2026-13-01')).body).toMatchObject({ field: 'date' });
    expect((await get('/api/calendar/days?year=abc')).body).toMatchObject({ field: 'year' });
  });

  it('GET /api/calendar/days lists the year with source and basis', async () => {
    const { status, body } = await get('/api/calendar/days?year=2026');
    expect(status).toBe(200);
    expect(body.year).toBe(2026);
    const tet = body.items.find((d: { date: string }) => d.date === '2026-02-17');
    expect(tet).toMatchObject({ kind: 'holiday', source: 'official', name: 'Tết Âm lịch (mùng 1 tháng Giêng)' });
    expect(tet.basis).toContain('Bộ Nội vụ');
    expect(body.items.find((d: { date: string }) => d.date === '2026-09-01')).toMatchObject({ source: 'default' });
  });

  it('GET /api/calendar/lunar', async () => {
    expect((await get('/api/calendar/lunar?date=2026-02-17')).body).toEqual({
      day: 1,
      month: 1,
      year: 2026,
      leap: false,
      canChi: { day: 'Nhâm Tuất', month: 'Canh Dần', year: 'Bính Ngọ' },
    });
    expect((await get('/api/calendar/lunar?date=2025-07-25')).body).toMatchObject({ day: 1, month: 6, leap: true });
  });

  it('an admin adds a day off and the deadline moves; deleting it moves it back; both audited', async () => {
    const url = '/api/calendar/add-working-days?from=2026-04-29&days=3';
    const a0 = await auditCount();
    const saved = await put('2026-05-04', {
      name: 'Nghỉ hoán đổi (thử)',
      kind: 'government_off',
      basis: 'Công văn thử của Bộ Nội vụ',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ date: '2026-05-04', kind: 'government_off', source: 'official' });
    expect((await get(url)).body).toEqual({ date: '2026-05-07' });
    const audit = (await get('/api/audit?entity=calendar_day', admin)).body.items[0];
    expect(audit).toMatchObject({ action: 'create', entityId: '2026-05-04', actorName: 'admin', before: null });
    expect(audit.after).toMatchObject({ kind: 'government_off', basis: 'Công văn thử của Bộ Nội vụ' });

    const removed = await del('2026-05-04');
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ date: '2026-05-04', effective: null });
    expect((await get(url)).body).toEqual({ date: '2026-05-06' });
    expect(await auditCount()).toBe(a0 + 2);

    // Deleting the official 1/9/2026? It is a default only: nothing stored to delete.
    const none = await del('2026-09-01');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'CALENDAR_DAY_NOT_STORED', field: 'date' });
  });

  it('the official day next to 2/9 replaces the default, and a stored working day cancels a default day off', async () => {
    const saved = await put('2026-09-01', {
      name: 'Quốc khánh (ngày liền kề)',
      kind: 'holiday',
      basis: 'Thông báo của Bộ Nội vụ',
    });
    expect(saved.statusCode).toBe(200);
    const item = (await get('/api/calendar/days?year=2026')).body.items.filter(
      (d: { date: string }) => d.date === '2026-09-01',
    );
    expect(item).toEqual([
      {
        date: '2026-09-01',
        name: 'Quốc khánh (ngày liền kề)',
        kind: 'holiday',
        source: 'official',
        basis: 'Thông báo của Bộ Nội vụ',
      },
    ]);
    expect((await put('2027-02-10', { name: 'Làm việc', kind: 'workday', basis: 'Thông báo thử' })).statusCode).toBe(
      200,
    );
    // Fri 5/2/2027 (29 Tết) + 1: Tết and weekend, then Wed 10/2 (kept working), not Fri 12/2.
    expect((await get('/api/calendar/add-working-days?from=2027-02-05&days=1')).body).toEqual({ date: '2027-02-10' });
    const back = await del('2027-02-10');
    expect(back.json().effective).toMatchObject({ kind: 'compensation', source: 'default' });
    expect((await get('/api/calendar/add-working-days?from=2027-02-05&days=1')).body).toEqual({ date: '2027-02-12' });
  });

  it('refuses bad edits with a 400 naming the field, and writes nothing', async () => {
    const [n0, a0] = [await storedCount(), await auditCount()];
    const cases: [string, object, string][] = [
      ['2026-02-30', { name: 'x', kind: 'holiday', basis: 'x' }, 'date'],
      ['2026-06-01', { name: '', kind: 'holiday', basis: 'x' }, 'name'],
      ['2026-06-01', { name: '   ', kind: 'holiday', basis: 'x' }, 'name'],
      ['2026-06-01', { name: 'x', kind: 'nghi', basis: 'x' }, 'kind'],
      ['2026-06-01', { name: 'x', kind: 'holiday' }, 'basis'],
      ['2026-06-01', { name: 'x', kind: 'makeup_workday', basis: 'x' }, 'kind'], // a Monday
      ['2026-06-06', { name: 'x', kind: 'workday', basis: 'x' }, 'kind'], // a Saturday
    ];
    for (const [date, body, field] of cases) {
      const res = await put(date, body);
      expect(res.statusCode, `${date} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().field, `${date} ${JSON.stringify(body)}`).toBe(field);
    }
    expect((await put('2026-06-01', { name: 'x', kind: 'makeup_workday', basis: 'x' })).json().code).toBe(
      'CALENDAR_MAKEUP_NOT_WEEKEND',
    );
    expect((await put('2026-06-06', { name: 'x', kind: 'workday', basis: 'x' })).json().code).toBe(
      'CALENDAR_WORKDAY_ON_WEEKEND',
    );
    expect([await storedCount(), await auditCount()]).toEqual([n0, a0]);
  });

  it('only calendar.write may edit: a clerk reads but cannot write', async () => {
    const n0 = await storedCount();
    const res = await put('2026-06-01', { name: 'x', kind: 'holiday', basis: 'x' }, clerk);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await del('2026-04-30', clerk)).statusCode).toBe(403);
    expect(await storedCount()).toBe(n0);
  });
});
