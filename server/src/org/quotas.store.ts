import type { Queryable } from '../platform/db.js';
import { invalid } from '../platform/errors.js';
import { appendAudit, type Actor } from '../audit/audit.store.js';
import { isOverQuota, type QuotaFigures } from './quotas.js';

export interface Quota extends QuotaFigures {
  unitId: string;
  unitName: string;
  year: number;
  overQuota: boolean;
}

const SELECT = `SELECT q.unit_id AS "unitId", u.name AS "unitName", q.year, q.approved_civil AS "approvedCivil",
  q.approved_public AS "approvedPublic", q.actual_civil AS "actualCivil", q.actual_public AS "actualPublic"
  FROM staffing_quotas q JOIN units u ON u.id = q.unit_id`;

const withFlag = (r: Omit<Quota, 'overQuota'>): Quota => ({ ...r, overQuota: isOverQuota(r) });

export async function listQuotas(q: Queryable, year: number, onlyUnitId?: string | null): Promise<Quota[]> {
  const p: unknown[] = [year];
  const scope = onlyUnitId !== undefined ? `AND q.unit_id = $${p.push(onlyUnitId)}` : '';
  const rows = await q.query<Omit<Quota, 'overQuota'>>(
    `${SELECT} WHERE q.year = $1 ${scope} ORDER BY u.sort, u.name`,
    p,
  );
  return rows.map(withFlag);
}

export async function upsertQuota(
  q: Queryable,
  actor: Actor,
  i: QuotaFigures & { unitId: string; year: number },
): Promise<Quota> {
  if ((await q.query('SELECT 1 FROM units WHERE id = $1', [i.unitId])).length === 0) {
    throw invalid('unitId', 'UNKNOWN_REFERENCE', { value: i.unitId });
  }
  const before = (
    await q.query<Omit<Quota, 'overQuota'>>(`${SELECT} WHERE q.unit_id = $1 AND q.year = $2 FOR UPDATE OF q`, [
      i.unitId,
      i.year,
    ])
  )[0];
  await q.query(
    `INSERT INTO staffing_quotas(unit_id, year, approved_civil, approved_public, actual_civil, actual_public)
     VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (unit_id, year) DO UPDATE SET approved_civil = $3, approved_public = $4, actual_civil = $5,
       actual_public = $6, updated_at = now()`,
    [i.unitId, i.year, i.approvedCivil, i.approvedPublic, i.actualCivil, i.actualPublic],
  );
  const after = withFlag(
    (await q.query<Omit<Quota, 'overQuota'>>(`${SELECT} WHERE q.unit_id = $1 AND q.year = $2`, [i.unitId, i.year]))[0]!,
  );
  await appendAudit(
    q,
    actor,
    before ? 'update' : 'create',
    'staffing_quota',
    `${i.unitId}:${i.year}`,
    before ?? null,
    after,
  );
  return after;
}
