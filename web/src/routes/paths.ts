export const paths = {
  login: '/login',
  units: '/org/units',
  communes: '/org/communes',
  people: '/org/people',
  assignments: '/org/assignments',
  quotas: '/org/quotas',
  audit: '/audit',
} as const;
