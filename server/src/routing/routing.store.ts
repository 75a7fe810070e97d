import type { Queryable } from '../platform/db.js';
import { invalid } from '../platform/errors.js';
import { foldVietnamese } from '../platform/text.js';
import { AppError } from '../platform/errors.js';
import { appendAudit, type Actor } from '../audit/audit.store.js';
import { bumpRoutingGeneration } from '../org/generation.js';
import { TYPE_CODES } from '../documents/types.js';
import type { CompetenceEntry } from './facts.js';
import type { OrgSnapshot, Ref } from './engine.js';
import type { OutgoingOrg } from './outgoing-route.js';
import { type Policy, type PolicyRefs, validatePolicy } from './policy.js';

export interface PolicyVersion {
  version: number;
  status: 'draft' | 'published' | 'superseded';
  policy: Policy;
  note: string;
  createdAt: string;
  publishedAt: string | null;
}

interface PolicyRow {
  version: number;
  status: PolicyVersion['status'];
  policy: Policy;
  note: string;
  created_at: Date;
  published_at: Date | null;
}

const toVersion = (r: PolicyRow): PolicyVersion => ({
  version: r.version,
  status: r.status,
  policy: r.policy,
  note: r.note,
  createdAt: new Date(r.created_at).toISOString(),
  publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
});

export async function policyByStatus(q: Queryable, status: 'draft' | 'published'): Promise<PolicyVersion | null> {
  const r = (await q.query<PolicyRow>('SELECT * FROM routing_policies WHERE status = $1', [status]))[0];
  return r ? toVersion(r) : null;
}

export async function policyVersion(q: Queryable, version: number): Promise<PolicyVersion | null> {
  const r = (await q.query<PolicyRow>('SELECT * FROM routing_policies WHERE version = $1', [version]))[0];
  return r ? toVersion(r) : null;
}

export async function policyVersions(q: Queryable): Promise<Omit<PolicyVersion, 'policy'>[]> {
  const rows = await q.query<PolicyRow>('SELECT * FROM routing_policies ORDER BY version DESC');
  return rows.map((r) => {
    const { policy: _p, ...rest } = toVersion(r);
    return rest;
  });
}

export async function policyRefs(q: Queryable): Promise<PolicyRefs> {
  const fields = await q.query<{ code: string }>('SELECT code FROM fields');
  const units = await q.query<{ code: string }>('SELECT code FROM units');
  const areas = await q.query<{ code: string }>('SELECT code FROM areas');
  return {
    fields: new Set(fields.map((f) => f.code)),
    units: new Set(units.map((u) => u.code)),
    areas: new Set(areas.map((a) => a.code)),
    types: new Set(TYPE_CODES),
  };
}

/**
 * Saves the draft. A malformed policy is refused whole, naming the first rule at fault and
 * listing every problem; the live policy is never touched here.
 */
export async function saveDraft(q: Queryable, actor: Actor, policy: Policy, note: string): Promise<PolicyVersion> {
  const problems = validatePolicy(policy, await policyRefs(q));
  if (problems.length) {
    const first = problems[0]!;
    throw new AppError(
      'POLICY_INVALID',
      400,
      first.path,
      { rule: first.ruleId ?? '', detail: first.message },
      { problems },
    );
  }
  const existing = (await q.query<PolicyRow>(`SELECT * FROM routing_policies WHERE status = 'draft' FOR UPDATE`))[0];
  let row: PolicyRow;
  if (existing) {
    row = (
      await q.query<PolicyRow>(
        `UPDATE routing_policies SET policy = $2, note = $3, created_by = $4, created_at = now() WHERE version = $1 RETURNING *`,
        [existing.version, JSON.stringify(policy), note, actor.id],
      )
    )[0]!;
  } else {
    row = (
      await q.query<PolicyRow>(
        `INSERT INTO routing_policies(status, policy, note, created_by) VALUES ('draft', $1, $2, $3) RETURNING *`,
        [JSON.stringify(policy), note, actor.id],
      )
    )[0]!;
  }
  await appendAudit(
    q,
    actor,
    existing ? 'update' : 'create',
    'routing_policy',
    String(row.version),
    existing?.policy ?? null,
    policy,
  );
  return toVersion(row);
}

