import type { Db, Queryable } from '../platform/db.js';
import type { Resubmission } from '../routing/resubmission.js';
import type { RouteRow } from '../routing/document-route.store.js';

/** One registration as register_incoming_batch (migrations 0013, 0019) takes it. */
export interface RegistrationCall {
  doc: unknown;
  files: unknown[];
  route: RouteRow | null;
  generation: string | null;
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
    const taken = queue.splice(0, MAX_BATCH);
    try {
      const answers = await writeRegistrations(
        db,
        taken.map((t) => t.call),
      );
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
const _everyCallField: Record<Exclude<keyof RegistrationCall, keyof ReturnType<typeof itemOf>>, never> = {};
const _everyRouteField: Record<
  Exclude<keyof RouteRow, keyof ReturnType<typeof routeItem> | 'route' | 'document_id'>,
  never
> = {};
void _everyCallField;
void _everyRouteField;
