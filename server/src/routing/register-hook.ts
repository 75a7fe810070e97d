import type { Queryable } from '../platform/db.js';
import type { DocumentView } from '../documents/document.store.js';
import { loadRoute, routeRow, routingInputOf, saveRoute, shownRoute, type RouteRow } from './document-route.store.js';
import { OPEN_FLOWS, withResubmission, type Resubmission } from './resubmission.js';
import { gramsLiteral, subjectGrams } from './subject-grams.js';
import type { RoutedDocument, Routing } from './service.js';
import type { DocumentForRouting, Reference } from './facts.js';
import { renderReasons, type ShownReason } from './reasons.js';

export interface RouteSummary {
  flow: string;
  leader: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  leadAgency: { id: string; name: string } | null;
  coAgencies: { id: string; name: string }[];
  deadline: string | null;
  flags: { code: string; message: string }[];
  reasons: ShownReason[];
  guidance: string | null;
  policyVersion: number;
  field: { code: string | null; source: string; confidence: number | null };
}

/** The route as answered to a viewer of the given clearance (see withResubmission). */
export function summary(routed: RoutedDocument, given: string[], clearance: number): RouteSummary {
  const shown = withResubmission(routed.route, routed.resubmission, clearance);
  return {
    ...shown,
    reasons: renderReasons(shown.reasons, routed.ruleNames),
    policyVersion: routed.policyVersion,
    field: fieldOf(routed, given),
  };
}

export type RouteBrief = Omit<RouteSummary, 'reasons'>;

const refOut = (x: { id: string; name: string }) => ({ id: x.id, name: x.name });

/**
 * The route as a registration answers it: the decision without its reasons (nothing to render),
 * built field by field as route.schema.ts RouteBriefOut declares it (flags without the values
 * their messages were rendered with).
 */
function brief(routed: RoutedDocument, given: string[], clearance: number): RouteBrief {
  const r = routed.route;
  const flags = routed.resubmission ? withResubmission(r, routed.resubmission, clearance).flags : r.flags;
  return {
    flow: r.flow,
    leader: r.leader && refOut(r.leader),
    department: r.department && refOut(r.department),
    leadAgency: r.leadAgency && refOut(r.leadAgency),
    coAgencies: r.coAgencies.map(refOut),
    deadline: r.deadline,
    flags: flags.map((f) => ({ code: f.code, message: f.message })),
    guidance: r.guidance,
    policyVersion: routed.policyVersion,
    field: fieldOf(routed, given),
  };
}

const fieldOf = (routed: RoutedDocument, given: string[]): RouteSummary['field'] => ({
  code: given[0] ?? routed.field?.field ?? null,
  source: given.length ? 'given' : (routed.field?.method ?? 'none'),
  confidence: given.length ? 1 : (routed.field?.confidence ?? null),
});

/**
 * What registration stores for a route: the row, and the routing generation it was computed on.
 * `written` receives what the write found: the open matter this document sends again.
 */
export interface RoutePlan {
  row: RouteRow;
  generation: string;
  written: (resubmission: Resubmission | null) => void;
}

/** What registerIncoming calls to route a document before writing it (its `route` option). */
export interface RegistrationRouter {
  /** The plan made at once on the instance's caches, or null when something must be read first (then `plan`). */
  planNow(doc: DocumentView, duplicateOf: { id: string; arrivalNumber: number } | null): RoutePlan | null;
  /** The plan after reading what it needs: called when planNow gave none, or on fresh data (`fresh`). */
  plan(
    q: Queryable,
    doc: DocumentView,
    duplicateOf: { id: string; arrivalNumber: number } | null,
    fresh: boolean,
  ): Promise<RoutePlan>;
}

/**
 * Every incoming document gets its route at registration: registerIncoming's `route` option.
 * The route is computed just before the document is written, with the other registrations of
 * its batch (documents/registration-batch.ts planRoutes), on the instance's cached policy and
 * organisation; the write (register_incoming_batch) refuses it if the database's routing generation
 * has moved meanwhile (another instance changed the organisation or the policy), and then it is
 * computed again on fresh data (`fresh`). `route` holds the answer's route once written.
 *
 * A class, not closures made per registration: the server runs under tsx, whose esbuild output
 * names every such closure with a defineProperty call (keepNames), and those calls were about
 * 7 µs of each registration's CPU in the documents benchmark's profile.
 */
