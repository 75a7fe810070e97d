import type { Queryable } from '../platform/db.js';
import type { Route } from './engine.js';
import type { DocumentForRouting, Reference } from './facts.js';
import type { RoutedDocument } from './service.js';
import { mayKnow, withResubmission, type Resubmission } from './resubmission.js';
import { renderReasons, type ShownReason } from './reasons.js';
import { decodeRoute, encodeRoute } from './route-codec.js';

export interface StoredRoute {
  documentId: string;
  policyVersion: number;
  routeDate: string;
  route: Route;
  field: { code: string | null; source: string; confidence: number | null };
  acted: boolean;
  overridden: boolean;
  overrideReason: string | null;
  computedAt: string;
  /** The open matter this document sends again (resubmission.ts), shown as a flag. */
  resubmission: Resubmission | null;
  /** The rule names of the policy version that routed it, to render the reasons (reasons.ts). */
  ruleNames: ReadonlyMap<string, string>;
}

/** A stored route as a viewer of the given clearance sees it: with the resubmission flag when the document has the link. */
export function shownRoute(s: StoredRoute, clearance: number): Omit<Route, 'reasons'> & { reasons: ShownReason[] } {
  const r = withResubmission(s.route, s.resubmission, clearance);
  return { ...r, reasons: renderReasons(r.reasons, s.ruleNames) };
}

/** A stored route as the API answers it (route.schema.ts StoredRouteOut). */
export const storedRouteOut = (s: StoredRoute, clearance: number) => ({
  ...shownRoute(s, clearance),
  policyVersion: s.policyVersion,
  field: s.field,
  routeDate: s.routeDate,
  acted: s.acted,
  overridden: s.overridden,
  overrideReason: s.overrideReason,
  computedAt: s.computedAt,
  resubmissionOf:
    s.resubmission && mayKnow(s.resubmission, clearance)
      ? { id: s.resubmission.id, arrivalNumber: s.resubmission.arrivalNumber }
      : null,
});

interface Row {
  document_id: string;
  policy_version: number;
  route_date: string;
  route: Parameters<typeof decodeRoute>[0];
  field_code: string | null;
  field_source: string;
  field_confidence: number | null;
  acted: boolean;
  overridden: boolean;
  override_reason: string | null;
  computed_at: Date;
  resubmission_of: string | null;
  resub_arrival_number: number | null;
  resub_flow: string | null;
  resub_secrecy: number | null;
  rule_names: Record<string, string> | null;
}

const toStored = (r: Row): StoredRoute => ({
  documentId: r.document_id,
  policyVersion: r.policy_version,
  routeDate: r.route_date,
  route: decodeRoute(r.route),
  field: { code: r.field_code, source: r.field_source, confidence: r.field_confidence },
  acted: r.acted,
  overridden: r.overridden,
  overrideReason: r.override_reason,
  computedAt: new Date(r.computed_at).toISOString(),
  resubmission: r.resubmission_of
    ? {
        id: r.resubmission_of,
        arrivalNumber: r.resub_arrival_number ?? 0,
        flow: r.resub_flow ?? '',
        secrecy: r.resub_secrecy ?? 0,
      }
    : null,
  ruleNames: new Map(Object.entries(r.rule_names ?? {})),
});

/** A route as register_incoming takes it (stored in the document's route_* columns, migration 0016). */
export interface RouteRow {
  document_id: string;
  policy_version: number;
  route_date: string;
  flow: string;
  /** The route's JSON, as text: stored as it is (a json column), not parsed inside the payload. */
  route: string;
  field_code: string | null;
  field_source: string;
  field_confidence: number | null;
  /** For register_incoming: run resubmission control in the same statement (a commune sender). */
  check_resubmission: boolean;
  /**
   * For register_incoming: the subject's bigrams as an int[] literal, when an open matter or a
   * commune's document needs them (subject-grams.ts); without them it computes them itself.
   */
  subject_grams?: string;
}

