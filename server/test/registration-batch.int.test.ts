import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername, toAuthUser, type AuthUser } from '../src/auth/auth.store.js';
import { registerIncoming } from '../src/documents/incoming.store.js';
import {
  type RegistrationAnswer,
  type RegistrationCall,
  writeRegistrations,
} from '../src/documents/registration-batch.js';
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
});

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
