/**
 * Working days (ngày làm việc) and deadlines, on an effective calendar built from the
 * computed defaults and the official days an administrator stored. Pure: no I/O.
 *
 * How a deadline is counted (Bộ luật Dân sự 2015):
 *  - Điều 147 khoản 2: the day the period starts from is not counted; counting starts the next day.
 *  - Điều 148 khoản 1: the period ends at the end of its last day.
 *  - Điều 148 khoản 5: when the last day is a weekly rest day or a holiday, the period ends at
 *    the end of the next working day.
 */
import { isoFromJd, jdFromIso, weekdayOfJd, yearOf } from './civil-date.js';
import {
  type CalendarDay,
  DEFAULT_HOLIDAY_OPTIONS,
  effectiveYear,
  type EffectiveDay,
  type HolidayOptions,
  isDayOffKind,
} from './holidays.js';

/** Asked about a date outside the years the calendar was built for. */
export class CalendarRangeError extends RangeError {
  constructor(readonly date: string) {
    super(`Date ${date} is outside the calendar's years`);
  }
}

export interface WorkCalendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly weeklyRestDays: readonly number[];
  /** Every special date of the covered years (day off, make-up or kept working day), by date. */
  readonly days: ReadonlyMap<string, EffectiveDay>;
}

/**
 * The effective calendar of years fromYear..toYear: defaults of holidays.ts, overridden date by
 * date by the stored official days (`stored` may hold other years: they are ignored).
 */
export function buildWorkCalendar(
  fromYear: number,
  toYear: number,
  stored: readonly CalendarDay[],
  opts: Partial<HolidayOptions> = {},
): WorkCalendar {
  if (!(Number.isInteger(fromYear) && Number.isInteger(toYear) && fromYear <= toYear)) {
    throw new RangeError(`Bad calendar years ${fromYear}..${toYear}`);
  }
  const o = { ...DEFAULT_HOLIDAY_OPTIONS, ...opts };
  const days = new Map<string, EffectiveDay>();
  for (let y = fromYear; y <= toYear; y++) {
    // Two defaults on one date (both off) collapse to the first: the date is off either way.
    for (const d of effectiveYear(y, stored, o)) if (!days.has(d.date)) days.set(d.date, d);
  }
  return { fromYear, toYear, weeklyRestDays: o.weeklyRestDays, days };
}

function isWorkingJd(jd: number, cal: WorkCalendar): boolean {
  const iso = isoFromJd(jd);
  const y = yearOf(iso);
  if (y < cal.fromYear || y > cal.toYear) throw new CalendarRangeError(iso);
  const special = cal.days.get(iso);
  if (special) return !isDayOffKind(special.kind);
  return !cal.weeklyRestDays.includes(weekdayOfJd(jd));
}

/**
 * Monday to Friday (Quyết định 188/1999/QĐ-TTg), except days off (holidays, compensation days,
 * government days off), plus the make-up Saturdays and Sundays.
 * @throws CalendarRangeError outside the calendar's years
 */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return isWorkingJd(jdFromIso(date), cal);
}

/** `date` itself if it is a working day, else the next working day (BLDS 2015, Điều 148 khoản 5). */
export function onOrNextWorkingDay(date: string, cal: WorkCalendar): string {
  let jd = jdFromIso(date);
  while (!isWorkingJd(jd, cal)) jd++;
  return isoFromJd(jd);
}

/**
 * The deadline `n` working days after `from`: the n-th working day strictly after `from`
 * (BLDS 2015, Điều 147 khoản 2: the starting day is not counted), whether or not `from` itself
 * is a working day. n = 0 means "on the day": `from` if it is a working day, else the next one.
 * E.g. 3 working days from Wednesday 29/4/2026 is 6/5/2026 (30/4, 1/5 and the weekend are off).
 * @throws RangeError if n is not a non-negative integer; CalendarRangeError past the calendar's years
 */
export function addWorkingDays(from: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  if (n === 0) return onOrNextWorkingDay(from, cal);
  let jd = jdFromIso(from);
  for (let left = n; left > 0;) {
    jd++;
    if (isWorkingJd(jd, cal)) left--;
  }
  return isoFromJd(jd);
}

/** Plain date arithmetic: `from` plus n calendar days (n may be negative). No calendar needed. */
export function addCalendarDays(from: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Calendar days must be a whole number: ${n}`);
  return isoFromJd(jdFromIso(from) + n);
}

/**
 * The number of working days in (a, b]: after a, up to and including b; negative when b < a,
 * 0 when equal. The inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) = n
 * for n ≥ 1. Used for "days late": workingDaysBetween(deadline, doneOn).
 */
export function workingDaysBetween(a: string, b: string, cal: WorkCalendar): number {
  const ja = jdFromIso(a);
  const jb = jdFromIso(b);
  if (jb < ja) return -workingDaysBetween(b, a, cal);
  let n = 0;
  for (let jd = ja + 1; jd <= jb; jd++) if (isWorkingJd(jd, cal)) n++;
  return n;
}

/** A legal time limit: its amount and unit, stored with every rule (domain.md §5). */
export interface DeadlineRule {
  amount: number;
  unit: 'working_days' | 'calendar_days';
}

/**
 * The last day of a time limit counted from `from` (the day of receipt, of the decision…):
 * - working_days: addWorkingDays(from, amount);
 * - calendar_days: from + amount days; if that day is not a working day, the next working day
 *   (BLDS 2015, Điều 148 khoản 5). amount 0 gives `from`, or the next working day.
 */
export function computeDeadline(from: string, rule: DeadlineRule, cal: WorkCalendar): string {
  if (!Number.isInteger(rule.amount) || rule.amount < 0) throw new RangeError(`Bad amount: ${rule.amount}`);
  return rule.unit === 'working_days'
    ? addWorkingDays(from, rule.amount, cal)
    : onOrNextWorkingDay(addCalendarDays(from, rule.amount), cal);
}

/**
 * The years a calendar must cover to compute a deadline: the start's year and enough after it.
 * A year has at least ~240 working days (365 − 104 weekend days − about 20 days off), so
 * amount/200 years plus one spare covers even generous extra days off. For calendar days,
 * the end year plus one (the roll forward may cross New Year).
 */
export function yearsForDeadline(from: string, rule: DeadlineRule): { fromYear: number; toYear: number } {
  const y = yearOf(from);
  if (rule.unit === 'calendar_days') return { fromYear: y, toYear: yearOf(addCalendarDays(from, rule.amount)) + 1 };
  return { fromYear: y, toYear: y + Math.ceil(rule.amount / 200) + 1 };
}
