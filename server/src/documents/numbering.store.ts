import type { Queryable } from '../platform/db.js';

/**
 * Takes the next number of a series inside the caller's transaction. The UPDATE holds the
 * sequence row's lock until commit, so concurrent callers on any instance queue up; a rolled
 * back transaction gives its number back, so numbers never skip and never repeat.
 */
export async function nextNumber(q: Queryable, scope: string, year: number, ensure = true): Promise<number> {
  if (ensure) await ensureSequence(q, scope, year);
  const rows = await q.query<{ last: number }>(
    'UPDATE number_sequences SET last = last + 1 WHERE scope = $1 AND year = $2 RETURNING last',
    [scope, year],
  );
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
    `WITH n AS (UPDATE number_sequences SET last = last + 1 WHERE scope = $1 AND year = $2 RETURNING last)
     UPDATE documents d SET arrival_number = n.last FROM n WHERE d.id = $3 RETURNING n.last AS last`,
    [scope, year, documentId],
  );
  return rows[0]!.last;
}

/** Creates the series row if missing. It takes no lock on an existing row, so call it early. */
export async function ensureSequence(q: Queryable, scope: string, year: number): Promise<void> {
  await q.query(
    'INSERT INTO number_sequences(scope, year, last) VALUES ($1, $2, 0) ON CONFLICT (scope, year) DO NOTHING',
    [scope, year],
  );
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
