import type { Queryable } from '../platform/db.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { bumpRoutingGeneration } from './generation.js';
import { appendAudit, type Actor } from '../audit/audit.store.js';

export const UNIT_LEVELS = ['province', 'office', 'department', 'agency', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  type: string;
  parentId: string | null;
  orgId: string | null;
  areaCode: string | null;
  areaName: string | null;
  fieldCodes: string[];
  active: boolean;
}

export interface UnitInput {
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  type: string;
  parentId?: string | null;
  orgId?: string | null;
  areaCode?: string | null;
  fieldCodes?: string[];
  active?: boolean;
}

const SELECT = `SELECT u.id, u.code, u.name, u.short_name AS "shortName", u.level, u.type, u.parent_id AS "parentId",
  u.org_id AS "orgId", u.area_code AS "areaCode", a.name AS "areaName", u.field_codes AS "fieldCodes", u.active
  FROM units u LEFT JOIN areas a ON a.code = u.area_code`;

export interface UnitFilter {
  level?: UnitLevel;
  parentId?: string;
  areaCode?: string;
  q?: string;
  ids?: string[];
}

export async function listUnits(q: Queryable, f: UnitFilter): Promise<Unit[]> {
  const where: string[] = [];
  const p: unknown[] = [];
  if (f.level) where.push(`u.level = $${p.push(f.level)}`);
  if (f.parentId) where.push(`u.parent_id = $${p.push(f.parentId)}`);
  if (f.areaCode) where.push(`u.area_code = $${p.push(f.areaCode)}`);
  if (f.ids) where.push(`u.id = ANY($${p.push(f.ids)}::uuid[])`);
  if (f.q) {
    const i = p.push(`%${f.q.toLowerCase()}%`);
    where.push(`(lower(u.name) LIKE $${i} OR lower(u.short_name) LIKE $${i} OR u.code LIKE $${i})`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return q.query<Unit>(`${SELECT} ${w} ORDER BY u.sort, u.name`, p);
}

export async function getUnit(q: Queryable, id: string): Promise<Unit> {
  const r = (await q.query<Unit>(`${SELECT} WHERE u.id = $1`, [id]))[0];
  if (!r) throw notFound('đơn vị');
  return r;
}

async function checkRefs(q: Queryable, id: string | null, u: Partial<UnitInput>): Promise<void> {
  if (u.parentId) {
    // Walk up from the new parent: meeting the unit itself would make a cycle.
    const chain = await q.query<{ id: string }>(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM units WHERE id = $1
         UNION ALL SELECT x.id, x.parent_id FROM units x JOIN up ON x.id = up.parent_id)
       SELECT id FROM up`,
      [u.parentId],
    );
    if (chain.length === 0) throw invalid('parentId', 'UNKNOWN_REFERENCE', { value: u.parentId });
    if (id && chain.some((c) => c.id === id)) throw invalid('parentId', 'PARENT_CYCLE');
  }
  if (u.areaCode) {
    const a = await q.query('SELECT 1 FROM areas WHERE code = $1', [u.areaCode]);
    if (a.length === 0) throw invalid('areaCode', 'UNKNOWN_REFERENCE', { value: u.areaCode });
  }
  if (u.fieldCodes?.length) {
    const known = await q.query<{ code: string }>('SELECT code FROM fields WHERE code = ANY($1::text[])', [
      u.fieldCodes,
    ]);
    const missing = u.fieldCodes.find((c) => !known.some((k) => k.code === c));
    if (missing) throw invalid('fieldCodes', 'UNKNOWN_REFERENCE', { value: missing });
  }
  if (u.code) {
    const dup = await q.query('SELECT 1 FROM units WHERE code = $1 AND id IS DISTINCT FROM $2', [u.code, id]);
    if (dup.length) throw conflict('UNIT_CODE_TAKEN', 'code');
  }
  if (u.orgId) {
    const dup = await q.query('SELECT 1 FROM units WHERE org_id = $1 AND id IS DISTINCT FROM $2', [u.orgId, id]);
    if (dup.length) throw conflict('ORG_ID_TAKEN', 'orgId');
  }
}

export async function createUnit(q: Queryable, actor: Actor, u: UnitInput): Promise<Unit> {
  await checkRefs(q, null, u);
  const rows = await q.query<{ id: string }>(
    `INSERT INTO units(code, name, short_name, level, type, parent_id, org_id, area_code, field_codes, active)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [
      u.code,
      u.name,
      u.shortName,
      u.level,
      u.type,
      u.parentId ?? null,
      u.orgId ?? null,
      u.areaCode ?? null,
      u.fieldCodes ?? [],
      u.active ?? true,
    ],
  );
  const created = await getUnit(q, rows[0]!.id);
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, 'create', 'unit', created.id, null, created);
  return created;
}

const COLUMNS: Record<keyof UnitInput, string> = {
  code: 'code',
  name: 'name',
  shortName: 'short_name',
  level: 'level',
  type: 'type',
  parentId: 'parent_id',
  orgId: 'org_id',
  areaCode: 'area_code',
  fieldCodes: 'field_codes',
  active: 'active',
};

export async function updateUnit(q: Queryable, actor: Actor, id: string, patch: Partial<UnitInput>): Promise<Unit> {
  const before = await getUnit(q, id);
  await checkRefs(q, id, patch);
  const sets: string[] = [];
  const p: unknown[] = [id];
  for (const [k, col] of Object.entries(COLUMNS) as [keyof UnitInput, string][]) {
    if (patch[k] !== undefined) sets.push(`${col} = $${p.push(patch[k])}`);
  }
  if (sets.length) await q.query(`UPDATE units SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, p);
  const after = await getUnit(q, id);
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, 'update', 'unit', id, before, after);
  return after;
}

export interface Field {
  code: string;
  name: string;
  nameEn: string;
}

export async function listFields(q: Queryable): Promise<Field[]> {
  return q.query<Field>('SELECT code, name, name_en AS "nameEn" FROM fields ORDER BY sort, name');
}

export async function createField(q: Queryable, actor: Actor, f: Field): Promise<Field> {
  const dup = await q.query('SELECT 1 FROM fields WHERE code = $1', [f.code]);
  if (dup.length) throw conflict('FIELD_CODE_TAKEN', 'code');
  await q.query(
    'INSERT INTO fields(code, name, name_en, sort) VALUES ($1,$2,$3,(SELECT coalesce(max(sort),0)+1 FROM fields))',
    [f.code, f.name, f.nameEn],
  );
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, 'create', 'field', f.code, null, f);
  return f;
}

export async function updateField(
  q: Queryable,
  actor: Actor,
  code: string,
  patch: { name?: string; nameEn?: string },
): Promise<Field> {
  const before = (await listFields(q)).find((f) => f.code === code);
  if (!before) throw notFound('lĩnh vực');
  const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await q.query('UPDATE fields SET name = $2, name_en = $3 WHERE code = $1', [code, after.name, after.nameEn]);
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, 'update', 'field', code, before, after);
  return after;
}

export interface Area {
  code: string;
  name: string;
  communeCount: number;
}

export async function listAreas(q: Queryable): Promise<Area[]> {
  return q.query<Area>(
    `SELECT a.code, a.name, (SELECT count(*)::int FROM units u WHERE u.area_code = a.code) AS "communeCount"
     FROM areas a ORDER BY a.code`,
  );
}
