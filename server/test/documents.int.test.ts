import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textFromFile } from '../src/extraction/text-from-file.js';
import { login, movableClock, startTestServer, type Session, type TestServer } from './helpers.js';

let s: TestServer;
let clerk: Session;
let admin: Session;
const clock = movableClock('2026-03-10T02:00:00Z');

beforeAll(async () => {
  s = await startTestServer({ clock });
  clerk = await login(s.app, 'vanthu');
  admin = await login(s.app, 'admin');
});
afterAll(async () => s?.dispose());

const base = {
  issuer: { unitCode: 'SNNMT' },
  number: 125,
  notation: 'SNNMT-QLĐĐ',
  issuedDate: '2026-03-05',
  type: 'CV',
  subject: 'V/v đề nghị thẩm định hồ sơ giao đất cho UBND xã Bình Sơn',
  signer: { form: 'KT.', position: 'Phó Giám đốc', name: 'Nguyễn Văn Bình' },
  fields: ['DAT_DAI'],
};
const post = (who: Session, body: object) =>
  s.app.inject({ method: 'POST', url: '/api/incoming', headers: who.headers, payload: body });

describe('incoming register', () => {
  it('registers with the next arrival number and today’s date in Vietnam', async () => {
    const res = await post(clerk, base);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      arrivalNumber: 1,
      arrivalDate: '2026-03-10',
      code: '125/SNNMT-QLĐĐ',
      status: 'registered',
    });
    expect(res.json().issuer.name).toBe('Sở Nông nghiệp và Môi trường');
    const second = await post(clerk, {
      ...base,
      number: 126,
      subject: 'V/v báo cáo tiến độ giải ngân vốn đầu tư công',
    });
    expect(second.json().arrivalNumber).toBe(2);
  });

  it('flags a duplicate with a link to the earlier entry, and registers it only on confirmation (audited)', async () => {
    const dup = await post(clerk, base);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE_DOCUMENT', duplicateOf: { arrivalNumber: 1 } });
    expect(dup.json().message).toMatch(/đã được đăng ký/);
    const ok = await post(clerk, { ...base, confirmDuplicate: true });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().duplicateOf).toBe(dup.json().duplicateOf.id);
    const [a] = await s.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'document' AND entity_id = $1`,
      [ok.json().id],
    );
    expect(a!.action).toBe('register-confirmed-duplicate');
    // The refused attempt wrote nothing: the confirmed entry took the next number.
    expect(ok.json().arrivalNumber).toBe(3);
  });

  it('registers concurrent requests in groups: a duplicate among them is refused alone, the numbers stay consecutive', async () => {
    const before = await s.db.query<{ n: number }>(
      `SELECT coalesce(max(arrival_number), 0)::int AS n FROM documents WHERE direction = 'in' AND year = 2026`,
    );
    const bodies = Array.from({ length: 10 }, (_, k) => ({
      ...base,
      number: k === 7 ? 303 : 300 + k, // the eighth repeats the fourth
      subject: `V/v đăng ký đồng thời số ${k}`,
    }));
    const res = await Promise.all(bodies.map((b) => post(clerk, b)));
    const refused = res.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.json().code).toBe('DUPLICATE_DOCUMENT');
    const numbers = res
      .filter((r) => r.statusCode === 201)
      .map((r) => r.json().arrivalNumber as number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 9 }, (_, k) => before[0]!.n + 1 + k));
  });

  it('records each registration in the audit chain with its arrival number, and the chain verifies', async () => {
    const res = await post(clerk, { ...base, number: 127, subject: 'V/v kiểm tra chuỗi nhật ký' });
    expect(res.statusCode).toBe(201);
    const [a] = await s.db.query<{ after: { arrivalNumber: number; code: string; id: string } }>(
      `SELECT after FROM audit_log WHERE entity = 'document' AND entity_id = $1 AND action = 'register'`,
      [res.json().id],
    );
    expect(a!.after).toMatchObject({ arrivalNumber: res.json().arrivalNumber, code: '127/SNNMT-QLĐĐ' });
    const verify = await s.app.inject({ url: '/api/audit/verify', headers: admin.headers });
    expect(verify.json()).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('rejects bad input with the field named and writes nothing', async () => {
    const count = async () => (await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents`))[0]!.n;
    const n = await count();
    const feb30 = await post(clerk, { ...base, number: 999, issuedDate: '2026-02-30' });
    expect(feb30.statusCode).toBe(400);
    expect(feb30.json()).toMatchObject({ field: 'issuedDate' });
    expect(feb30.json().message).toContain('Ngày ban hành');
    const future = await post(clerk, { ...base, number: 998, issuedDate: '2026-04-01' });
    expect(future.json()).toMatchObject({ code: 'ISSUED_AFTER_ARRIVAL', field: 'issuedDate' });
    const badUnit = await post(clerk, { ...base, number: 997, issuer: { unitCode: 'KHONGCO' } });
    expect(badUnit.json()).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'issuer.unitCode' });
    const badType = await post(clerk, { ...base, number: 996, type: 'XYZ' });
    expect(badType.json().field).toBe('type');
    expect(await count()).toBe(n);
    // The arrival series did not move either: the next one is still consecutive.
    const next = await post(clerk, { ...base, number: 200, subject: 'V/v kiểm tra số đến liên tục' });
    expect(next.json().arrivalNumber).toBe(n + 1);
  });

  it('finds documents however they are typed, by words or by số/ký hiệu, with facets', async () => {
    await post(clerk, {
      issuer: { name: 'Văn phòng Chính phủ' },
      number: 7816,
      notation: 'VPCP-TTĐT',
      issuedDate: '2026-03-01',
      type: 'CV',
      subject: 'Về việc phân luồng văn bản đến',
      fields: ['KHCN'],
    });
    await post(clerk, {
      issuer: { name: 'Ủy ban Thường vụ Quốc hội' },
      number: 1677,
      notation: 'NQ-UBTVQH15',
      issuedDate: '2025-06-16',
      type: 'NQ',
      subject: 'Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi năm 2025',
    });
    const words = await s.app.inject({
      url: '/api/incoming?q=phan%20luong%20van%20ban',
      headers: { cookie: clerk.cookie },
    });
    expect(words.json().items.map((d: { subject: string }) => d.subject)).toEqual(['Về việc phân luồng văn bản đến']);
    const code = await s.app.inject({
      url: `/api/incoming?q=${encodeURIComponent('1677/NQ-UBTVQH15')}`,
      headers: { cookie: clerk.cookie },
    });
    expect(code.json().items).toHaveLength(1);
    expect(code.json().items[0].code).toBe('1677/NQ-UBTVQH15');
    const notation = await s.app.inject({
      url: `/api/incoming?q=${encodeURIComponent('7816/VPCP-TTĐT')}`,
      headers: { cookie: clerk.cookie },
    });
    expect(notation.json().total).toBe(1);
    const all = await s.app.inject({
      url: '/api/incoming?type=CV&from=2026-03-01&to=2026-03-31',
      headers: { cookie: clerk.cookie },
    });
    expect(all.json().facets.type).toEqual({ CV: all.json().total });
    expect(all.json().facets.field.DAT_DAI).toBeGreaterThanOrEqual(3);
  });

  it('hides secret documents from people without clearance, even in counts', async () => {
    const secret = await post(clerk, {
      issuer: { unitCode: 'TTT' },
      number: 12,
      notation: 'TTr-NV',
      issuedDate: '2026-03-09',
      type: 'BC',
      subject: 'Báo cáo kết quả xác minh nội dung tố cáo (mật)',
      secrecy: 1,
    });
    expect(secret.statusCode).toBe(201);
    const chuyenvien = await login(s.app, 'chuyenvien');
    const q = '/api/incoming?q=xac%20minh%20to%20cao';
    const cleared = await s.app.inject({ url: q, headers: { cookie: clerk.cookie } });
    const notCleared = await s.app.inject({ url: q, headers: { cookie: chuyenvien.cookie } });
    expect(cleared.json().total).toBe(1);
    expect(notCleared.json().total).toBe(0);
    const allFacets = await s.app.inject({ url: '/api/incoming', headers: { cookie: chuyenvien.cookie } });
    expect(allFacets.json().facets.type.BC ?? 0).toBe(0);
    const direct = await s.app.inject({
      url: `/api/documents/${secret.json().id}`,
      headers: { cookie: chuyenvien.cookie },
    });
    expect(direct.statusCode).toBe(404);
    // A clerk cleared for Mật cannot register a Tối mật document she could not read.
    const tooHigh = await post(clerk, { ...base, number: 500, secrecy: 2 });
    expect(tooHigh.json()).toMatchObject({ code: 'CLEARANCE_TOO_LOW', field: 'secrecy' });
  });

  it('limits an agency user to its own register', async () => {
    const agency = await login(s.app, 'sotaichinh');
    const list = await s.app.inject({ url: '/api/incoming', headers: { cookie: agency.cookie } });
    expect(list.json().total).toBe(0);
    const own = await post(agency, {
      issuer: { name: 'Bộ Tài chính' },
      number: 88,
      notation: 'BTC-NSNN',
      issuedDate: '2026-03-02',
      type: 'CV',
      subject: 'V/v hướng dẫn quyết toán ngân sách năm 2025',
    });
    expect(own.json().arrivalNumber).toBe(1);
    const after = await s.app.inject({ url: '/api/incoming', headers: { cookie: agency.cookie } });
    expect(after.json().total).toBe(1);
  });

  it('shows the document with its trace', async () => {
    const list = await s.app.inject({ url: '/api/incoming?q=thu%20tuc', headers: { cookie: clerk.cookie } });
    const first = (await s.app.inject({ url: '/api/incoming', headers: { cookie: clerk.cookie } })).json().items[0];
    expect(list.statusCode).toBe(200);
    const doc = await s.app.inject({ url: `/api/documents/${first.id}`, headers: { cookie: clerk.cookie } });
    expect(doc.json().trace[0]).toMatchObject({
      actorName: 'Trần Thị Lan',
      actorUsername: 'vanthu',
      action: 'register',
    });
  });
});

