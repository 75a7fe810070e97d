import { ownUnitOnly } from '../auth/permissions.js';

export interface Viewer {
  id: string;
  username: string;
  roles: string[];
  clearance: number;
  orgUnitId: string | null;
}

export interface Visible {
  secrecy: number;
  registerUnitId: string;
  issuerUnitId: string | null;
}

/**
 * A secret document is visible only to people cleared for its level (Luật Bảo vệ bí mật nhà
 * nước 2018, Điều 11 khoản 1–3; NĐ 30/2020, Điều 15 khoản 2). Agency and commune users see
 * only their own organisation's registers and documents.
 */
export function canSee(v: Viewer, d: Visible): boolean {
  if (d.secrecy > v.clearance) return false;
  if (ownUnitOnly(v.roles)) return d.registerUnitId === v.orgUnitId || d.issuerUnitId === v.orgUnitId;
  return true;
}

/** The same rule as SQL, for lists, searches and counts. Pushes its parameters onto `p`. */
export function visibleSql(v: Viewer, p: unknown[], alias = 'd'): string {
  const parts = [`${alias}.secrecy <= $${p.push(v.clearance)}`];
  if (ownUnitOnly(v.roles)) {
    const i = p.push(v.orgUnitId);
    parts.push(`(${alias}.register_unit_id = $${i} OR ${alias}.issuer_unit_id = $${i})`);
  }
  return parts.join(' AND ');
}
