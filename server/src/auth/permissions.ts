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
  'documents.read',
  'incoming.register',
  'outgoing.draft',
  'outgoing.check',
  'outgoing.sign',
  'outgoing.issue',
  'routing.read',
  'routing.override',
  'routing.admin',
  'calendar.read',
  'calendar.write',
  'tasks.create',
  'tasks.instruct',
  'tasks.assign',
  'tasks.work',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: Permission[] = [
  'org.read',
  'people.read',
  'documents.read',
  'routing.read',
  'calendar.read',
  'tasks.work',
];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // NĐ 30/2020, Điều 15, 22: the clerk registers incoming documents and gives outgoing ones their number.
  clerk: [...STAFF, 'incoming.register', 'outgoing.draft', 'outgoing.issue', 'routing.override', 'tasks.create'],
  specialist: [...STAFF, 'outgoing.draft'],
  // Điều 12: the head of the drafting unit checks content; the assigned person checks format.
  dept_head: [
    ...STAFF,
    'quotas.read',
    'outgoing.draft',
    'outgoing.check',
    'routing.override',
    'tasks.assign',
    'tasks.create',
  ],
  office_leader: [
    ...STAFF,
    'quotas.read',
    'audit.read',
    'outgoing.draft',
    'outgoing.check',
    'outgoing.sign',
    'routing.override',
    'tasks.assign',
    'tasks.create',
    'tasks.instruct',
  ],
  // A clerk or a leader may override a route, giving a reason (issue 4).
  // Leaders give instructions (ý kiến chỉ đạo) on documents: NĐ 30/2020, Điều 24.
  vice_chairman: [...STAFF, 'quotas.read', 'outgoing.sign', 'routing.override', 'tasks.instruct', 'tasks.create'],
  chairman: [
    ...STAFF,
    'quotas.read',
    'audit.read',
    'outgoing.sign',
    'routing.override',
    'tasks.instruct',
    'tasks.create',
  ],
  // Row scoping (own organisation only) is applied by the stores: see ownUnitOnly.
  agency_user: [...STAFF, 'quotas.read', 'incoming.register', 'outgoing.draft', 'outgoing.issue'],
  commune_user: [...STAFF, 'quotas.read', 'incoming.register', 'outgoing.draft', 'outgoing.issue'],
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