export function routeRow(documentId: string, date: string, given: string[], routed: RoutedDocument): RouteRow {
  return {
    document_id: documentId,
    policy_version: routed.policyVersion,
    route_date: date,
    flow: routed.route.flow,
    route: encodeRoute(routed.route),
    field_code: given[0] ?? routed.field?.field ?? null,
    field_source: given.length ? 'given' : routed.field ? routed.field.method : 'none',
    field_confidence: given.length ? 1 : (routed.field?.confidence ?? null),
    check_resubmission: routed.checksResubmission,
  };
}

/** Saves a document's route (in the document's row, migration 0016); answers the routing generation current in the database. */
export async function saveRoute(
  q: Queryable,
  documentId: string,
  date: string,
  given: string[],
  routed: RoutedDocument,
): Promise<string> {
  const r = routeRow(documentId, date, given, routed);
  const rows = await q.query<{ generation: string }>(
    `UPDATE documents SET route_policy_version = $2, route_date = $3, route_flow = $4, route = $5, route_field_code = $6,
       route_field_source = $7, route_field_confidence = $8, route_resubmission_of = $9, route_computed_at = now()
     WHERE id = $1
     RETURNING (SELECT value FROM app_meta WHERE key = 'routing_generation') AS generation`,
    [
      r.document_id,
      r.policy_version,
      r.route_date,
      r.flow,
      r.route,
      r.field_code,
      r.field_source,
      r.field_confidence,
      routed.resubmission?.id ?? null,
    ],
  );
  return rows[0]?.generation ?? '';
}

export async function loadRoute(q: Queryable, documentId: string, forUpdate = false): Promise<StoredRoute | null> {
  const r = (
    await q.query<Row>(
      `SELECT r.id AS document_id, r.route_policy_version AS policy_version, r.route_date, r.route,
         r.route_field_code AS field_code, r.route_field_source AS field_source,
         r.route_field_confidence AS field_confidence, r.route_acted AS acted, r.route_overridden AS overridden,
         r.route_override_reason AS override_reason, r.route_computed_at AS computed_at,
         r.route_resubmission_of AS resubmission_of,
         x.arrival_number AS resub_arrival_number, x.route_flow AS resub_flow, x.secrecy AS resub_secrecy,
         (SELECT jsonb_object_agg(rule->>'id', rule->>'name') FROM routing_policies p,
            jsonb_array_elements(p.policy->'rules') rule WHERE p.version = r.route_policy_version) AS rule_names
       FROM documents r
       LEFT JOIN documents x ON x.id = r.route_resubmission_of
       WHERE r.id = $1 AND r.route_flow IS NOT NULL ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
      [documentId],
    )
  )[0];
  return r ? toStored(r) : null;
}

/** Rebuilds the routing input of a stored incoming document (dry runs, recomputation). */
export async function routingInputOf(
  q: Queryable,
  documentId: string,
): Promise<DocumentForRouting & { duplicateOf: string | null }> {
  const d = (
    await q.query<{
      issuer_unit_id: string | null;
      issuer_name: string;
      code: string | null;
      level: string | null;
      area_code: string | null;
      type: string;
      subject: string;
      full_text: string;
      field_codes: string[];
      urgency: number;
      secrecy: number;
      references_json: Reference[];
      referenced_codes: string[];
      due_date: string | null;
      arrival_date: string;
      duplicate_of: string | null;
    }>(
      `SELECT d.issuer_unit_id, d.issuer_name, u.code, u.level, u.area_code, d.type, d.subject, d.full_text, d.field_codes,
         d.urgency, d.secrecy, d.references_json, d.referenced_codes, d.due_date, d.arrival_date, d.duplicate_of
       FROM documents d LEFT JOIN units u ON u.id = d.issuer_unit_id WHERE d.id = $1`,
      [documentId],
    )
  )[0]!;
  return {
    issuer: { unitId: d.issuer_unit_id, unitCode: d.code, name: d.issuer_name, level: d.level, areaCode: d.area_code },
    type: d.type,
    subject: d.subject,
    text: d.full_text,
    fields: d.field_codes,
    urgency: d.urgency,
    secrecy: d.secrecy,
    references: d.references_json.map((r) => ({ code: r.code, kind: r.kind })),
    referencedCodes: d.referenced_codes,
    dueDate: d.due_date,
    date: d.arrival_date,
    duplicateOf: d.duplicate_of,
  };
}
