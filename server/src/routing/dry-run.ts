import type { Route } from './engine.js';

export const ROUTE_PARTS = ['flow', 'leader', 'department', 'leadAgency', 'coAgencies', 'deadline', 'flags'] as const;

/** The parts of a route that differ between two evaluations, compared by what a person sees. */
export function routeChanges(a: Route, b: Route): string[] {
  const key = (r: Route, p: (typeof ROUTE_PARTS)[number]): string => {
    const v = r[p];
    if (p === 'flags')
      return (v as Route['flags'])
        .map((f) => f.code)
        .sort()
        .join(',');
    if (p === 'coAgencies')
      return (v as Route['coAgencies'])
        .map((x) => x.id)
        .sort()
        .join(',');
    if (v && typeof v === 'object') return (v as { id: string }).id;
    return String(v ?? '');
  };
  return ROUTE_PARTS.filter((p) => key(a, p) !== key(b, p));
}
