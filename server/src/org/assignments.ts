import { addDays } from '../calendar/civil-date.js';

/** A leader's assignment period, as stored. Dates are 'YYYY-MM-DD' (calendar dates, no zone). */
export interface Period {
  id: string;
  validFrom: string;
  validTo: string | null;
}

export type ChangePlan =
  | { kind: 'insert' }
  | { kind: 'close-and-insert'; closeId: string; closeTo: string }
  | { kind: 'replace'; replaceId: string }
  | { kind: 'reject'; currentFrom: string };

/**
 * A new assignment from `validFrom` ends the open one the day before, so that history
 * answers "who was in charge on date D" with exactly one row. A change dated on the open
 * period's own first day replaces it; one dated earlier would rewrite history and is refused.
 */
export function planAssignmentChange(open: Period | undefined, validFrom: string): ChangePlan {
  if (!open) return { kind: 'insert' };
  if (validFrom === open.validFrom) return { kind: 'replace', replaceId: open.id };
  if (validFrom < open.validFrom) return { kind: 'reject', currentFrom: open.validFrom };
  return { kind: 'close-and-insert', closeId: open.id, closeTo: addDays(validFrom, -1) };
}
