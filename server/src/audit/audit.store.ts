import type { Queryable } from '../platform/db.js';
import { type AuditContent, canonicalJson, firstBrokenRow, GENESIS_HASH, type StoredAuditRow } from './chain.js';

export interface Actor {
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

/** An audit row's content and the canonical text its hash covers (chain.ts). */
export function auditContent(
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
): { content: AuditContent; canonical: string } {
  const content: AuditContent = {
    at: new Date().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action,
    entity,
    entityId,
    // Round-trip through JSON so the hashed value is exactly what jsonb gives back.
    before: before === undefined ? null : JSON.parse(JSON.stringify(before)),
    after: after === undefined ? null : JSON.parse(JSON.stringify(after)),
  };
  return { content, canonical: canonicalJson(content) };
}

/**
 * Appends one audit row inside the caller's transaction, so the change and its record
 * commit or roll back together.
 */
export async function appendAudit(q: Queryable, ...row: Parameters<typeof auditContent>): Promise<void> {
  const { content, canonical } = auditContent(...row);
  // audit_append (migration 0004) locks the chain, links and hashes in one round trip; the
  // verifier recomputes the same hash with rowHash().
  await q.query('SELECT audit_append($1,$2,$3,$4,$5,$6,$7,$8,$9)', [
    content.at,
    content.actorId,
    content.actorName,
    content.action,
    content.entity,
    content.entityId,
    JSON.stringify(content.before),
    JSON.stringify(content.after),
    canonical,
  ]);
}

interface AuditDbRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

function toStored(r: AuditDbRow): StoredAuditRow {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function listAudit(
  q: Queryable,
  f: { entity?: string; entityId?: string; limit: number },
): Promise<{ items: StoredAuditRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.entity) where.push(`entity = $${params.push(f.entity)}`);
  if (f.entityId) where.push(`entity_id = $${params.push(f.entityId)}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${w}`, params);
  const rows = await q.query<AuditDbRow>(
    `SELECT * FROM audit_log ${w} ORDER BY id DESC LIMIT $${params.push(f.limit)}`,
    params,
  );
  return { items: rows.map(toStored), total: total[0]?.n ?? 0 };
}

/** Verifies the whole chain in pages; returns the first broken row id, or null. */
export async function verifyAuditChain(q: Queryable): Promise<{ checked: number; firstBrokenId: number | null }> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = (
      await q.query<AuditDbRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000', [lastId])
    ).map(toStored);
    if (rows.length === 0) return { checked, firstBrokenId: null };
    const broken = firstBrokenRow(rows, prev);
    if (broken !== null)
      return { checked: checked + rows.findIndex((r) => r.id === broken) + 1, firstBrokenId: broken };
    checked += rows.length;
    prev = rows[rows.length - 1]!.hash;
    lastId = rows[rows.length - 1]!.id;
  }
}
