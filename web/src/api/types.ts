/** Shapes of the HTTP contract in docs/API.md. */

export type Role =
  | 'admin'
  | 'clerk'
  | 'specialist'
  | 'dept_head'
  | 'office_leader'
  | 'vice_chairman'
  | 'chairman'
  | 'agency_user'
  | 'commune_user';

export const ROLES: readonly Role[] = [
  'admin',
  'clerk',
  'specialist',
  'dept_head',
  'office_leader',
  'vice_chairman',
  'chairman',
  'agency_user',
  'commune_user',
];

export type Clearance = 0 | 1 | 2 | 3;
export const CLEARANCES: readonly Clearance[] = [0, 1, 2, 3];

export interface Person {
  id: string;
  username: string;
  fullName: string;
  position: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
  permissions: string[];
  clearance: Clearance;
  active: boolean;
}

export type User = Person;

export interface Session {
  user: User;
  csrfToken: string;
}

export type UnitLevel = 'province' | 'office' | 'department' | 'agency' | 'commune';
export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'office', 'department', 'agency', 'commune'];

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  level: UnitLevel;
  type: string | null;
  parentId: string | null;
  orgId: string | null;
  areaCode: string | null;
  areaName: string | null;
  fieldCodes: string[];
  active: boolean;
}

export interface Field {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface Area {
  code: string;
  name: string;
  communeCount: number;
}

export interface Assignment {
  id: string;
  leader: { id: string; fullName: string; position: string };
  fields: { code: string; name: string }[];
  areas: { code: string; name: string }[];
  agencies: { id: string; name: string; shortName: string | null }[];
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export interface Quota {
  unitId: string;
  unitName: string;
  year: number;
  approvedCivil: number;
  approvedPublic: number;
  actualCivil: number;
  actualPublic: number;
  overQuota: boolean;
}

/** The audit row shape is not fixed by the contract; every field is read defensively. */
export interface AuditRow {
  id: string | number;
  at?: string;
  createdAt?: string;
  ts?: string;
  actorId?: string | null;
  actorName?: string | null;
  actorUsername?: string | null;
  username?: string | null;
  action?: string;
  entity?: string;
  entityId?: string | null;
  hash?: string;
  [key: string]: unknown;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBrokenId: string | number | null;
}

export interface ListResponse<T> {
  items: T[];
  total: number;
}
