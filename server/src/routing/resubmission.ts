import type { Queryable } from '../platform/db.js';
import type { Route } from './engine.js';

/**
 * Resubmission control, one of the four checks on a commune's document (domain.md §4): the
 * same sender sends again, with a near-identical subject, a matter that was returned to it or
 * is still with an agency for advice. The comparison runs in the database (find_resubmission,
 * migration 0015): at registration inside register_incoming, elsewhere through findResubmission.
 * The result is stored as a link (document_routes.resubmission_of) and shown as a flag.
 */
export interface Resubmission {
  id: string;
  arrivalNumber: number;
  /** The earlier document's flow: RETURN_TO_SENDER (returned) or SEND_TO_AGENCY_FOR_ADVICE (pending). */
  flow: string;
}

export async function findResubmission(
  q: Queryable,
  sender: { unitId: string | null; name: string },
  subject: string,
  selfId: string | null,
): Promise<Resubmission | null> {
  const [r] = await q.query<{ id: string; arrival_number: number; flow: string }>(
    `SELECT * FROM find_resubmission(document_sender_key($1::uuid, $2), subject_grams($3), $4::uuid)`,
    [sender.unitId, sender.name, subject, selfId],
  );
  return r ? { id: r.id, arrivalNumber: r.arrival_number, flow: r.flow } : null;
}

/** The route as shown: with the RESUBMISSION flag and its reason when the document has the link. */
export function withResubmission<R extends Pick<Route, 'flags' | 'reasons'>>(route: R, r: Resubmission | null): R {
  if (!r) return route;
  return {
    ...route,
    flags: [
      ...route.flags,
      {
        code: 'RESUBMISSION',
        message: `Gửi lại nội dung của văn bản đến số ${r.arrivalNumber} (${r.flow === 'RETURN_TO_SENDER' ? 'đã trả lại' : 'đang xử lý'}).`,
      },
    ],
    reasons: [
      ...route.reasons,
      { rule: 'facts', text: `Cùng cơ quan gửi và trích yếu gần giống văn bản đến số ${r.arrivalNumber}.` },
    ],
  };
}
