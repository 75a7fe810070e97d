/**
 * Calendar dates as 'YYYY-MM-DD' strings (no time, no zone), and their Julian day numbers
 * for arithmetic. A date is a day in Vietnam; nothing here ever consults the machine's zone.
 */

/** Julian day number of a proleptic Gregorian date (Fliegel–Van Flandern). */
export function jdFromYmd(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return (
    d +
    Math.floor((153 * mm + 2) / 5) +
    365 * yy +
    Math.floor(yy / 4) -
    Math.floor(yy / 100) +
    Math.floor(yy / 400) -
    32045
  );
}

export function ymdFromJd(jd: number): [y: number, m: number, d: number] {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return [
    100 * b + d - 4800 + Math.floor(m / 10),
    m + 3 - 12 * Math.floor(m / 10),
    e - Math.floor((153 * m + 2) / 5) + 1,
  ];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoFromYmd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isoFromJd(jd: number): string {
  return isoFromYmd(...ymdFromJd(jd));
}

/** True for an existing date written exactly 'YYYY-MM-DD' (2026-02-30 and 2026-2-3 are false). */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && isoFromJd(jdFromYmd(y, mo, d)) === s;
}

/** Julian day number of an ISO date; throws on a malformed or non-existent date. */
export function jdFromIso(s: string): number {
  if (!isValidIsoDate(s)) throw new RangeError(`Not a date: ${s}`);
  return jdFromYmd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOfJd(jd: number): number {
  return (jd + 1) % 7;
}

export function weekdayOf(iso: string): number {
  return weekdayOfJd(jdFromIso(iso));
}

export function addDays(iso: string, n: number): string {
  return isoFromJd(jdFromIso(iso) + n);
}

/** Today's date in Vietnam (UTC+7, no daylight saving): the only zone the Office works in. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Month labels YYYY-MM, oldest first, the last `n` months ending with the month of `today`. */
export function lastMonths(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - n + i, 1)).toISOString().slice(0, 7));
}

/** dd/MM/yyyy, the Vietnamese way of writing a date. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
