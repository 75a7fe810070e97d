import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type Session, type TestServer } from './helpers.js';

let s: TestServer;
let admin: Session;
beforeAll(async () => {
  s = await startTestServer();
  admin = await login(s.app, 'admin');
});
afterAll(async () => s?.dispose());

const get = async (url: string, who: Session = admin) => {
  const res = await s.app.inject({ url, headers: { cookie: who.cookie } });
  return { status: res.statusCode, body: res.json() };
};

describe('demo province', () => {
  it('lists exactly the 96 commune-level units of Quảng Ngãi with their official codes', async () => {
    const { status, body } = await get('/api/org/units?level=commune');
    expect(status).toBe(200);
    expect(body.total).toBe(96);
    expect(body.items).toHaveLength(96);
    const byCode = new Map(body.items.map((u: { code: string; name: string }) => [u.code, u]));
    expect(byCode.get('21025')).toMatchObject({ name: 'Phường Cẩm Thành', type: 'phường' });
    expect(byCode.get('21548')).toMatchObject({ name: 'Đặc khu Lý Sơn', type: 'đặc khu' });
    const types = body.items.reduce(
      (m: Record<string, number>, u: { type: string }) => ({ ...m, [u.type]: (m[u.type] ?? 0) + 1 }),
      {},
    );
    expect(types).toEqual({ xã: 86, phường: 9, 'đặc khu': 1 });
    // Every commune belongs to an area a Vice Chairman can be put in charge of.
    expect(body.items.every((u: { areaCode: string | null }) => u.areaCode)).toBe(true);
  });

  it('has the Office with its departments, the agencies, a field taxonomy and short names', async () => {
    const office = (await get('/api/org/units?level=office')).body.items[0];
    expect(office).toMatchObject({ name: 'Văn phòng UBND tỉnh', shortName: 'VP' });
    const depts = (await get(`/api/org/units?parentId=${office.id}`)).body.items.map(
      (u: { shortName: string }) => u.shortName,
    );
    expect(depts).toEqual(expect.arrayContaining(['TH', 'HCTC', 'KTTH']));
    const agencies = (await get('/api/org/units?level=agency')).body.items.map((u: { name: string }) => u.name);
    expect(agencies).toEqual(
      expect.arrayContaining([
        'Sở Tài chính',
        'Sở Nông nghiệp và Môi trường',
        'Thanh tra tỉnh',
        'Sở Văn hóa, Thể thao và Du lịch',
      ]),
    );
    expect((await get('/api/org/fields')).body.total).toBeGreaterThanOrEqual(15);
    expect(
      (await get('/api/org/areas')).body.items.reduce(
        (n: number, a: { communeCount: number }) => n + a.communeCount,
        0,
      ),
    ).toBe(96);
  });
});

describe('leader assignments', () => {
  it('answers who was in charge on a date, from the dated history', async () => {
    const before = (await get('/api/org/assignments?date=2025-10-01')).body;
    const now = (await get('/api/org/assignments?date=2026-02-01')).body;
    const pct3Then = before.items.find((a: { leader: { fullName: string } }) => a.leader.fullName === 'Đỗ Văn Hải');
    const pct3Now = now.items.find((a: { leader: { fullName: string } }) => a.leader.fullName === 'Đỗ Văn Hải');
    expect(pct3Then.fields.map((f: { code: string }) => f.code)).toContain('KHCN');
    expect(pct3Now.fields.map((f: { code: string }) => f.code)).not.toContain('KHCN');
    expect(now.total).toBe(5);
  });

  it('a change from a date closes the previous period the day before, and is audited', async () => {
    const [pct4] = await s.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'pct4'`);
    const res = await s.app.inject({
      method: 'PUT',
      url: `/api/org/assignments/${pct4!.id}`,
      headers: admin.headers,
      payload: {
        fieldCodes: ['XAY_DUNG', 'GIAO_THONG', 'TU_PHAP', 'NGOAI_VU', 'KHCN'],
        areaCodes: ['KV4'],
        agencyIds: [],
        validFrom: '2026-03-01',
        note: 'Quyết định phân công lại',
      },
    });
    expect(res.statusCode).toBe(200);
    const hist = (await get(`/api/org/assignments/history?leaderId=${pct4!.id}`)).body.items;
    expect(hist.map((h: { validFrom: string; validTo: string | null }) => [h.validFrom, h.validTo])).toEqual([
      ['2026-03-01', null],
      ['2025-07-01', '2026-02-28'],
    ]);
    const feb = (await get('/api/org/assignments?date=2026-02-28')).body.items.find(
      (a: { leader: { id: string } }) => a.leader.id === pct4!.id,
    );
    expect(feb.fields.map((f: { code: string }) => f.code)).not.toContain('KHCN');
    const mar = (await get('/api/org/assignments?date=2026-03-01')).body.items.find(
      (a: { leader: { id: string } }) => a.leader.id === pct4!.id,
    );
    expect(mar.fields.map((f: { code: string }) => f.code)).toContain('KHCN');
    const audit = (await get('/api/audit?entity=leader_assignment')).body.items[0];
    expect(audit.before.validTo).toBeNull();
    expect(audit.after.validFrom).toBe('2026-03-01');
  });

  it('refuses a change dated before the current period, an unknown field, or a non-leader', async () => {
    const [pct4] = await s.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'pct4'`);
    const [vanthu] = await s.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanthu'`);
    const count = async () =>
      (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM leader_assignments'))[0]!.n;
    const n = await count();
    const put = (id: string, body: object) =>
      s.app.inject({ method: 'PUT', url: `/api/org/assignments/${id}`, headers: admin.headers, payload: body });
    const early = await put(pct4!.id, { fieldCodes: [], areaCodes: [], agencyIds: [], validFrom: '2026-01-15' });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'ASSIGNMENT_BEFORE_CURRENT', field: 'validFrom' });
    const unknown = await put(pct4!.id, {
      fieldCodes: ['KHONG_CO'],
      areaCodes: [],
      agencyIds: [],
      validFrom: '2026-06-01',
    });
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'fieldCodes' });
    const notLeader = await put(vanthu!.id, { fieldCodes: [], areaCodes: [], agencyIds: [], validFrom: '2026-06-01' });
    expect(notLeader.json()).toMatchObject({ code: 'NOT_A_LEADER' });
    const badDate = await put(pct4!.id, { fieldCodes: [], areaCodes: [], agencyIds: [], validFrom: '2026-02-30' });
    expect(badDate.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'validFrom' });
    expect(await count()).toBe(n);
  });
});

