/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for the time zone UTC+7.
 *
 * Method: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (the algorithm behind the calendars
 * published in Vietnam), itself built on J. Meeus, "Astronomical Algorithms" (1998):
 *  - a lunar month starts on the day (in UTC+7) that holds the new moon;
 *  - month 11 is the month that holds the winter solstice (sun longitude 270°);
 *  - a lunar year with 13 months (13 new moons between two months 11) has a leap month:
 *    the first month after month 11 in which the sun enters no new 30° sector
 *    (no major solar term, "trung khí") is the leap month, and repeats the number before it.
 * The time zone matters: Vietnam (UTC+7) and China (UTC+8) sometimes differ, e.g. Tết 2007
 * fell on 17/2 in Vietnam and 18/2 in China; Tết 1985 on 21/1 in Vietnam and 20/2 in China.
 * Accurate for roughly 1800–2199 (the approximations of the new moon and sun longitude).
 */
import { isoFromJd, jdFromIso } from './civil-date.js';

/** Vietnam's official time, in hours east of Greenwich: the zone the Vietnamese lunar calendar is computed for. */
export const VIETNAM_TIME_ZONE = 7;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named after the solar year in which its Tết falls. */
  year: number;
  /** True for the repeated (leap, "nhuận") month. */
  leap: boolean;
}

const INT = Math.floor;
const DR = Math.PI / 180;
/** Mean length of a synodic month, in days. */
const SYNODIC = 29.530588853;
/** Julian date of the new moon of 1900-01-01, the origin of the lunation count k. */
const K0 = 2415021.076998695;

/** Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus ch. 49, shortened series). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 += -0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 += -0.0004 * Math.sin(DR * 3 * Mpr);
  c1 += 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 += -0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 += -0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 += 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  // ΔT (TT − UT) in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent longitude of the sun, in radians in [0, 2π), at Julian date jdn (Meeus ch. 25, low precision). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - 2 * Math.PI * INT(L / (2 * Math.PI));
}

/** The 30° sector (0..11) of the sun's longitude at local midnight starting day `dayNumber`. */
function sunSector(dayNumber: number, tz: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian day number of the local day holding the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return INT(newMoon(k) + 0.5 + tz / 24);
}

/** First day of the lunar month 11 (the one holding the winter solstice) that begins in solar year yy. */
function lunarMonth11(yy: number, tz: number): number {
  const off = jdFromIso(`${String(yy).padStart(4, '0')}-12-31`) - 2415021;
  const k = INT(off / SYNODIC);
  const nm = newMoonDay(k, tz);
  // Sector ≥ 9 means the sun is already past 270°: the solstice fell in the month before.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Which month after month 11 (1-based offset) is the leap month, in a 13-month year starting at a11. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - K0) / SYNODIC + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a solar date 'YYYY-MM-DD' (Vietnam, UTC+7). */
export function solarToLunar(date: string, tz = VIETNAM_TIME_ZONE): LunarDate {
  const dayNumber = jdFromIso(date);
  const yy = Number(date.slice(0, 4));
  // The month holding the day starts at the last new moon on or before it. The mean lunation
  // only estimates k: the true new moon can be a day or more away from the mean one (e.g.
  // 2054-05-07), so step until newMoonDay(k) <= dayNumber < newMoonDay(k + 1).
  let k = INT((dayNumber - K0) / SYNODIC);
  while (newMoonDay(k, tz) > dayNumber) k--;
  while (newMoonDay(k + 1, tz) <= dayNumber) k++;
  const monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** Julian day number of the first day of a lunar month, or null if that (leap) month does not exist. */
function monthStartJd(month: number, year: number, leap: boolean, tz: number): number | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1, tz), lunarMonth11(year, tz)]
      : [lunarMonth11(year, tz), lunarMonth11(year + 1, tz)];
  const k = INT(0.5 + (a11 - K0) / SYNODIC);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off, tz);
}

/** 29 or 30, or null when the month does not exist (e.g. a leap flag on a month that is not leap that year). */
export function lunarMonthLength(month: number, year: number, leap = false, tz = VIETNAM_TIME_ZONE): number | null {
  const start = monthStartJd(month, year, leap, tz);
  if (start === null) return null;
  // The next month starts at the next new moon: 29 or 30 days later.
  const next = solarToLunar(isoFromJd(start + 29), tz);
  return next.day === 1 ? 29 : 30;
}

/** The leap month of a lunar year (1..12), or null if the year has 12 months. */
export function leapMonthOf(year: number, tz = VIETNAM_TIME_ZONE): number | null {
  for (let m = 1; m <= 12; m++) if (monthStartJd(m, year, true, tz) !== null) return m;
  return null;
}

/**
 * The solar date 'YYYY-MM-DD' of a lunar date (Vietnam, UTC+7).
 * @throws RangeError for a date that does not exist: a day beyond the month's 29 or 30 days,
 * or `leap` on a month that is not the leap month of that year.
 */
export function lunarToSolar(l: LunarDate, tz = VIETNAM_TIME_ZONE): string {
  const start = monthStartJd(l.month, l.year, l.leap, tz);
  const length = start === null ? null : lunarMonthLength(l.month, l.year, l.leap, tz);
  if (start === null || length === null || !Number.isInteger(l.day) || l.day < 1 || l.day > length) {
    throw new RangeError(`No such lunar date: ${l.day}/${l.month}${l.leap ? ' nhuận' : ''}/${l.year}`);
  }
  return isoFromJd(start + l.day - 1);
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

export interface CanChi {
  day: string;
  month: string;
  year: string;
}

/**
 * Sexagenary names (can chi) of a solar date's lunar day, month and year. 1984 was a Giáp Tý
 * year; month 1 is always a Dần month, its stem set by the
 * year's; a leap month takes the name of the month it repeats. Day 2000-01-01 was Mậu Ngọ.
 */
export function canChiOf(date: string, tz = VIETNAM_TIME_ZONE): CanChi {
  const l = solarToLunar(date, tz);
  const jd = jdFromIso(date);
  const name = (stem: number, branch: number) => `${CAN[((stem % 10) + 10) % 10]} ${CHI[((branch % 12) + 12) % 12]}`;
  return {
    day: name(jd + 9, jd + 1),
    month: name(l.year * 12 + l.month + 3, l.month + 1),
    year: name(l.year + 6, l.year + 8),
  };
}
