import type { Queryable } from '../platform/db.js';

/**
 * Takes the next number of a series inside the caller's transaction. The UPDATE holds the
 * sequence row's lock until commit, so concurrent callers on any instance queue up; a rolled
 * back transaction gives its number back, so numbers never skip and never repeat.
 */
export async function nextNumber(q: Queryable, scope: string, year: number): Promise<number> {
  await q.query(
    'INSERT INTO number_sequences(scope, year, last) VALUES ($1, $2, 0) ON CONFLICT (scope, year) DO NOTHING',
    [scope, year],
  );
  const rows = await q.query<{ last: number }>(
    'UPDATE number_sequences SET last = last + 1 WHERE scope = $1 AND year = $2 RETURNING last',
    [scope, year],
  );
  return rows[0]!.last;
}

/** A number taken and then cancelled stays on record (NĐ 30/2020 requires no silent loss). */
export async function recordCancelledNumber(
  q: Queryable,
  c: { scope: string; year: number; number: number; documentId: string; reason: string; actorId: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO cancelled_numbers(scope, year, number, document_id, reason, cancelled_by) VALUES ($1,$2,$3,$4,$5,$6)`,
    [c.scope, c.year, c.number, c.documentId, c.reason, c.actorId],
  );
}
