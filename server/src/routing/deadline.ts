import type { Queryable } from '../platform/db.js';
import { buildWorkCalendar, computeDeadline, type DeadlineRule } from '../calendar/working-days.js';
import type { CalendarDay } from '../calendar/holidays.js';

/** Reads the official days an administrator stored for the years; defaults fill the rest. */
export type StoredDaysLoader = (q: Queryable, fromYear: number, toYear: number) => Promise<CalendarDay[]>;

/**
 * Route deadlines counted on the Vietnamese working calendar (calendar/): working days skip
 * weekends, holidays and government days off, and count make-up working days.
 */
export function calendarDeadlines(loadStored: StoredDaysLoader) {
  return async (q: Queryable, from: string, rule: DeadlineRule): Promise<string> => {
    const y = Number(from.slice(0, 4));
    // A year and a half of slack covers any route deadline (at most 365 days).
    const cal = buildWorkCalendar(y, y + 2, await loadStored(q, y, y + 2));
    return computeDeadline(from, rule, cal);
  };
}
