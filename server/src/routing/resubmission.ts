import type { Queryable } from '../platform/db.js';
import type { Route } from './engine.js';
import { gramsLiteral, subjectGrams } from './subject-grams.js';

/**
 * Resubmission control, one of the four checks on a commune's document (domain.md §4): the
 * same sender sends again, with a near-identical subject, a matter that was returned to it or
 * is still with an agency for advice. The comparison runs in the database (find_resubmission,
 * migration 0015): at registration inside register_incoming, elsewhere through findResubmission.
 * The result is stored as a link (documents.route_resubmission_of) and shown as a flag.
 */
export interface Resubmission {
  id: string;
  arrivalNumber: number;
  /** The earlier document's flow: RETURN_TO_SENDER (returned) or SEND_TO_AGENCY_FOR_ADVICE (pending). */
  flow: string;
  /** The earlier document's secrecy: someone not cleared for it sees the flag, not which document. */
  secrecy: number;
}

/** The flows of an open matter, the ones resubmission control looks back at (documents_route_open_idx, migration 0016). */
export const OPEN_FLOWS: ReadonlySet<string> = new Set(['RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE']);

export async function findResubmission(
  q: Queryable,
  sender: { unitId: string | null; name: string },
  subject: string,
  selfId: string | null,
): Promise<Resubmission | null> {
  const [r] = await q.query<{ id: string; arrival_number: number; flow: string; secrecy: number }>(
    // The bigrams as registration sends them (subject-grams.ts: the same set as subject_grams in SQL).
    `SELECT * FROM find_resubmission(document_sender_key($1::uuid, $2), $3::int[], $4::uuid)`,
    [sender.unitId, sender.name, gramsLiteral(subjectGrams(subject)), selfId],
  );
  return r ? { id: r.id, arrivalNumber: r.arrival_number, flow: r.flow, secrecy: r.secrecy } : null;
}

/** Whether a viewer may know which document is sent again (Luật Bảo vệ bí mật nhà nước 2018: need to know). */
export const mayKnow = (r: Resubmission, clearance: number): boolean => r.secrecy <= clearance;

/**
 * The route as shown to a viewer of the given clearance: with the RESUBMISSION flag and its
 * reason when the document has the link. The earlier document's number is left out for a viewer
 * not cleared for it.
 */
export function withResubmission<R extends Pick<Route, 'flags' | 'reasons'>>(
  route: R,
  r: Resubmission | null,
  clearance: number,
): R {
  if (!r) return route;
  const state = r.flow === 'RETURN_TO_SENDER' ? 'đã trả lại' : 'đang xử lý';
  const which = mayKnow(r, clearance) ? `văn bản đến số ${r.arrivalNumber}` : 'một văn bản đến có độ mật';
  return {
    ...route,
    flags: [...route.flags, { code: 'RESUBMISSION', message: `Gửi lại nội dung của ${which} (${state}).` }],
    reasons: [...route.reasons, { rule: 'facts', key: 'resubmission', args: [which] }],
  };
}
