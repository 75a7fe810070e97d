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

/**
 * The stored form as JSON text: exactly what JSON.stringify writes for
 * { flow, leader, department, leadAgency, coAgencies, deadline, flags, reasons, guidance } with
 * flags and reasons as lists (route-codec.test.ts compares the two on generated routes), built
 * from pieces that repeat from one registration to the next. Why: the same few people, units,
 * rule ids, reason keys and legal bases make up every route; quoted once and remembered, a route
 * is a join of remembered pieces. JSON.stringify walked about 40 values at every registration,
 * 13–20 µs of the app's CPU in the documents benchmark's profile.
 */
export function encodeRoute(r: Route): string {
  let s = `{"flow":${quoted(r.flow)},"leader":${ref(r.leader)},"department":${ref(r.department)},"leadAgency":${ref(r.leadAgency)},"coAgencies":[`;
  for (let i = 0; i < r.coAgencies.length; i++) s += (i ? ',' : '') + ref(r.coAgencies[i]!);
  s += `],"deadline":${r.deadline === null ? 'null' : quoted(r.deadline)},"flags":[`;
  for (let i = 0; i < r.flags.length; i++) {
    const f = r.flags[i]!;
    s += (i ? ',[' : '[') + quoted(f.code) + values(f.args) + ']';
  }
  s += '],"reasons":[';
  for (let i = 0; i < r.reasons.length; i++) {
    const x = r.reasons[i]!;
    if (i) s += ',';
    if (!x.key) {
      s += JSON.stringify({ rule: x.rule, text: x.text ?? '' });
      continue;
    }
    const count = storedCount(r, x);
    s +=
      count < 0
        ? JSON.stringify({ rule: x.rule, key: x.key, args: x.args })
        : '[' + quoted(x.rule) + ',' + quoted(x.key) + values(x.args, count) + ']';
  }
  return s + `],"guidance":${r.guidance === null ? 'null' : quoted(r.guidance)}}`;
}

const QUOTED_MAX = 5000;
const quotedStrings = new Map<string, string>();

/** A string as JSON writes it, remembered (cleared whole when full: no LRU bookkeeping). */
function quoted(v: string): string {
  let q = quotedStrings.get(v);
  if (q === undefined) {
    q = JSON.stringify(v);
    if (quotedStrings.size >= QUOTED_MAX) quotedStrings.clear();
    quotedStrings.set(v, q);
  }
  return q;
}

/** The organisation snapshot hands out the same object for a person or unit until it is rebuilt. */
const refJson = new WeakMap<object, string>();

function ref(x: object | null): string {
  if (x === null) return 'null';
  let j = refJson.get(x);
  if (j === undefined) {
    j = JSON.stringify(x);
    refJson.set(x, j);
  }
  return j;
}

/** `,v1,v2…` of a flag's or a reason's values (the first `count` of them). */
function values(args: readonly (string | number)[] | undefined, count = args?.length ?? 0): string {
  if (!args) return '';
  let s = '';
  for (let i = 0; i < count; i++) {
    const a = args[i]!;
    s += ',' + (typeof a === 'string' ? quoted(a) : (JSON.stringify(a) ?? 'null'));
  }
  return s;
}

/**
 * Reasons whose last value is the part of the route they set (the first rule to set a part wins
 * it, so on the day the value is the part itself): their number of values. Such a value is stored
 * only when it differs from the route's part, and given back from the part when read. Why: those
 * values repeated the flow and the names of the leader, department and lead agency in every
 * route, about 12 % of its bytes, which every registration sends to the database to be parsed
 * and written. An override changes parts and keeps the reasons: their values then differ from
 * the parts and are stored as they are, so a reason still shows the value of its day.
 */
type Parts = Pick<Route, 'flow' | 'leader' | 'department' | 'leadAgency'>;
const flowOf = (r: Parts) => r.flow;
const leaderOf = (r: Parts) => r.leader?.name;
const departmentOf = (r: Parts) => r.department?.name;
const leadAgencyOf = (r: Parts) => r.leadAgency?.name;

const PART_REASONS: ReadonlyMap<string, { arity: number; part: (r: Parts) => string | undefined }> = new Map([
  ['setFlow', { arity: 1, part: flowOf }],
  ['defaultFlow', { arity: 1, part: flowOf }],
  ['setLeader', { arity: 1, part: leaderOf }],
  ['defaultLeader', { arity: 2, part: leaderOf }], // [date, name]
  ['setDepartment', { arity: 1, part: departmentOf }],
  ['defaultDepartment', { arity: 1, part: departmentOf }],
  ['setLeadAgency', { arity: 1, part: leadAgencyOf }],
  ['defaultAgency', { arity: 1, part: leadAgencyOf }],
]);

/**
 * How many of a reason's values are stored: all, or all but the last when it is the route's own
 * part; -1 for such a reason that lacks its last value (the engine never makes one), stored as an
 * object so that reading it does not supply one.
 */
function storedCount(r: Route, x: Reason): number {
  const args = x.args;
  const n = args?.length ?? 0;
  const kind = PART_REASONS.get(x.key!);
  if (!kind) return n;
  if (kind.arity === n + 1) return -1;
  if (!args || kind.arity !== n) return n;
  const part = kind.part(r);
  return part !== undefined && args[n - 1] === part ? n - 1 : n;
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
      // A value left out because it was the route's own part (storedCount) comes back from the part.
      const kind = PART_REASONS.get(key);
      if (kind?.arity === args.length + 1) {
        const part = kind.part(stored);
        if (part !== undefined) args.push(part);
      }
      return args.length ? { rule, key: key as ReasonKey, args } : { rule, key: key as ReasonKey };
    }),
  };
}