export async function publishDraft(q: Queryable, actor: Actor): Promise<PolicyVersion> {
  const draft = (await q.query<PolicyRow>(`SELECT * FROM routing_policies WHERE status = 'draft' FOR UPDATE`))[0];
  if (!draft) throw new AppError('NO_DRAFT', 409);
  // Checked again: units or fields may have gone since the draft was saved.
  const problems = validatePolicy(draft.policy, await policyRefs(q));
  if (problems.length) {
    const first = problems[0]!;
    throw new AppError(
      'POLICY_INVALID',
      400,
      first.path,
      { rule: first.ruleId ?? '', detail: first.message },
      { problems },
    );
  }
  const live = (await q.query<PolicyRow>(`SELECT * FROM routing_policies WHERE status = 'published' FOR UPDATE`))[0];
  if (live) await q.query(`UPDATE routing_policies SET status = 'superseded' WHERE version = $1`, [live.version]);
  const row = (
    await q.query<PolicyRow>(
      `UPDATE routing_policies SET status = 'published', published_at = now() WHERE version = $1 RETURNING *`,
      [draft.version],
    )
  )[0]!;
  await bumpRoutingGeneration(q);
  await appendAudit(
    q,
    actor,
    'publish',
    'routing_policy',
    String(row.version),
    live ? { version: live.version } : null,
    {
      version: row.version,
    },
  );
  return toVersion(row);
}

interface CatalogueRow {
  id: string;
  field_code: string;
  matter: string[];
  request_kinds: string[];
  level: CompetenceEntry['level'];
  advice_agency: string | null;
  basis: string;
  guidance: string;
}

export async function loadCatalogue(q: Queryable): Promise<CompetenceEntry[]> {
  const rows = await q.query<CatalogueRow>('SELECT * FROM competence_catalogue ORDER BY field_code, sort');
  return rows.map((r) => ({
    id: r.id,
    field: r.field_code,
    matter: r.matter,
    requestKinds: r.request_kinds as CompetenceEntry['requestKinds'],
    level: r.level,
    adviceAgency: r.advice_agency,
    basis: r.basis,
    guidance: r.guidance,
  }));
}

