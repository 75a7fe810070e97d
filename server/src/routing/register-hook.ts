import type { Queryable } from '../platform/db.js';
import type { DocumentView } from '../documents/document.store.js';
import { loadRoute, routingInputOf, saveRoute } from './document-route.store.js';
import type { RoutedDocument, Routing } from './service.js';
import type { Reference } from './facts.js';

export interface RouteSummary {
  flow: string;
  leader: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  leadAgency: { id: string; name: string } | null;
  coAgencies: { id: string; name: string }[];
  deadline: string | null;
  flags: { code: string; message: string }[];
  reasons: { rule: string; text: string }[];
  guidance: string | null;
  policyVersion: number;
  field: { code: string | null; source: string; confidence: number | null };
}

export function summary(routed: RoutedDocument, given: string[]): RouteSummary {
  return {
    ...routed.route,
    policyVersion: routed.policyVersion,
    field: {
      code: given[0] ?? routed.field?.field ?? null,
      source: given.length ? 'given' : (routed.field?.method ?? 'none'),
      confidence: given.length ? 1 : (routed.field?.confidence ?? null),
    },
  };
}

/**
 * Every incoming document gets its route at registration, inside the same transaction: the
 * hook for registerIncoming's `beforeNumbering`. It routes on the instance's cached policy and
 * organisation, and the save reports the database's routing generation: if another instance
 * changed the organisation meanwhile, the route is computed again on fresh data.
 */
export function routeOnRegister(routing: Routing, given: { references?: Reference[]; text?: string } = {}) {
  const out: { route: RouteSummary | null } = { route: null };
  const hook = async (q: Queryable, doc: DocumentView, dup: { id: string; arrivalNumber: number } | null) => {
    const input = { ...(await routing.inputOf(q, doc, given.references ?? [])), text: given.text };
    const extras = { duplicateOf: dup, documentId: doc.id };
    let routed = await routing.compute(q, input, extras, undefined, true);
    const generation = await saveRoute(q, doc.id, input.date, input.fields ?? [], routed);
    if (generation !== routed.generation) {
      routed = await routing.compute(q, input, extras);
      await saveRoute(q, doc.id, input.date, input.fields ?? [], routed);
    }
    out.route = summary(routed, input.fields ?? []);
  };
  return { hook, out };
}

/**
 * After a metadata change the route is recomputed, on its original date, until someone has
 * acted on it; an acted-on route stays as it was.
 */
export function routeOnUpdate(routing: Routing) {
  const out: { route: RouteSummary | null } = { route: null };
  const hook = async (q: Queryable, doc: DocumentView) => {
    const stored = await loadRoute(q, doc.id, true);
    const input = await routingInputOf(q, doc.id);
    if (stored?.acted) {
      out.route = { ...stored.route, policyVersion: stored.policyVersion, field: stored.field };
      return;
    }
    const routed = await routing.compute(q, input, {
      documentId: doc.id,
      duplicateOf: input.duplicateOf ? { id: input.duplicateOf, arrivalNumber: null } : null,
    });
    await saveRoute(q, doc.id, input.date, input.fields ?? [], routed);
    out.route = summary(routed, input.fields ?? []);
  };
  return { hook, out };
}
