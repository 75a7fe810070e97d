import type { Queryable } from '../platform/db.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { bumpRoutingGeneration } from './generation.js';
import { appendAudit, type Actor } from '../audit/audit.store.js';
import { type AuthUser, toAuthUser, USER_SELECT, type UserRow } from '../auth/auth.store.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

export type Person = AuthUser;

export async function listPeople(
  q: Queryable,
  f: { unitId?: string; q?: string; onlyUnitId?: string | null },
): Promise<Person[]> {
  const where: string[] = [];
  const p: unknown[] = [];
  if (f.unitId) where.push(`u.unit_id = $${p.push(f.unitId)}`);
  // Row scoping: agency and commune users are pinned to their own unit whatever they ask for.
  if (f.onlyUnitId !== undefined) where.push(`u.unit_id = $${p.push(f.onlyUnitId)}`);
  if (f.q) {
    const i = p.push(`%${f.q.toLowerCase()}%`);
    where.push(`(lower(u.full_name) LIKE $${i} OR lower(u.username) LIKE $${i} OR lower(u.position) LIKE $${i})`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = await q.query<UserRow>(`${USER_SELECT} ${w} ORDER BY u.sort, u.full_name`, p);
  return rows.map(toAuthUser);
}

export async function getPerson(q: Queryable, id: string): Promise<Person> {
  const r = (await q.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]))[0];
  if (!r) throw notFound('cán bộ');
  return toAuthUser(r);
}

export interface PersonInput {
  username: string;
  fullName: string;
  position: string;
  unitId: string | null;
  roles: string[];
  clearance: number;
  password: string;
  active?: boolean;
}

async function checkUnit(q: Queryable, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  if ((await q.query('SELECT 1 FROM units WHERE id = $1', [unitId])).length === 0) {
    throw invalid('unitId', 'UNKNOWN_REFERENCE', { value: unitId });
  }
}

function checkPassword(pw: string | undefined): void {
  if (pw !== undefined && pw.length < MIN_PASSWORD_LENGTH) {
    throw invalid('password', 'PASSWORD_TOO_SHORT', { min: MIN_PASSWORD_LENGTH });
  }
}

// The audit log never holds a password hash: it records that the password changed.
const auditView = (p: Person) => ({ ...p, permissions: undefined });

export async function createPerson(q: Queryable, actor: Actor, i: PersonInput): Promise<Person> {
  checkPassword(i.password);
  await checkUnit(q, i.unitId);
  if ((await q.query('SELECT 1 FROM users WHERE username = $1', [i.username])).length) {
    throw conflict('USERNAME_TAKEN', 'username');
  }
  const rows = await q.query<{ id: string }>(
    `INSERT INTO users(username, password_hash, full_name, position, unit_id, roles, clearance, active)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [
      i.username,
      await hashPassword(i.password),
      i.fullName,
      i.position,
      i.unitId,
      i.roles,
      i.clearance,
      i.active ?? true,
    ],
  );
  const created = await getPerson(q, rows[0]!.id);
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, 'create', 'user', created.id, null, auditView(created));
  return created;
}

export async function updatePerson(
  q: Queryable,
  actor: Actor,
  id: string,
  patch: Partial<Omit<PersonInput, 'username'>>,
): Promise<Person> {
  const before = await getPerson(q, id);
  checkPassword(patch.password);
  await checkUnit(q, patch.unitId);
  const cols: Record<string, unknown> = {
    full_name: patch.fullName,
    position: patch.position,
    unit_id: patch.unitId,
    roles: patch.roles,
    clearance: patch.clearance,
    active: patch.active,
    password_hash: patch.password === undefined ? undefined : await hashPassword(patch.password),
  };
  const sets: string[] = [];
  const p: unknown[] = [id];
  for (const [col, v] of Object.entries(cols)) if (v !== undefined) sets.push(`${col} = $${p.push(v)}`);
  if (sets.length) await q.query(`UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, p);
  // A disabled account or a new password ends every open session.
  if (patch.active === false || patch.password !== undefined)
    await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  const after = await getPerson(q, id);
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, 'update', 'user', id, auditView(before), {
    ...auditView(after),
    passwordChanged: patch.password !== undefined || undefined,
  });
  return after;
}
