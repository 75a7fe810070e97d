import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so the same value always hashes the same.
 * Written with loops and one string, not map/filter/join over closures: every audited change
 * (each registration among them) runs it over a whole document, and it was one of the larger
 * items of the registration path's profile. chain.test.ts holds it to the earlier form.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + canonicalJson(v[i]);
    return s + ']';
  }
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let s = '{';
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    s += (s.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(x);
  }
  return s + '}';
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
