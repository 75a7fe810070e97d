import type { Queryable } from '../platform/db.js';
import { invalid, notFound } from '../platform/errors.js';
import { bumpRoutingGeneration } from './generation.js';
import { appendAudit, type Actor } from '../audit/audit.store.js';
import { planAssignmentChange } from './assignments.js';

export interface Assignment {
  id: string;
  leader: { id: string; fullName: string; position: string };
  fields: { code: string; name: string }[];
  areas: { code: string; name: string }[];
  agencies: { id: string; name: string; shortName: string }[];
  validFrom: string;
  validTo: string | null;
  note: string;
}

interface Raw {
  id: string;
  leader_id: string;
  full_name: string;
  position: string;
  field_codes: string[];
  area_codes: string[];
  agency_ids: string[];
  valid_from: string;
  valid_to: string | null;
  note: string;
}

const SELECT = `SELECT a.id, a.leader_id, u.full_name, u.position, a.field_codes, a.area_codes, a.agency_ids,
  a.valid_from::text AS valid_from, a.valid_to::text AS valid_to, a.note
  FROM leader_assignments a JOIN users u ON u.id = a.leader_id`;

async function hydrate(q: Queryable, rows: Raw[]): Promise<Assignment[]> {
  const fields = new Map(
    (await q.query<{ code: string; name: string }>('SELECT code, name FROM fields')).map((f) => [f.code, f]),
  );
  const areas = new Map(
    (await q.query<{ code: string; name: string }>('SELECT code, name FROM areas')).map((a) => [a.code, a]),
  );
  const agencyIds = [...new Set(rows.flatMap((r) => r.agency_ids))];
  const agencies = new Map(
    (
      await q.query<{ id: string; name: string; shortName: string }>(
        'SELECT id, name, short_name AS "shortName" FROM units WHERE id = ANY($1::uuid[])',
        [agencyIds],
      )
    ).map((a) => [a.id, a]),
  );
  return rows.map((r) => ({
    id: r.id,
    leader: { id: r.leader_id, fullName: r.full_name, position: r.position },
    fields: r.field_codes.map((c) => fields.get(c) ?? { code: c, name: c }),
    areas: r.area_codes.map((c) => areas.get(c) ?? { code: c, name: c }),
    agencies: r.agency_ids.flatMap((id) => agencies.get(id) ?? []),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
  }));
}

/** Who was in charge of what on `date`: at most one period per leader covers a date. */
export async function assignmentsOn(q: Queryable, date: string): Promise<Assignment[]> {
  const rows = await q.query<Raw>(
    `${SELECT} WHERE a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to >= $1::date)
     ORDER BY u.sort, u.full_name`,
    [date],
  );
  return hydrate(q, rows);
}

export async function assignmentHistory(q: Queryable, leaderId?: string): Promise<Assignment[]> {
  const rows = await q.query<Raw>(
    `${SELECT} ${leaderId ? 'WHERE a.leader_id = $1' : ''} ORDER BY u.sort, a.valid_from DESC`,
    leaderId ? [leaderId] : [],
  );
  return hydrate(q, rows);
}

export interface AssignmentInput {
  fieldCodes: string[];
  areaCodes: string[];
  agencyIds: string[];
  validFrom: string;
  note?: string;
}

async function checkRefs(q: Queryable, i: AssignmentInput): Promise<void> {
  const f = await q.query<{ code: string }>('SELECT code FROM fields WHERE code = ANY($1::text[])', [i.fieldCodes]);
  const badF = i.fieldCodes.find((c) => !f.some((x) => x.code === c));
  if (badF) throw invalid('fieldCodes', 'UNKNOWN_REFERENCE', { value: badF });
  const a = await q.query<{ code: string }>('SELECT code FROM areas WHERE code = ANY($1::text[])', [i.areaCodes]);
  const badA = i.areaCodes.find((c) => !a.some((x) => x.code === c));
  if (badA) throw invalid('areaCodes', 'UNKNOWN_REFERENCE', { value: badA });
  const g = await q.query<{ id: string }>(`SELECT id FROM units WHERE id = ANY($1::uuid[]) AND level = 'agency'`, [
    i.agencyIds,
  ]);
  const badG = i.agencyIds.find((id) => !g.some((x) => x.id === id));
  if (badG) throw invalid('agencyIds', 'UNKNOWN_REFERENCE', { value: badG });
}

/**
 * Records a new assignment for a leader from `validFrom`, closing the open one the day
 * before (see planAssignmentChange). Serialised per leader by a row lock.
 */
export async function changeAssignment(
  q: Queryable,
  actor: Actor,
  leaderId: string,
  i: AssignmentInput,
): Promise<Assignment> {
  const leader = await q.query<{ roles: string[] }>('SELECT roles FROM users WHERE id = $1 FOR UPDATE', [leaderId]);
  if (!leader[0]) throw notFound('lãnh đạo');
  if (!leader[0].roles.some((r) => r === 'chairman' || r === 'vice_chairman'))
    throw invalid('leaderId', 'NOT_A_LEADER');
  await checkRefs(q, i);
  const open = (
    await q.query<{ id: string; valid_from: string; valid_to: string | null }>(
      `SELECT id, valid_from::text AS valid_from, valid_to::text AS valid_to FROM leader_assignments
       WHERE leader_id = $1 AND valid_to IS NULL`,
      [leaderId],
    )
  )[0];
  const before = open ? (await hydrate(q, await q.query<Raw>(`${SELECT} WHERE a.id = $1`, [open.id])))[0] : null;
  const plan = planAssignmentChange(
    open && { id: open.id, validFrom: open.valid_from, validTo: open.valid_to },
    i.validFrom,
  );
  if (plan.kind === 'reject') throw invalid('validFrom', 'ASSIGNMENT_BEFORE_CURRENT', { current: plan.currentFrom });
  if (plan.kind === 'replace') await q.query('DELETE FROM leader_assignments WHERE id = $1', [plan.replaceId]);
  if (plan.kind === 'close-and-insert') {
    await q.query('UPDATE leader_assignments SET valid_to = $2 WHERE id = $1', [plan.closeId, plan.closeTo]);
  }
  const rows = await q.query<{ id: string }>(
    `INSERT INTO leader_assignments(leader_id, field_codes, area_codes, agency_ids, valid_from, note)
     VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [leaderId, i.fieldCodes, i.areaCodes, i.agencyIds, i.validFrom, i.note ?? ''],
  );
  const after = (await hydrate(q, await q.query<Raw>(`${SELECT} WHERE a.id = $1`, [rows[0]!.id])))[0]!;
  await bumpRoutingGeneration(q);
  await appendAudit(
    q,
    actor,
    plan.kind === 'replace' ? 'replace' : 'create',
    'leader_assignment',
    after.id,
    before,
    after,
  );
  return after;
}
