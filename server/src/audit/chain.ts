import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same value always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface AuditContent {
  at: string; // ISO 8601, ms precision
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Each row's hash covers its content and the previous row's hash: change one row and every later link breaks. */
export function rowHash(prevHash: string, row: AuditContent): string {
  // Only the content fields: a stored row also carries its id and hashes.
  const { at, actorId, actorName, action, entity, entityId, before, after } = row;
  const c: AuditContent = { at, actorId, actorName, action, entity, entityId, before, after };
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalJson(c)).digest('hex');
}

export interface StoredAuditRow extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

/** Walks rows in id order; returns the id of the first row whose link or content does not match. */
export function firstBrokenRow(rows: Iterable<StoredAuditRow>, startPrev = GENESIS_HASH): number | null {
  let prev = startPrev;
  for (const r of rows) {
    if (r.prevHash !== prev || rowHash(prev, r) !== r.hash) return r.id;
    prev = r.hash;
  }
  return null;
}
