/** Roles of domain.md §2. A user may hold several. */
export const ROLES = [
  'admin',
  'clerk',
  'specialist',
  'dept_head',
  'office_leader',
  'vice_chairman',
  'chairman',
  'agency_user',
  'commune_user',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'people.read',
  'users.write',
  'assignments.write',
  'quotas.read',
  'quotas.write',
  'audit.read',
  'tokens.create',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: Permission[] = ['org.read', 'people.read'];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  clerk: STAFF,
  specialist: STAFF,
  dept_head: [...STAFF, 'quotas.read'],
  office_leader: [...STAFF, 'quotas.read', 'audit.read'],
  vice_chairman: [...STAFF, 'quotas.read'],
  chairman: [...STAFF, 'quotas.read', 'audit.read'],
  // Row scoping (own unit only) is applied by the stores, see scope.ts.
  agency_user: [...STAFF, 'quotas.read'],
  commune_user: [...STAFF, 'quotas.read'],
};

export function permissionsOf(roles: readonly string[]): Permission[] {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r as Role] ?? []) out.add(p);
  return [...out].sort();
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return permissionsOf(roles).includes(permission);
}

/** Agency and commune users see only their own unit's rows; everyone else sees the province. */
export function ownUnitOnly(roles: readonly string[]): boolean {
  const scoped = roles.some((r) => r === 'agency_user' || r === 'commune_user');
  const provinceWide = roles.some((r) => r !== 'agency_user' && r !== 'commune_user');
  return scoped && !provinceWide;
}