describe('yearly registers', () => {
  it('lists the incoming register in arrival order and renders it as a PDF with Vietnamese text', async () => {
    const res = await s.app.inject({ url: '/api/registers/in?year=2026', headers: { cookie: clerk.cookie } });
    const numbers = res.json().rows.map((r: { arrivalNumber: number }) => r.arrivalNumber);
    expect(numbers.length).toBeGreaterThan(3);
    expect(numbers).toEqual([...numbers].sort((a: number, b: number) => a - b));
    const pdf = await s.app.inject({
      url: '/api/registers/in?year=2026&format=pdf',
      headers: { cookie: clerk.cookie },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await textFromFile(pdf.rawPayload)).text;
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(text).toContain('phân luồng văn bản');
  });
});

/** Drafts, signs (as admin, for the demo) and issues an outgoing document; answers the issue response. */
async function issueAsAdmin(draft: object) {
  const d = await s.app.inject({ method: 'POST', url: '/api/outgoing', headers: admin.headers, payload: draft });
  await s.app.inject({
    method: 'POST',
    url: `/api/outgoing/${d.json().id}/sign`,
    headers: admin.headers,
    payload: { form: '' },
  });
  return (
    await s.app.inject({ method: 'POST', url: `/api/outgoing/${d.json().id}/issue`, headers: admin.headers })
  ).json();
}

describe('outgoing flow', () => {
  it('drafts, checks, signs, issues with the next number, and releases into the recipient’s register', async () => {
    const chuyenvien = await login(s.app, 'chuyenvien');
    const draft = await s.app.inject({
      method: 'POST',
      url: '/api/outgoing',
      headers: chuyenvien.headers,
      payload: {
        type: 'QĐ',
        subject: 'Về việc phê duyệt Kế hoạch chuyển đổi số năm 2026',
        body: 'Quảng Ngãi, ngày 10 tháng 03 năm 2026',
        recipients: [{ unitCode: 'STC' }, 'Lưu: VT, KTTH.'],
        fields: ['KHCN'],
        signer: { form: 'KT.', position: 'Phó Chủ tịch' },
      },
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id as string;
    expect(draft.json().issuer.name).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi');

    const edit = await s.app.inject({
      method: 'PATCH',
      url: `/api/outgoing/${id}`,
      headers: chuyenvien.headers,
      payload: { subject: 'Về việc phê duyệt Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026' },
    });
    expect(edit.json().version).toBe(2);
    const versions = await s.app.inject({
      url: `/api/outgoing/${id}/versions`,
      headers: { cookie: chuyenvien.cookie },
    });
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const pct = await login(s.app, 'pct2');
    const tooEarly = await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${id}/sign`,
      headers: pct.headers,
      payload: { form: 'KT.' },
    });
    expect(tooEarly.json().code).toBe('CHECKS_PENDING');
    const notSigned = await s.app.inject({ method: 'POST', url: `/api/outgoing/${id}/issue`, headers: clerk.headers });
    expect(notSigned.statusCode).toBe(409);
    expect(notSigned.json().code).toBe('NOT_SIGNED');

    const head = await login(s.app, 'truongphong');
    await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${id}/check-content`,
      headers: head.headers,
      payload: { approve: true },
    });
    const fmt = await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${id}/check-format`,
      headers: head.headers,
      payload: {},
    });
    expect(fmt.json()).toEqual({ violations: [], ok: true, recorded: true });
    const wrongForm = await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${id}/sign`,
      headers: pct.headers,
      payload: { form: 'TM.' },
    });
    expect(wrongForm.json()).toMatchObject({ code: 'SIGNING_FORM_MISMATCH', field: 'form' });
    const signed = await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${id}/sign`,
      headers: pct.headers,
      payload: { form: 'KT.' },
    });
    expect(signed.json()).toMatchObject({ status: 'signed', signer: { form: 'KT.', name: 'Phạm Thị Hồng Nhung' } });

    const issued = await s.app.inject({ method: 'POST', url: `/api/outgoing/${id}/issue`, headers: clerk.headers });
    expect(issued.json()).toMatchObject({
      number: 1,
      notation: 'QĐ-UBND',
      code: '01/QĐ-UBND',
      issuedDate: '2026-03-10',
    });

    const released = await s.app.inject({ method: 'POST', url: `/api/outgoing/${id}/release`, headers: clerk.headers });
    expect(released.json().delivered).toHaveLength(1);
    const agency = await login(s.app, 'sotaichinh');
    const inbox = await s.app.inject({
      url: `/api/incoming?q=${encodeURIComponent('01/QĐ-UBND')}`,
      headers: { cookie: agency.cookie },
    });
    expect(inbox.json().items[0]).toMatchObject({
      code: '01/QĐ-UBND',
      source: 'release',
      issuer: { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi' },
    });

    // The sender sees the recipient's processing state.
    const sent = await s.app.inject({ url: `/api/documents/${id}`, headers: { cookie: clerk.cookie } });
    expect(sent.json().deliveries).toEqual([
      expect.objectContaining({ unitName: 'Sở Tài chính', status: 'registered', documentId: inbox.json().items[0].id }),
    ]);
    const recalled = await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${id}/recall`,
      headers: clerk.headers,
      payload: { reason: 'Ban hành nhầm phụ lục' },
    });
    expect(recalled.json().status).toBe('recalled');
    const copy = await s.app.inject({
      url: `/api/documents/${inbox.json().items[0].id}`,
      headers: { cookie: agency.cookie },
    });
    expect(copy.json().status).toBe('recalled');
  });

  it('reports format violations citing Decree 30', async () => {
    const d = await s.app.inject({
      method: 'POST',
      url: '/api/outgoing',
      headers: admin.headers,
      payload: {
        type: 'CV',
        subject: 'Góp ý dự thảo',
        body: 'Quảng Ngãi, ngày 5 tháng 3 năm 2026',
        signer: { form: '', position: 'Phó Chủ tịch' },
      },
    });
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${d.json().id}/check-format`,
      headers: admin.headers,
      payload: {},
    });
    const codes = res
      .json()
      .violations.map((v: { code: string }) => v.code)
      .sort();
    expect(codes).toEqual(['DATE_LEADING_ZERO', 'RECIPIENTS_MISSING', 'SIGNING_FORM_MISMATCH', 'SUBJECT_VV']);
    expect(res.json().violations.every((v: { citation: string }) => v.citation.includes('NĐ 30/2020'))).toBe(true);
  });

  it('keeps a cancelled number on record and never reuses it', async () => {
    const mk = () => issueAsAdmin({ type: 'QĐ', subject: 'Về việc thành lập Tổ công tác', recipients: ['Như Điều 3'] });
    const a = await mk();
    expect(a.code).toBe('02/QĐ-UBND');
    const c = await s.app.inject({
      method: 'POST',
      url: `/api/outgoing/${a.id}/cancel`,
      headers: admin.headers,
      payload: { reason: 'Ký nhầm' },
    });
    expect(c.json().status).toBe('cancelled');
    const b = await mk();
    expect(b.code).toBe('03/QĐ-UBND');
    const [row] = await s.db.query<{ number: number; reason: string }>('SELECT number, reason FROM cancelled_numbers');
    expect(row).toEqual({ number: 2, reason: 'Ký nhầm' });
  });

  it('restarts numbering at 01 on 1 January, Vietnam time', async () => {
    const issueOne = () =>
      issueAsAdmin({ type: 'TB', subject: 'Thông báo lịch làm việc', recipients: ['Các sở, ngành'] });
    clock.t = new Date('2026-12-31T16:59:00Z'); // 31/12/2026 23:59 in Vietnam
    const last = await issueOne();
    expect(last.issuedDate).toBe('2026-12-31');
    clock.t = new Date('2026-12-31T17:00:00Z'); // 01/01/2027 00:00 in Vietnam
    const first = await issueOne();
    expect(first).toMatchObject({ issuedDate: '2027-01-01', number: 1, code: '01/TB-UBND' });
    const arrival = await post(clerk, {
      ...base,
      number: 1,
      notation: 'SNNMT-VP',
      issuedDate: '2026-12-30',
      subject: 'V/v số đến đầu năm',
    });
    expect(arrival.json()).toMatchObject({ arrivalNumber: 1, arrivalDate: '2027-01-01' });
    clock.t = new Date('2026-03-10T02:00:00Z');
  });
});
