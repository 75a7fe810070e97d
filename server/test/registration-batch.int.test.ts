import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername, toAuthUser, type AuthUser } from '../src/auth/auth.store.js';
import { registerIncoming } from '../src/documents/incoming.store.js';
import type { DocumentView } from '../src/documents/document.store.js';
import {
  registrationBatch,
  type RegistrationAnswer,
  type RegistrationCall,
  writeRegistrations,
} from '../src/documents/registration-batch.js';
import { AppError } from '../src/platform/errors.js';
import { createRouting } from '../src/routing/service.js';
import { routeOnRegister, type RegistrationRouter } from '../src/routing/register-hook.js';
import { calendarLoader } from '../src/routing/deadline.js';
import { storedDays } from '../src/calendar/calendar.store.js';
import { verifyAuditChain } from '../src/audit/audit.store.js';
import { startTestServer, type TestServer } from './helpers.js';

let s: TestServer;
let clerk: AuthUser;
const clock = { now: () => new Date('2026-03-10T02:00:00Z') };

beforeAll(async () => {
  s = await startTestServer();
  clerk = toAuthUser((await findUserByUsername(s.db, 'vanthu'))!);
});
afterAll(async () => s?.dispose());

const doc = (n: number, subject = `V/v thử ghi theo lô số ${n}`) => ({
  issuer: { name: 'Sở Tài chính' },
  number: n,
  notation: 'STC-NS',
  issuedDate: '2026-03-02',
  type: 'CV',
  subject,
});

