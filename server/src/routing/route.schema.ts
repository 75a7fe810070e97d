import { z } from 'zod';
import { builtAsDeclaredOutput } from '../platform/http/serialize.js';

const RefOut = z.object({ id: z.string(), name: z.string() });

/** The route as the API shows it (issue 4 contract), with the policy version that produced it. */
export const RouteOut = z.object({
  flow: z.string(),
  leader: RefOut.nullable(),
  department: RefOut.nullable(),
  leadAgency: RefOut.nullable(),
  coAgencies: z.array(RefOut),
  deadline: z.string().nullable(),
  flags: z.array(z.object({ code: z.string(), message: z.string() })),
  reasons: z.array(z.object({ rule: z.string(), text: z.string() })),
  guidance: z.string().nullable(),
  policyVersion: z.number(),
  field: z.object({ code: z.string().nullable(), source: z.string(), confidence: z.number().nullable() }),
});

/**
 * The route as a registration answers it: the decision without its reasons, which are read with
 * the document (GET /api/documents/:id/route). Reasons are most of a route's bytes, and every
 * registration would otherwise validate, serialise and send them to a client that shows the flow.
 * register-hook.ts brief builds it field by field as declared here, so answers serialise it
 * directly (platform/http/serialize.ts; checked against this schema under test).
 */
export const RouteBriefOut = builtAsDeclaredOutput(RouteOut.omit({ reasons: true }));

export const StoredRouteOut = RouteOut.extend({
  routeDate: z.string(),
  acted: z.boolean(),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  computedAt: z.string(),
  /** The earlier document this one sends again (resubmission control of commune documents). */
  resubmissionOf: z.object({ id: z.string(), arrivalNumber: z.number() }).nullable(),
});

export const ReferenceIn = z.object({
  code: z.string().trim().min(3).max(100),
  issuer: z.object({ unitCode: z.string().max(40).optional(), name: z.string().max(300).optional() }).optional(),
  kind: z.enum(['advice', 'response', 'other']).optional(),
});
