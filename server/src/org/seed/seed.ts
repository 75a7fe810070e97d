import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../../platform/db.js';
import { appendAudit, SYSTEM_ACTOR } from '../../audit/audit.store.js';
import { hashPassword, randomPassword } from '../../auth/passwords.js';
import { AREAS, ASSIGNMENTS, DEMO_USERS, FIELDS, PROVINCE, UNITS } from './demo-province.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface CommuneRow {
  code: string;
  name: string;
  type: string;
}

/** The official list (Công văn 1027/CTK-CSCL, Cục Thống kê, 25/6/2025), province 51, copied into the project. */
export function readCommunes(): CommuneRow[] {
  const lines = fs.readFileSync(path.join(HERE, 'communes-51.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [code, name, type] = l.split(',');
    return { code: code!, name: name!, type: type! };
  });
}

export function areaOfCommune(code: string): string | null {
  const n = Number(code);
  return AREAS.find((a) => a.codeRanges.some(([lo, hi]) => n >= lo && n <= hi))?.code ?? null;
}

export interface SeedResult {
  seeded: boolean;
  /** Passwords that were generated because none was configured; printed once. */
  generated: { username: string; password: string }[];
}

/**
 * Loads the demo province into an empty database. Runs under the migration lock, so two
 * instances starting together seed once.
 */
export async function seedIfEmpty(
  q: Queryable,
  opts: { adminPassword?: string; demoPassword?: string; year?: number },
): Promise<SeedResult> {
  const existing = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((existing[0]?.n ?? 0) > 0) return { seeded: false, generated: [] };
  const generated: SeedResult['generated'] = [];
  await q.exec('BEGIN');
  try {
    for (const [i, [code, name, nameEn]] of FIELDS.entries()) {
      await q.query('INSERT INTO fields(code, name, name_en, sort) VALUES ($1,$2,$3,$4)', [code, name, nameEn, i]);
    }
    for (const a of AREAS)
      await q.query('INSERT INTO areas(code, name, name_en) VALUES ($1,$2,$3)', [a.code, a.name, a.nameEn]);

    const ids = new Map<string, string>();
    const insertUnit = async (u: {
      code: string;
      name: string;
      shortName: string;
      level: string;
      type: string;
      parent?: string;
      orgId?: string;
      area?: string | null;
      fields?: string[];
      sort: number;
    }) => {
      const r = await q.query<{ id: string }>(
        `INSERT INTO units(code, name, short_name, level, type, parent_id, org_id, area_code, field_codes, sort)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [
          u.code,
          u.name,
          u.shortName,
          u.level,
          u.type,
          u.parent ? ids.get(u.parent) : null,
          u.orgId ?? null,
          u.area ?? null,
          u.fields ?? [],
          u.sort,
        ],
      );
      ids.set(u.code, r[0]!.id);
    };
    await insertUnit({
      code: PROVINCE.code,
      name: PROVINCE.name,
      shortName: PROVINCE.shortName,
      level: 'province',
      type: 'UBND tỉnh',
      orgId: PROVINCE.orgId,
      sort: 0,
    });
    for (const [i, u] of UNITS.entries()) await insertUnit({ ...u, sort: i + 1 });
    for (const [i, c] of readCommunes().entries()) {
      // Ký hiệu of a commune PPC's documents is "UBND"; the code keeps units apart.
      await insertUnit({
        code: c.code,
        name: c.name,
        shortName: 'UBND',
        level: 'commune',
        type: c.type,
        parent: PROVINCE.code,
        area: areaOfCommune(c.code),
        sort: 1000 + i,
      });
    }

    const year = opts.year ?? 2026;
    for (const u of UNITS) {
      if (!u.quota) continue;
      const [ac, ap, xc, xp] = u.quota;
      await q.query(
        `INSERT INTO staffing_quotas(unit_id, year, approved_civil, approved_public, actual_civil, actual_public) VALUES ($1,$2,$3,$4,$5,$6)`,
        [ids.get(u.code), year, ac, ap, xc, xp],
      );
    }

    const adminPassword = opts.adminPassword ?? randomPassword();
    if (!opts.adminPassword) generated.push({ username: 'admin', password: adminPassword });
    const demoPassword = opts.demoPassword ?? randomPassword();
    if (!opts.demoPassword) generated.push({ username: '(demo users)', password: demoPassword });
    const adminHash = await hashPassword(adminPassword);
    const demoHash = await hashPassword(demoPassword);
    const userIds = new Map<string, string>();
    const insertUser = async (
      u: { username: string; fullName: string; position: string; unit: string; roles: string[]; clearance: number },
      hash: string,
      sort: number,
    ) => {
      const r = await q.query<{ id: string }>(
        `INSERT INTO users(username, password_hash, full_name, position, unit_id, roles, clearance, sort)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [u.username, hash, u.fullName, u.position, ids.get(u.unit), u.roles, u.clearance, sort],
      );
      userIds.set(u.username, r[0]!.id);
    };
    await insertUser(
      {
        username: 'admin',
        fullName: 'Quản trị hệ thống',
        position: 'Quản trị viên',
        unit: 'VP-CBTH',
        roles: ['admin'],
        clearance: 0,
      },
      adminHash,
      0,
    );
    for (const [i, u] of DEMO_USERS.entries()) await insertUser(u, demoHash, i + 1);

    for (const a of ASSIGNMENTS) {
      await q.query(
        `INSERT INTO leader_assignments(leader_id, field_codes, area_codes, agency_ids, valid_from, valid_to, note)
         VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [userIds.get(a.leader), a.fields, a.areas, a.agencies.map((c) => ids.get(c)), a.from, a.to, 'Dữ liệu mẫu'],
      );
    }
    await appendAudit(q, SYSTEM_ACTOR, 'seed', 'province', PROVINCE.code, null, {
      units: ids.size,
      users: userIds.size,
      assignments: ASSIGNMENTS.length,
    });
    await q.exec('COMMIT');
  } catch (e) {
    await q.exec('ROLLBACK');
    throw e;
  }
  return { seeded: true, generated };
}
