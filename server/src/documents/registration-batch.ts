import type { Db, Queryable } from '../platform/db.js';
import type { Resubmission } from '../routing/resubmission.js';
import type { RouteRow } from '../routing/document-route.store.js';
import type { RoutePlan } from '../routing/register-hook.js';

/** One registration as register_incoming_batch (migrations 0013, 0019) takes it. */
export interface RegistrationCall {
  doc: unknown;
  files: unknown[];
  route: RouteRow | null;
  generation: string | null;
  /**
   * Plans the route right before the write (planRoutes), which then sets `route` and
   * `generation`; null when the document is not routed.
   */
  planner: RoutePlanner | null;
  checkDuplicate: boolean;
  scope: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  after: unknown;
  head: string;
  tail: string;
}

/** A registration's route, to be planned (an object, not a closure per registration: see routing/register-hook.ts). */
export interface RoutePlanner {
  /** The plan made at once on the instance's caches, or null when something must be read first. */
  planNow(): RoutePlan | null;
  plan(): Promise<RoutePlan>;
}

export interface RegistrationAnswer {
  arrivalNumber?: number;
  stale?: boolean;
  duplicate?: { id: string; arrivalNumber: number; arrivalDate: string };
  /** The open matter this registration sends again (routing/resubmission.ts). */
  resubmission?: Resubmission;
  error?: { code: string; message: string };
}

/** The most registrations one transaction takes: each is a subtransaction, and PostgreSQL caches 64 per backend. */
const MAX_BATCH = 32;

export type RegistrationBatch = (call: RegistrationCall) => Promise<RegistrationAnswer>;

/**
 * Plans the routes of the calls that carry a planner, and sets them on the calls; answers, per
 * call, the error its planning threw (undefined when none). The plans are made one after another:
 * on the instance's caches each is made at once (routing/register-hook.ts planNow), so a batch's
 * routes are computed back to back, on code and tables still in the processor's caches. Planned
 * one per request, in between the other requests' parsing, validation and database answers, the
 * same plan took about four times as long in the documents benchmark (56 µs at the median
 * against 15 µs in a loop). When every plan was made at once the answer is not a promise, so
 * that the batch's write can go out before anything else runs (registrationBatch).
 */
export function planRoutes(calls: RegistrationCall[]): unknown[] | Promise<unknown[]> {
  const errors: unknown[] = new Array(calls.length);
  let waiting: Promise<void>[] | null = null;
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i]!;
    if (!c.planner) continue;
    let now: RoutePlan | null;
    try {
      now = c.planner.planNow();
    } catch (e) {
      errors[i] = e;
      continue;
    }
    if (now) setPlan(c, now);
    else
      (waiting ??= []).push(
        c.planner.plan().then(
          (plan) => setPlan(c, plan),
          (e: unknown) => {
            errors[i] = e;
          },
        ),
      );
  }
  return waiting ? Promise.all(waiting).then(() => errors) : errors;
}

function setPlan(c: RegistrationCall, plan: RoutePlan): void {
  c.route = plan.row;
  c.generation = plan.generation;
}

/**
 * Writes one batch of registrations in one statement; inside a caller's transaction it is part of it.
 * Each route's JSON (already text, route-codec.ts) goes beside the items as element i of a json
 * array, not inside item i: there JSON.stringify would escape every quote of it again, and the
 * database would unescape it (migration 0019).
 */
export async function writeRegistrations(q: Queryable, calls: RegistrationCall[]): Promise<RegistrationAnswer[]> {
  const items = calls.map(itemOf);
  const routes = `[${calls.map((c) => c.route?.route ?? 'null').join(',')}]`;
  const [row] = await q.query<{ r: RegistrationAnswer[] }>('SELECT register_incoming_batch($1, $2) AS r', [
    JSON.stringify(items),
    routes,
  ]);
  return row!.r;
}

/**
 * Item i of the batch, written out field by field: one object shape for every registration,
 * which JSON.stringify walks fast, where spreading the call and its route made objects of
 * varying shapes that it walked slowly (the routed side's profile showed it).
 */
function itemOf(c: RegistrationCall) {
  return {
    doc: c.doc,
    files: c.files,
    route: c.route && routeItem(c.route),
    generation: c.generation,
    checkDuplicate: c.checkDuplicate,
    scope: c.scope,
    at: c.at,
    actorId: c.actorId,
    actorName: c.actorName,
    action: c.action,
    after: c.after,
    head: c.head,
    tail: c.tail,
  };
}

/** In the item stay the route's other parts: its JSON goes beside the items, and the document's id is the item's own. */
function routeItem(r: RouteRow) {
  return {
    policy_version: r.policy_version,
    route_date: r.route_date,
    flow: r.flow,
    field_code: r.field_code,
    field_source: r.field_source,
    field_confidence: r.field_confidence,
    check_resubmission: r.check_resubmission,
    subject_grams: r.subject_grams,
  };
}

const batches = new WeakMap<Db, RegistrationBatch>();

/**
 * Group commit for registrations on one app instance. Every registration of a register queues
 * on its arrival-number row until the holder commits; one at a time, each waits for the lock to
 * be handed over and for its own commit. Here, while one batch is being written, the requests
 * that arrive wait in memory and go together as the next batch: one lock hand-over and one
 * commit for all of them. Alone, a request goes at once. Numbers stay exact: the batch holds
 * the row lock like a single registration does, across instances too.
 */
export function registrationBatch(db: Db): RegistrationBatch {
  let batch = batches.get(db);
  if (batch) return batch;
  const queue: { call: RegistrationCall; resolve: (a: RegistrationAnswer) => void; reject: (e: unknown) => void }[] =
    [];
  let writing = false;
  const pump = async (): Promise<void> => {
    if (writing || queue.length === 0) return;
    writing = true;
    let taken = queue.splice(0, MAX_BATCH);
    try {
      // Planned at once (no await), the batch's write goes out before the answers of the previous
      // batch are handed back (their callers run afterwards): the database writes while they run.
      const planned = planRoutes(taken.map((t) => t.call));
      const errors = Array.isArray(planned) ? planned : await planned;
      // A registration whose route could not be planned fails alone, with its own error.
      taken = taken.filter((t, i) => {
        if (errors[i] === undefined) return true;
        t.reject(errors[i]);
        return false;
      });
      const answers = taken.length
        ? await writeRegistrations(
            db,
            taken.map((t) => t.call),
          )
        : [];
      taken.forEach((t, i) => t.resolve(answers[i]!));
    } catch (e) {
      // The whole transaction failed: nothing of the batch was written.
      for (const t of taken) t.reject(e);
    } finally {
      writing = false;
      void pump();
    }
  };
  batch = (call) =>
    new Promise<RegistrationAnswer>((resolve, reject) => {
      queue.push({ call, resolve, reject });
      void pump();
    });
  batches.set(db, batch);
  return batch;
}

// A field added to a call or to a route row must be sent (or left out here on purpose): these
// stop compiling until it is.
const _everyCallField: Record<Exclude<keyof RegistrationCall, keyof ReturnType<typeof itemOf> | 'planner'>, never> = {};
const _everyRouteField: Record<
  Exclude<keyof RouteRow, keyof ReturnType<typeof routeItem> | 'route' | 'document_id'>,
  never
> = {};
void _everyCallField;
void _everyRouteField;
