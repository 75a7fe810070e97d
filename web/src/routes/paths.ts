export const paths = {
  login: '/login',
  units: '/org/units',
  communes: '/org/communes',
  people: '/org/people',
  assignments: '/org/assignments',
  quotas: '/org/quotas',
  audit: '/audit',
  incoming: '/incoming',
  incomingNew: '/incoming/new',
  outgoing: '/outgoing',
  outgoingNew: '/outgoing/new',
  outgoingEdit: '/outgoing/:id/edit',
  document: '/documents/:id',
  registers: '/registers',
  routingPolicy: '/routing/policy',
  routingCatalogue: '/routing/catalogue',
  routingCommunes: '/routing/communes',
  inbox: '/inbox',
  tasks: '/tasks',
  taskImport: '/tasks/import',
  task: '/tasks/:id',
  dashboard: '/dashboard',
  calendar: '/calendar',
} as const;

export const documentPath = (id: string) => `/documents/${encodeURIComponent(id)}`;
export const outgoingEditPath = (id: string) => `/outgoing/${encodeURIComponent(id)}/edit`;
export const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;
