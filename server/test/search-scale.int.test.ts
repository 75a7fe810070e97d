import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type Session, type TestServer } from './helpers.js';

// A register larger than EXACT_REGISTER_SIZE, so that broad searches take the estimated path.
const N = 30_000;
let s: TestServer;
let reader: Session; // a specialist without clearance
let clerk: Session; // cleared for Mật

beforeAll(async () => {
  s = await startTestServer();
  reader = await login(s.app, 'chuyenvien');
  clerk = await login(s.app, 'vanthu');
  const [province] = await s.db.query<{ id: string }>(`SELECT id FROM units WHERE level = 'province'`);
  // One document in five is about "phân luồng"; one in a thousand about "kè biển"; every
  // hundredth is secret (Mật) and must count for nobody without clearance.
  await s.db.query(
    `INSERT INTO documents(direction, register_unit_id, issuer_name, number, notation, code, code_norm, issued_date,
       type, subject, search_text, year, arrival_number, arrival_date, status, secrecy, field_codes)
     SELECT 'in', $1, 'Sở Tài chính', i, 'STC-NS', i || '/STC-NS', i || '/stc-ns', date '2025-01-01' + (i % 300),
       CASE WHEN i % 2 = 0 THEN 'CV' ELSE 'BC' END, s, s, 2025, i, date '2025-01-01' + (i % 300), 'registered',
       CASE WHEN i % 100 = 0 THEN 1 ELSE 0 END, ARRAY['TAI_CHINH']
     FROM generate_series(1, $2::int) i,
       LATERAL (SELECT CASE WHEN i % 5 = 0 THEN 've viec phan luong van ban so ' || i
                            WHEN i % 1000 = 7 THEN 've viec xay ke bien so ' || i
                            ELSE 've viec thu chi ngan sach so ' || i END AS s) x`,
    [province!.id, N],
  );
}, 120_000);
afterAll(async () => s?.dispose());

const search = async (q: string, page = 1, who = () => reader) =>
  (
    await s.app.inject({
      url: `/api/incoming?q=${encodeURIComponent(q)}&page=${page}&pageSize=20`,
      headers: { cookie: who().cookie },
    })
  ).json();

describe('search in a large register', () => {
  it('estimates a broad search’s total and facets from a sample, and says so', async () => {
    const r = await search('phan luong');
    // Exactly: every fifth document, less the secret ones (every hundredth, all of them multiples of 5).
    const exact = N / 5 - N / 100;
    expect(r).toMatchObject({ totalExact: false, totalEstimated: true });
    expect(Math.abs(r.total - exact) / exact).toBeLessThan(0.15);
    expect(r.facets.type.CV + r.facets.type.BC).toBeGreaterThan(0);
    expect(Math.abs(r.facets.field.TAI_CHINH - exact) / exact).toBeLessThan(0.15);
    // The same sample for every page of the same search.
    expect((await search('phan luong', 2)).total).toBe(r.total);
    // Someone cleared for Mật is estimated over the secret documents too.
    const cleared = await search('phan luong', 1, () => clerk);
    expect(Math.abs(cleared.total - N / 5) / (N / 5)).toBeLessThan(0.15);
    expect(cleared.total).toBeGreaterThan(r.total);
  });

  it('lists a broad search’s newest matches first, exactly as the full-text index would', async () => {
    const page1 = await search('phan luong');
    const page3 = await search('phan luong', 3);
    const expected = await s.db.query<{ arrival_number: number }>(
      `SELECT arrival_number FROM documents WHERE search @@ to_tsquery('simple', 'phan & luong:*') AND secrecy = 0
       ORDER BY year DESC, arrival_number DESC LIMIT 60`,
    );
    const numbers = expected.map((e) => e.arrival_number);
    expect(page1.items.map((d: { arrivalNumber: number }) => d.arrivalNumber)).toEqual(numbers.slice(0, 20));
    expect(page3.items.map((d: { arrivalNumber: number }) => d.arrivalNumber)).toEqual(numbers.slice(40, 60));
    expect(page1.items.every((d: { secrecy: number }) => d.secrecy === 0)).toBe(true);
  });

  it('counts a narrow search exactly', async () => {
    const r = await search('ke bien');
    expect(r).toMatchObject({ total: N / 1000, totalExact: true });
    expect(r.totalEstimated).toBeFalsy();
    expect(r.items).toHaveLength(20);
  });
});
