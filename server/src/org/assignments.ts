/** A leader's assignment period, as stored. Dates are 'YYYY-MM-DD' (calendar dates, no zone). */
export interface Period {
  id: string;
  validFrom: string;
  validTo: string | null;
}

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function isValidIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today's date in Asia/Ho_Chi_Minh, the only time zone the Office works in. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
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
  return { kind: 'close-and-insert', closeId: open.id, closeTo: dayBefore(validFrom) };
}