describe('staffing quotas and row scoping', () => {
  it('flags over-quota units', async () => {
    const { body } = await get('/api/org/quotas?year=2026');
    const syt = body.items.find((q: { unitName: string }) => q.unitName === 'Sở Y tế');
    expect(syt.overQuota).toBe(true);
    const stc = body.items.find((q: { unitName: string }) => q.unitName === 'Sở Tài chính');
    expect(stc.overQuota).toBe(false);
  });

  it('shows an agency user only its own unit’s people and quotas', async () => {
    const agency = await login(s.app, 'sotaichinh');
    const people = (await get('/api/org/people', agency)).body.items;
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p: { unitName: string }) => p.unitName === 'Sở Tài chính')).toBe(true);
    // Asking for another unit does not widen the scope.
    const [vp] = await s.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'VP-KTTH'`);
    expect((await get(`/api/org/people?unitId=${vp!.id}`, agency)).body.total).toBe(0);
    const quotas = (await get('/api/org/quotas?year=2026', agency)).body.items;
    expect(quotas.map((q: { unitName: string }) => q.unitName)).toEqual(['Sở Tài chính']);
    const commune = await login(s.app, 'phuongcamthanh');
    const cp = (await get('/api/org/people', commune)).body.items;
    expect(cp.map((p: { unitName: string }) => p.unitName)).toEqual(['Phường Cẩm Thành']);
    // The Office sees the whole province.
    expect((await get('/api/org/people')).body.total).toBeGreaterThanOrEqual(12);
  });

  it('edits a quota with validation', async () => {
    const [snv] = await s.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'SNV'`);
    const bad = await s.app.inject({
      method: 'PUT',
      url: '/api/org/quotas',
      headers: admin.headers,
      payload: { unitId: snv!.id, year: 2026, approvedCivil: -1, approvedPublic: 1, actualCivil: 1, actualPublic: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('approvedCivil');
    const ok = await s.app.inject({
      method: 'PUT',
      url: '/api/org/quotas',
      headers: admin.headers,
      payload: {
        unitId: snv!.id,
        year: 2027,
        approvedCivil: 80,
        approvedPublic: 30,
        actualCivil: 79,
        actualPublic: 28,
      },
    });
    expect(ok.json()).toMatchObject({ year: 2027, overQuota: false });
  });
});

describe('units and people admin', () => {
  it('creates a unit and refuses a duplicate code and a parent cycle', async () => {
    const [vp] = await s.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'VP'`);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: admin.headers,
      payload: {
        code: 'VP-TEST',
        name: 'Phòng Thử nghiệm',
        shortName: 'TN',
        level: 'department',
        type: 'Phòng',
        parentId: vp!.id,
      },
    });
    expect(res.statusCode).toBe(200);
    const dup = await s.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: admin.headers,
      payload: { code: 'VP-TEST', name: 'Phòng khác', shortName: 'K', level: 'department', type: 'Phòng' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'UNIT_CODE_TAKEN', field: 'code' });
    const cycle = await s.app.inject({
      method: 'PATCH',
      url: `/api/org/units/${vp!.id}`,
      headers: admin.headers,
      payload: { parentId: res.json().id },
    });
    expect(cycle.json()).toMatchObject({ code: 'PARENT_CYCLE', field: 'parentId' });
  });

  it('creates a person, refuses a short password, and a disabled account cannot log in', async () => {
    const short = await s.app.inject({
      method: 'POST',
      url: '/api/org/people',
      headers: admin.headers,
      payload: {
        username: 'ngan',
        fullName: 'Mật khẩu ngắn',
        unitId: null,
        roles: ['clerk'],
        clearance: 0,
        password: 'abc',
      },
    });
    expect(short.json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT', field: 'password' });
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/org/people',
      headers: admin.headers,
      payload: {
        username: 'vanthu2',
        fullName: 'Nguyễn Văn Thư',
        unitId: null,
        roles: ['clerk'],
        clearance: 1,
        password: 'mat-khau-dai-du',
      },
    });
    expect(ok.statusCode).toBe(200);
    const sess = await login(s.app, 'vanthu2', 'mat-khau-dai-du');
    await s.app.inject({
      method: 'PATCH',
      url: `/api/org/people/${ok.json().id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect((await s.app.inject({ url: '/api/auth/me', headers: { cookie: sess.cookie } })).statusCode).toBe(401);
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanthu2', password: 'mat-khau-dai-du' },
    });
    expect(again.statusCode).toBe(401);
    const audit = (await get(`/api/audit?entity=user&entityId=${ok.json().id}`)).body.items;
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);
  });
});