describe('registrations written as one batch', () => {
  it('numbers the batch consecutively, refuses a duplicate inside it alone, and keeps the audit chain whole', async () => {
    // A batch that holds the calls until all five are in, then writes them in one statement.
    const held: { call: RegistrationCall; resolve: (a: RegistrationAnswer) => void }[] = [];
    let release!: () => void;
    const allIn = new Promise<void>((r) => (release = r));
    const batch = (call: RegistrationCall) =>
      new Promise<RegistrationAnswer>((resolve) => {
        held.push({ call, resolve });
        if (held.length === 5) release();
      });
    const results = [doc(1), doc(2), doc(3), doc(2), doc(5)].map((d) =>
      registerIncoming(s.db, clerk, d, { clock, batch }).then(
        (v) => ({ ok: v.arrivalNumber }),
        (e: { code?: string }) => ({ error: e.code }),
      ),
    );
    await allIn;
    const answers = await writeRegistrations(
      s.db,
      held.map((h) => h.call),
    );
    held.forEach((h, i) => h.resolve(answers[i]!));
    const out = await Promise.all(results);
    // The fourth repeats the second's số/ký hiệu: whichever of the two came later in the batch
    // is refused, and it took no number.
    expect([out[1]!, out[3]!].filter((o) => 'error' in o)).toEqual([{ error: 'DUPLICATE_DOCUMENT' }]);
    const numbers = out.flatMap((o) => ('ok' in o ? [o.ok] : [])).sort((a, b) => a! - b!);
    expect(numbers).toEqual([1, 2, 3, 4]);
    expect(held).toHaveLength(5);
    const stored = await s.db.query<{ n: number }>(
      `SELECT arrival_number AS n FROM documents WHERE direction = 'in' ORDER BY arrival_number`,
    );
    expect(stored.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect((await verifyAuditChain(s.db)).firstBrokenId).toBeNull();
  });

  it('answers a failing item with its error and still writes the others', async () => {
    const good = await collect(doc(10));
    const bad = await collect(doc(11));
    // An issuer unit that does not exist fails the foreign key inside the database.
    (bad.doc as { issuer_unit_id: string }).issuer_unit_id = '00000000-0000-4000-8000-000000000000';
    const answers = await writeRegistrations(s.db, [bad, good]);
    expect(answers[0]!.error?.code).toBe('23503');
    expect(answers[1]).toEqual({ arrivalNumber: 5 });
    const n = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents WHERE number = 11`);
    expect(n[0]!.n).toBe(0);
    expect((await verifyAuditChain(s.db)).firstBrokenId).toBeNull();
  });

  it('takes each route beside the items, stored as sent; an instance of the previous release may still send it inside', async () => {
    const generation = (
      await s.db.query<{ value: string }>(`SELECT value FROM app_meta WHERE key = 'routing_generation'`)
    )[0]!.value;
    const routed = async (n: number, flow: string) => {
      const call = await collect(doc(n));
      // Quotes, a backslash and Vietnamese in the route's JSON: it must arrive exactly as encoded.
      const json = JSON.stringify({ flow, deadline: null, guidance: `Hướng dẫn "số ${n}" \\ xã` });
      return {
        call: {
          ...call,
          generation,
          route: {
            document_id: (call.doc as { id: string }).id,
            policy_version: 1,
            route_date: '2026-03-10',
            flow,
            route: json,
            field_code: null,
            field_source: 'none',
            field_confidence: null,
            check_resubmission: false,
          },
        },
        json,
      };
    };
    const stored = async (n: number) =>
      (
        await s.db.query<{ flow: string; route: string }>(
          `SELECT route_flow AS flow, route::text AS route FROM documents WHERE number = $1`,
          [n],
        )
      )[0];

    const a = await routed(20, 'FOR_INFORMATION');
    const b = await collect(doc(21)); // no route: element null beside it
    const c = await routed(22, 'HANDLE_IN_OFFICE');
    const answers = await writeRegistrations(s.db, [a.call, b, c.call]);
    expect(answers.map((x) => x.error ?? null)).toEqual([null, null, null]);
    expect(await stored(20)).toEqual({ flow: 'FOR_INFORMATION', route: a.json });
    expect(await stored(21)).toEqual({ flow: null, route: null });
    expect(await stored(22)).toEqual({ flow: 'HANDLE_IN_OFFICE', route: c.json });

    // An open matter's bigrams come with the route when the app sends them (routing/subject-grams.ts),
    // and are computed by the database when it does not (an older caller).
    const sent = await routed(25, 'SEND_TO_AGENCY_FOR_ADVICE');
    const computed = await routed(26, 'SEND_TO_AGENCY_FOR_ADVICE');
    expect(
      await writeRegistrations(s.db, [
        { ...sent.call, route: { ...sent.call.route, subject_grams: '{3,1,2}' } },
        computed.call,
      ]),
    ).toEqual([{ arrivalNumber: expect.any(Number) }, { arrivalNumber: expect.any(Number) }]);
    const grams = await s.db.query<{ n: number; g: number[]; own: number[] }>(
      `SELECT number AS n, route_subject_grams AS g, subject_grams(subject) AS own FROM documents WHERE number IN (25, 26) ORDER BY number`,
    );
    expect(grams[0]!.g).toEqual([3, 1, 2]);
    expect(grams[1]!.g).toEqual(grams[1]!.own);
    expect(grams[1]!.g.length).toBeGreaterThan(0);

    // The one-argument form of migration 0016's callers: the route's JSON inside the item.
    const old = await routed(23, 'FOR_INFORMATION');
    const [row] = await s.db.query<{ r: RegistrationAnswer[] }>('SELECT register_incoming_batch($1) AS r', [
      JSON.stringify([old.call]),
    ]);
    expect(row!.r[0]!.error).toBeUndefined();
    expect(await stored(23)).toEqual({ flow: 'FOR_INFORMATION', route: old.json });

    // Routes that do not match the items one for one: refused whole, nothing written.
    const before = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents`);
    const lone = await routed(24, 'FOR_INFORMATION');
    await expect(
      s.db.query('SELECT register_incoming_batch($1, $2)', [JSON.stringify([lone.call]), '[]']),
    ).rejects.toThrow(/1 registrations, 0 routes/);
    await expect(
      s.db.query('SELECT register_incoming_batch($1, $2)', [JSON.stringify([lone.call]), `[${lone.json},null]`]),
    ).rejects.toThrow(/more routes than registrations/);
    expect(await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents`)).toEqual(before);
    expect((await verifyAuditChain(s.db)).firstBrokenId).toBeNull();
  });

  it('plans the routes of a batch just before writing it, one after another; a plan that fails fails its own registration only', async () => {
    const routing = createRouting({ loadCalendar: calendarLoader(storedDays) });
    const real = routeOnRegister(routing, clerk.clearance);
    const planned: string[] = [];
    // How each registration's plan goes: made at once, failing at once, made after a read, failing after a read.
    const router = (name: string, how: 'now' | 'throws' | 'later' | 'rejects'): RegistrationRouter => ({
      planNow: (view, dup) => {
        if (how === 'throws') throw new AppError('ROUTING_TEST_FAILURE', 500);
        if (how !== 'now') return null;
        planned.push(name);
        return real.planNow(view, dup);
      },
      plan: async (q, view, dup, fresh) => {
        await q.query('SELECT 1');
        if (how === 'rejects') throw new AppError('ROUTING_TEST_LATE_FAILURE', 500);
        planned.push(name);
        return real.plan(q, view, dup, fresh);
      },
    });
    await real.plan(s.db, { ...(await collectView(doc(29))) }, null, true); // the routing caches filled
    const batch = registrationBatch(s.db);
    const register = (n: number, r: RegistrationRouter) =>
      registerIncoming(s.db, clerk, doc(n), { clock, batch, route: r }).then(
        (v) => ({ ok: v.arrivalNumber }),
        (e: { code?: string }) => ({ error: e.code }),
      );
    const out = await Promise.all([
      register(30, router('a', 'now')),
      register(31, router('b', 'throws')),
      register(32, router('c', 'later')),
      register(33, router('d', 'rejects')),
      register(34, router('e', 'now')),
    ]);
    // A failing plan's own error reaches its caller; the others are written with their routes.
    expect(out[1]).toEqual({ error: 'ROUTING_TEST_FAILURE' });
    expect(out[3]).toEqual({ error: 'ROUTING_TEST_LATE_FAILURE' });
    for (const k of [0, 2, 4]) expect(out[k]).toEqual({ ok: expect.any(Number) });
    expect(planned.sort()).toEqual(['a', 'c', 'e']);
    const rows = await s.db.query<{ n: number; flow: string | null }>(
      `SELECT number AS n, route_flow AS flow FROM documents WHERE number BETWEEN 30 AND 34 ORDER BY number`,
    );
    expect(rows.map((r) => r.n)).toEqual([30, 32, 34]);
    expect(rows.every((r) => typeof r.flow === 'string')).toBe(true);
    expect((await verifyAuditChain(s.db)).firstBrokenId).toBeNull();
  });
});

/** The document as registerIncoming would route it, captured without writing it. */
async function collectView(d: ReturnType<typeof doc>): Promise<DocumentView> {
  let captured!: DocumentView;
  await registerIncoming(s.db, clerk, d, {
    clock,
    route: {
      planNow: (view) => {
        captured = view;
        throw new Error('captured');
      },
      plan: () => Promise.reject(new Error('unused')),
    },
  }).catch(() => undefined);
  return captured;
}

/** The call registerIncoming would send, captured without writing it. */
async function collect(d: ReturnType<typeof doc>): Promise<RegistrationCall> {
  let captured!: RegistrationCall;
  await registerIncoming(s.db, clerk, d, {
    clock,
    batch: async (call) => {
      captured = call;
      return { stale: true };
    },
  }).catch(() => undefined);
  return captured;
}
