import type { Queryable } from '../platform/db.js';
import { permissionsOf } from './permissions.js';
import { randomToken, sha256 } from './passwords.js';

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  position: string;
  unitId: string | null;
  unitName: string | null;
  /** The organisation whose registers the user works in (see org_unit_of in migration 0002). */
  orgUnitId: string | null;
  roles: string[];
  permissions: string[];
  clearance: number;
  active: boolean;
}

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  full_name: string;
  position: string;
  unit_id: string | null;
  unit_name: string | null;
  org_unit_id: string | null;
  roles: string[];
  clearance: number;
  active: boolean;
}

export const USER_SELECT = `SELECT u.id, u.username, u.password_hash, u.full_name, u.position, u.unit_id,
  un.name AS unit_name, org_unit_of(u.unit_id) AS org_unit_id, u.roles, u.clearance, u.active
  FROM users u LEFT JOIN units un ON un.id = u.unit_id`;

export function toAuthUser(r: UserRow): AuthUser {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    position: r.position,
    unitId: r.unit_id,
    unitName: r.unit_name,
    orgUnitId: r.org_unit_id,
    roles: r.roles,
    permissions: permissionsOf(r.roles),
    clearance: r.clearance,
    active: r.active,
  };
}

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  return (await q.query<UserRow>(`${USER_SELECT} WHERE u.username = $1`, [username]))[0];
}

export async function createSession(
  q: Queryable,
  userId: string,
  hours: number,
): Promise<{ sessionId: string; csrfToken: string }> {
  const sessionId = randomToken();
  const csrfToken = randomToken();
  await q.query(
    `INSERT INTO sessions(id_hash, user_id, csrf_token, expires_at) VALUES ($1,$2,$3, now() + make_interval(hours => $4))`,
    [sha256(sessionId), userId, csrfToken, hours],
  );
  return { sessionId, csrfToken };
}

export async function userBySession(
  q: Queryable,
  sessionId: string,
): Promise<{ user: AuthUser; csrfToken: string } | undefined> {
  const rows = await q.query<UserRow & { csrf_token: string }>(
    `${USER_SELECT.replace('SELECT', 'SELECT s.csrf_token,')} JOIN sessions s ON s.user_id = u.id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND u.active`,
    [sha256(sessionId)],
  );
  const r = rows[0];
  return r ? { user: toAuthUser(r), csrfToken: r.csrf_token } : undefined;
}

export async function deleteSession(q: Queryable, sessionId: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(sessionId)]);
}

export async function userByToken(q: Queryable, token: string): Promise<AuthUser | undefined> {
  const rows = await q.query<UserRow>(
    `${USER_SELECT} JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active`,
    [sha256(token)],
  );
  return rows[0] ? toAuthUser(rows[0]) : undefined;
}

export async function createApiToken(
  q: Queryable,
  userId: string,
  name: string,
): Promise<{ id: string; name: string; token: string }> {
  const token = `dh_${randomToken()}`;
  const rows = await q.query<{ id: string }>(
    'INSERT INTO api_tokens(name, token_hash, user_id) VALUES ($1,$2,$3) RETURNING id',
    [name, sha256(token), userId],
  );
  return { id: rows[0]!.id, name, token };
}

// Bộ quy tắc riêng của dự án (no law sets it): 10 failures per minute, per IP or per user name.
export const LOGIN_WINDOW_SECONDS = 60;
export const LOGIN_MAX_FAILURES = 10;

export async function recentFailures(q: Queryable, username: string, ip: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `SELECT GREATEST(
       (SELECT count(*) FROM login_failures WHERE ip = $1 AND at > now() - make_interval(secs => $3)),
       (SELECT count(*) FROM login_failures WHERE username = $2 AND at > now() - make_interval(secs => $3))
     )::int AS n`,
    [ip, username, LOGIN_WINDOW_SECONDS],
  );
  return rows[0]?.n ?? 0;
}

export async function recordFailure(q: Queryable, username: string, ip: string): Promise<void> {
  await q.query('INSERT INTO login_failures(username, ip) VALUES ($1,$2)', [username, ip]);
  // Old rows are worthless; prune them as we go so the table stays small.
  await q.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
}
