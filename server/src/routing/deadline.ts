import type { Queryable } from '../platform/db.js';
import { buildWorkCalendar, type WorkCalendar } from '../calendar/working-days.js';
import type { CalendarDay } from '../calendar/holidays.js';

/** Reads the official days an administrator stored for the years; defaults fill the rest. */
export type StoredDaysLoader = (q: Queryable, fromYear: number, toYear: number) => Promise<CalendarDay[]>;

/**
 * Route deadlines are counted on the Vietnamese working calendar (calendar/): working days skip
 * weekends, holidays and government days off, and count make-up working days. The calendar of
 * a date's year and the two after it covers any route deadline (at most 365 days).
 */
export function calendarLoader(loadStored: StoredDaysLoader) {
  return async (q: Queryable, year: number): Promise<WorkCalendar> =>
    buildWorkCalendar(year, year + 2, await loadStored(q, year, year + 2));
}
