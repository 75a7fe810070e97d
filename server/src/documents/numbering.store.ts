import type { Queryable } from '../platform/db.js';

/**
 * The first number of a new series or year creates its row; later ones increment it. Either
 * way the row stays locked until commit.
 */
const TAKE_NEXT = `WITH n AS (INSERT INTO number_sequences AS s (scope, year, last) VALUES ($1, $2, 1)
  ON CONFLICT (scope, year) DO UPDATE SET last = s.last + 1 RETURNING s.last)`;

/**
 * Takes the next number of a series inside the caller's transaction. The UPDATE holds the
 * sequence row's lock until commit, so concurrent callers on any instance queue up; a rolled
 * back transaction gives its number back, so numbers never skip and never repeat.
 */
export async function nextNumber(q: Queryable, scope: string, year: number): Promise<number> {
  const rows = await q.query<{ last: number }>(`${TAKE_NEXT} SELECT last FROM n`, [scope, year]);
  return rows[0]!.last;
}

/**
 * Takes the next arrival number and writes it onto the document in one statement, so the
 * series row's lock (held to commit) covers as few round trips as possible.
 */
export async function assignArrivalNumber(
  q: Queryable,
  scope: string,
  year: number,
  documentId: string,
): Promise<number> {
  const rows = await q.query<{ last: number }>(
    `${TAKE_NEXT} UPDATE documents d SET arrival_number = n.last FROM n WHERE d.id = $3 RETURNING n.last AS last`,
    [scope, year, documentId],
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
