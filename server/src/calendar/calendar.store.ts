import type { Queryable } from '../platform/db.js';
import { AppError, invalid } from '../platform/errors.js';
import { appendAudit, type Actor } from '../audit/audit.store.js';
import { bumpRoutingGeneration } from '../org/generation.js';
import { isoFromYmd, jdFromIso, weekdayOf } from './civil-date.js';
import {
  type CalendarDay,
  type DayKind,
  DEFAULT_HOLIDAY_OPTIONS,
  effectiveYear,
  type EffectiveDay,
  type HolidayOptions,
} from './holidays.js';
import {
  buildWorkCalendar,
  CalendarRangeError,
  computeDeadline,
  type DeadlineRule,
  type WorkCalendar,
  yearsForDeadline,
} from './working-days.js';

const SELECT = `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, basis FROM calendar_days`;

/** The stored (official) days of years fromYear..toYear, in date order. */
export async function storedDays(q: Queryable, fromYear: number, toYear: number): Promise<CalendarDay[]> {
  return q.query<CalendarDay>(`${SELECT} WHERE date >= $1::date AND date <= $2::date ORDER BY date`, [
    isoFromYmd(fromYear, 1, 1),
    isoFromYmd(toYear, 12, 31),
  ]);
}

/** The effective calendar of years fromYear..toYear: computed defaults, overridden by stored days. */
export async function loadCalendar(
  q: Queryable,
  fromYear: number,
  toYear: number,
  opts: Partial<HolidayOptions> = DEFAULT_HOLIDAY_OPTIONS,
): Promise<WorkCalendar> {
  return buildWorkCalendar(fromYear, toYear, await storedDays(q, fromYear, toYear), opts);
}

/** One year's special days, each marked 'default' (computed) or 'official' (stored). */
export async function calendarYear(
  q: Queryable,
  year: number,
  opts: Partial<HolidayOptions> = DEFAULT_HOLIDAY_OPTIONS,
): Promise<EffectiveDay[]> {
  return effectiveYear(year, await storedDays(q, year, year), opts);
}

/**
 * A deadline on the stored calendar. Loads the years the rule needs, and more if an unusual
 * number of stored days off pushes the count past them.
 */
export async function deadlineOn(
  q: Queryable,
  from: string,
  rule: DeadlineRule,
  opts: Partial<HolidayOptions> = DEFAULT_HOLIDAY_OPTIONS,
): Promise<string> {
  const { fromYear, toYear: firstToYear } = yearsForDeadline(from, rule);
  let toYear = firstToYear;
  for (;;) {
    const cal = await loadCalendar(q, fromYear, toYear, opts);
    try {
      return computeDeadline(from, rule, cal);
    } catch (e) {
      if (!(e instanceof CalendarRangeError) || toYear - fromYear > 100) throw e;
      toYear += toYear - fromYear + 1;
    }
  }
}

export interface DayInput {
  name: string;
  kind: DayKind;
  basis: string;
}

/** Arbitrary but fixed: the first key of the per-date advisory lock taken while editing a day. */
const CALENDAR_LOCK_SPACE = 7_302_110;

async function lockDate(q: Queryable, date: string): Promise<CalendarDay | undefined> {
  // One writer per date at a time, so the audit's before/after are exact even when the row
  // does not exist yet (FOR UPDATE cannot lock a missing row).
  await q.query('SELECT pg_advisory_xact_lock($1, $2)', [CALENDAR_LOCK_SPACE, jdFromIso(date)]);
  return (await q.query<CalendarDay>(`${SELECT} WHERE date = $1::date`, [date]))[0];
}

/** Make-up days are Saturdays or Sundays; an ordinary working day kept by decision is a weekday. */
export function checkDayKind(date: string, kind: DayKind): void {
  const weekend = [0, 6].includes(weekdayOf(date));
  if (kind === 'makeup_workday' && !weekend) throw invalid('kind', 'CALENDAR_MAKEUP_NOT_WEEKEND', { date });
  if (kind === 'workday' && weekend) throw invalid('kind', 'CALENDAR_WORKDAY_ON_WEEKEND', { date });
}

/** Stores (creates or replaces) the official day of a date, audited in the caller's transaction. */
export async function upsertCalendarDay(
  q: Queryable,
  actor: Actor,
  date: string,
  input: DayInput,
): Promise<EffectiveDay> {
  checkDayKind(date, input.kind);
  const before = await lockDate(q, date);
  const after: CalendarDay = { date, name: input.name, kind: input.kind, basis: input.basis };
  if (before && before.name === after.name && before.kind === after.kind && before.basis === after.basis) {
    return { ...after, source: 'official' };
  }
  await q.query(
    `INSERT INTO calendar_days (date, kind, name, basis) VALUES ($1::date, $2, $3, $4)
     ON CONFLICT (date) DO UPDATE SET kind = $2, name = $3, basis = $4, updated_at = now()`,
    [date, input.kind, input.name, input.basis],
  );
  // Route deadlines are counted on this calendar: cached copies must be rebuilt.
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, before ? 'update' : 'create', 'calendar_day', date, before ?? null, after);
  return { ...after, source: 'official' };
}

/**
 * Removes the official day of a date, audited; the date falls back to its computed default.
 * @returns the date's effective day afterwards (its default), or null for an ordinary day
 */
export async function deleteCalendarDay(
  q: Queryable,
  actor: Actor,
  date: string,
  opts: Partial<HolidayOptions> = DEFAULT_HOLIDAY_OPTIONS,
): Promise<EffectiveDay | null> {
  const before = await lockDate(q, date);
  if (!before) throw new AppError('CALENDAR_DAY_NOT_STORED', 404, 'date', { date });
  await q.query('DELETE FROM calendar_days WHERE date = $1::date', [date]);
  // Route deadlines are counted on this calendar: cached copies must be rebuilt.
  await bumpRoutingGeneration(q);
  await appendAudit(q, actor, 'delete', 'calendar_day', date, before, null);
  const year = Number(date.slice(0, 4));
  return effectiveYear(year, [], opts).find((d) => d.date === date) ?? null;
}