export async function replaceCatalogue(
  q: Queryable,
  actor: Actor,
  entries: Omit<CompetenceEntry, 'id'>[],
): Promise<CompetenceEntry[]> {
  const refs = await policyRefs(q);
  entries.forEach((e, i) => {
    if (!refs.fields.has(e.field)) throw invalid(`entries.${i}.field`, 'UNKNOWN_REFERENCE', { value: e.field });
    if (e.adviceAgency && !refs.units.has(e.adviceAgency)) {
      throw invalid(`entries.${i}.adviceAgency`, 'UNKNOWN_REFERENCE', { value: e.adviceAgency });
    }
  });
  const before = await loadCatalogue(q);
  await q.query('DELETE FROM competence_catalogue');
  for (const [i, e] of entries.entries()) {
    await q.query(
      `INSERT INTO competence_catalogue(field_code, matter, request_kinds, level, advice_agency, basis, guidance, sort)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      // Phrases are matched against folded text: store them folded however they were typed.
      [e.field, e.matter.map(foldVietnamese), e.requestKinds, e.level, e.adviceAgency, e.basis, e.guidance, i],
    );
  }
  await bumpRoutingGeneration(q);
  const after = await loadCatalogue(q);
  await appendAudit(q, actor, 'replace', 'competence_catalogue', 'all', before, after);
  return after;
}

/** The organisation on `date`: who is in charge of which field and area, who follows which field. */
export async function loadOrgSnapshot(q: Queryable, date: string): Promise<OrgSnapshot> {
  const units = await q.query<{
    id: string;
    code: string;
    name: string;
    level: string;
    field_codes: string[];
    area_code: string | null;
  }>('SELECT id, code, name, level, field_codes, area_code FROM units WHERE active ORDER BY sort, name');
  const assignments = await q.query<{
    id: string;
    full_name: string;
    roles: string[];
    field_codes: string[];
    area_codes: string[];
  }>(
    `SELECT u.id, u.full_name, u.roles, a.field_codes, a.area_codes FROM leader_assignments a JOIN users u ON u.id = a.leader_id
     WHERE a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to >= $1::date) AND u.active ORDER BY u.sort`,
    [date],
  );
  const chairmanRow = (
    await q.query<{ id: string; full_name: string }>(
      `SELECT id, full_name FROM users WHERE 'chairman' = ANY(roles) AND active ORDER BY sort LIMIT 1`,
    )
  )[0];
  const leaderByField = new Map<string, Ref>();
  const leaderByArea = new Map<string, Ref>();
  for (const a of assignments) {
    const ref = { id: a.id, name: a.full_name };
    for (const f of a.field_codes) if (!leaderByField.has(f)) leaderByField.set(f, ref);
    for (const ar of a.area_codes) if (!leaderByArea.has(ar)) leaderByArea.set(ar, ref);
  }
  const departmentByField = new Map<string, Ref>();
  const agencyByField = new Map<string, Ref>();
  const unitByCode = new Map<string, Ref>();
  const unitById = new Map<string, { code: string; level: string; areaCode: string | null }>();
  for (const u of units) {
    const ref = { id: u.id, name: u.name };
    unitByCode.set(u.code, ref);
    unitById.set(u.id, { code: u.code, level: u.level, areaCode: u.area_code });
    for (const f of u.field_codes) {
      if (u.level === 'department' && !departmentByField.has(f)) departmentByField.set(f, ref);
      if (u.level === 'agency' && !agencyByField.has(f)) agencyByField.set(f, ref);
    }
  }
  return {
    chairman: chairmanRow ? { id: chairmanRow.id, name: chairmanRow.full_name } : null,
    leaderByField,
    leaderByArea,
    departmentByField,
    agencyByField,
    unitByCode,
    unitById,
  };
}

/** The people and groups outgoing routing needs, on `date`. */
export async function loadOutgoingOrg(q: Queryable, date: string): Promise<OutgoingOrg> {
  const snapshot = await loadOrgSnapshot(q, date);
  const chief = (
    await q.query<{ id: string; full_name: string }>(
      `SELECT u.id, u.full_name FROM users u JOIN units un ON un.id = u.unit_id
       WHERE un.level = 'office' AND 'office_leader' = ANY(u.roles) AND u.active ORDER BY u.sort LIMIT 1`,
    )
  )[0];
  const heads = await q.query<{ id: string; full_name: string; field_codes: string[] }>(
    `SELECT u.id, u.full_name, un.field_codes FROM users u JOIN units un ON un.id = u.unit_id
     WHERE un.level = 'department' AND 'dept_head' = ANY(u.roles) AND u.active ORDER BY u.sort`,
  );
  const departmentHeadByField = new Map<string, Ref>();
  for (const h of heads)
    for (const f of h.field_codes)
      if (!departmentHeadByField.has(f)) departmentHeadByField.set(f, { id: h.id, name: h.full_name });
  const areaRows = await q.query<{ code: string; name: string; ids: string[] }>(
    `SELECT a.code, a.name, coalesce(array_agg(u.id ORDER BY u.sort) FILTER (WHERE u.id IS NOT NULL), '{}') AS ids
     FROM areas a LEFT JOIN units u ON u.area_code = a.code AND u.active GROUP BY a.code, a.name ORDER BY a.code`,
  );
  const agencies = await q.query<{ id: string; name: string; field_codes: string[] }>(
    `SELECT id, name, field_codes FROM units WHERE level = 'agency' AND active ORDER BY sort`,
  );
  const agenciesByField = new Map<string, { id: string; name: string }[]>();
  for (const a of agencies)
    for (const f of a.field_codes)
      agenciesByField.set(f, [...(agenciesByField.get(f) ?? []), { id: a.id, name: a.name }]);
  return {
    snapshot,
    officeChief: chief ? { id: chief.id, name: chief.full_name } : null,
    departmentHeadByField,
    areas: areaRows.map((a) => ({ code: a.code, name: a.name, communeIds: a.ids })),
    agenciesByField,
    allAgencyIds: agencies.map((a) => a.id),
  };
}