export class RouteOnRegister implements RegistrationRouter {
  route: RouteBrief | null = null;

  constructor(
    private readonly routing: Routing,
    private readonly clearance: number,
    private readonly given: { references?: Reference[]; text?: string },
  ) {}

  planNow(doc: DocumentView, dup: { id: string; arrivalNumber: number } | null): RoutePlan | null {
    const input = this.routing.inputOfCached(doc, this.given.references ?? []);
    if (!input) return null;
    // A fresh object from the service, so its text is set in place (a spread copied it whole).
    input.text = this.given.text;
    const routed = this.routing.computeCached(input, extrasOf(doc, dup));
    return routed ? this.planned(doc, input, routed) : null;
  }

  async plan(
    q: Queryable,
    doc: DocumentView,
    dup: { id: string; arrivalNumber: number } | null,
    fresh: boolean,
  ): Promise<RoutePlan> {
    const routing = this.routing;
    if (fresh) await routing.fresh(q);
    const refs = this.given.references ?? [];
    const input = (fresh ? null : routing.inputOfCached(doc, refs)) ?? (await routing.inputOf(q, doc, refs));
    input.text = this.given.text;
    return this.planned(doc, input, await routing.compute(q, input, extrasOf(doc, dup), undefined, !fresh));
  }

  private planned(doc: DocumentView, input: DocumentForRouting, routed: RoutedDocument): RoutePlan {
    const row = routeRow(doc.id, input.date, input.fields ?? [], routed);
    if (routed.checksResubmission || OPEN_FLOWS.has(row.flow))
      row.subject_grams = gramsLiteral(subjectGrams(doc.subject));
    return new PlannedRoute(this, row, routed, input.fields ?? [], this.clearance);
  }
}

/** Registration does not look the resubmission up: the write finds it (resubmission.ts). */
const extrasOf = (doc: DocumentView, dup: { id: string; arrivalNumber: number } | null) => ({
  duplicateOf: dup,
  documentId: doc.id,
  lookupResubmission: false,
});

class PlannedRoute implements RoutePlan {
  readonly generation: string;

  constructor(
    private readonly answer: { route: RouteBrief | null },
    readonly row: RouteRow,
    private readonly routed: RoutedDocument,
    private readonly fields: string[],
    private readonly clearance: number,
  ) {
    this.generation = routed.generation;
  }

  written(resubmission: Resubmission | null): void {
    // The answer carries the decision; its reasons are read with the document (route.schema.ts RouteBriefOut).
    this.answer.route = brief({ ...this.routed, resubmission }, this.fields, this.clearance);
  }
}

export function routeOnRegister(
  routing: Routing,
  clearance: number,
  given: { references?: Reference[]; text?: string } = {},
): RouteOnRegister {
  return new RouteOnRegister(routing, clearance, given);
}

/**
 * After a metadata change the route is recomputed, on its original date, until someone has
 * acted on it; an acted-on route stays as it was.
 */
export function routeOnUpdate(routing: Routing, clearance: number) {
  const out: { route: RouteSummary | null } = { route: null };
  const hook = async (q: Queryable, doc: DocumentView) => {
    const stored = await loadRoute(q, doc.id, true);
    const input = await routingInputOf(q, doc.id);
    if (stored?.acted) {
      out.route = { ...shownRoute(stored, clearance), policyVersion: stored.policyVersion, field: stored.field };
      return;
    }
    const routed = await routing.compute(q, input, {
      documentId: doc.id,
      duplicateOf: input.duplicateOf ? { id: input.duplicateOf, arrivalNumber: null } : null,
    });
    await saveRoute(q, doc.id, input.date, input.fields ?? [], routed);
    out.route = summary(routed, input.fields ?? [], clearance);
  };
  return { hook, out };
}
