/**
 * Public holidays of a year, computed from the law: the defaults an administrator then
 * confirms or overrides with each year's official decisions (stored days win, date by date).
 */
import { addDays, isoFromJd, isoFromYmd, jdFromIso, weekdayOfJd } from './civil-date.js';
import { lunarToSolar, solarToLunar } from './lunar.js';

/**
 * - holiday: a public holiday of Bộ luật Lao động 2019, Điều 112 khoản 1 (or a day the
 *   government fixes under khoản 3: the 5 Tết days, the day next to 2/9);
 * - compensation: a day off in lieu of a holiday that fell on a weekly rest day (Điều 111 khoản 3);
 * - government_off: a day off by a government decision beyond the law, usually a swap with a
 *   make-up day (hoán đổi ngày làm việc, e.g. Văn bản 8726/VPCP-KGVX for 2/5/2025);
 * - makeup_workday: a Saturday or Sunday worked in exchange (làm bù);
 * - workday: an ordinary weekday that an official decision keeps as a working day, cancelling a
 *   computed default (e.g. 3/2/2025: no compensation, the 2025 Tết days were fixed otherwise).
 */
export const DAY_KINDS = ['holiday', 'compensation', 'government_off', 'makeup_workday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  name: string;
  kind: DayKind;
  /** The legal basis: an article of law for defaults, the decision's number for official days. */
  basis: string;
}

/** Kinds that make a day a day off; the others make it a working day. */
export function isDayOffKind(kind: DayKind): boolean {
  return kind === 'holiday' || kind === 'compensation' || kind === 'government_off';
}

/**
 * Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ): cán bộ, công chức nghỉ thứ Bảy và Chủ nhật.
 * 0 = Sunday, 6 = Saturday.
 */
export const WEEKLY_REST_DAYS: readonly number[] = [6, 0];

export interface FixedHoliday {
  month: number;
  day: number;
  name: string;
  basis: string;
  /** First year it applies. */
  fromYear: number;
}

export interface HolidayOptions {
  /**
   * The day next to 2/9 (BLLĐ 2019, Điều 112 khoản 1 điểm đ: "01 ngày liền kề trước hoặc sau";
   * khoản 3: the Prime Minister fixes it each year). Default 'before' (1/9), as in 2025.
   */
  nationalDayAdjacent: 'before' | 'after';
  weeklyRestDays: readonly number[];
  /**
   * Further fixed solar-date holidays, for a law that adds one (e.g. the proposed Ngày Văn hóa
   * Việt Nam 24/11 of Nghị quyết 30/NQ-CP (2026), pending an amendment of Điều 112 khoản 1).
   */
  extraFixed: readonly FixedHoliday[];
}

export const DEFAULT_HOLIDAY_OPTIONS: HolidayOptions = {
  nationalDayAdjacent: 'before',
  weeklyRestDays: WEEKLY_REST_DAYS,
  extraFixed: [],
};

const BLLD = 'Bộ luật Lao động 2019';
const KHOAN3 = 'ngày cụ thể do Thủ tướng Chính phủ quyết định hằng năm (khoản 3); đây là ngày mặc định';
const LUNAR_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

/**
 * The statutory holidays of a solar year, before compensation. BLLĐ 2019 (Luật 45/2019/QH14),
 * Điều 112 khoản 1, in force from 1/1/2021; before 2021 BLLĐ 2012, Điều 115 khoản 1 gave the
 * same days except the day next to 2/9.
 */
export function statutoryHolidays(year: number, opts: Partial<HolidayOptions> = {}): CalendarDay[] {
  const o = { ...DEFAULT_HOLIDAY_OPTIONS, ...opts };
  const d = (m: number, day: number) => isoFromYmd(year, m, day);
  const out: CalendarDay[] = [
    { date: d(1, 1), name: 'Tết Dương lịch', kind: 'holiday', basis: `${BLLD}, Điều 112 khoản 1 điểm a` },
  ];
  // Điều 112 khoản 1 điểm b: Tết Âm lịch 05 ngày. Default: the last day of the old year (29 or
  // 30 tháng Chạp) and mùng 1 to mùng 4 tháng Giêng.
  const tet = lunarToSolar({ day: 1, month: 1, year, leap: false });
  const lastDay = addDays(tet, -1);
  out.push({
    date: lastDay,
    // The old year's last month has 29 or 30 days: the day is called "29 Tết" or "30 Tết".
    name: `Tết Âm lịch (${solarToLunar(lastDay).day} tháng Chạp)`,
    kind: 'holiday',
    basis: `${BLLD}, Điều 112 khoản 1 điểm b; ${KHOAN3}`,
  });
  LUNAR_DAY_NAMES.forEach((n, i) =>
    out.push({
      date: addDays(tet, i),
      name: `Tết Âm lịch (${n} tháng Giêng)`,
      kind: 'holiday',
      basis: `${BLLD}, Điều 112 khoản 1 điểm b; ${KHOAN3}`,
    }),
  );
  // Điều 112 khoản 1 điểm e: Giỗ Tổ Hùng Vương, 10/3 âm lịch (in a year with a leap third
  // month, the regular one).
  out.push({
    date: lunarToSolar({ day: 10, month: 3, year, leap: false }),
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    kind: 'holiday',
    basis: `${BLLD}, Điều 112 khoản 1 điểm e`,
  });
  out.push({
    date: d(4, 30),
    name: 'Ngày Chiến thắng (30/4)',
    kind: 'holiday',
    basis: `${BLLD}, Điều 112 khoản 1 điểm c`,
  });
  out.push({
    date: d(5, 1),
    name: 'Ngày Quốc tế Lao động (1/5)',
    kind: 'holiday',
    basis: `${BLLD}, Điều 112 khoản 1 điểm d`,
  });
  out.push({ date: d(9, 2), name: 'Quốc khánh (2/9)', kind: 'holiday', basis: `${BLLD}, Điều 112 khoản 1 điểm đ` });
  if (year >= 2021) {
    const before = o.nationalDayAdjacent === 'before';
    out.push({
      date: d(9, before ? 1 : 3),
      name: `Quốc khánh (ngày liền kề, ${before ? '1/9' : '3/9'})`,
      kind: 'holiday',
      basis: `${BLLD}, Điều 112 khoản 1 điểm đ; ${KHOAN3}`,
    });
  }
  for (const f of o.extraFixed) {
    if (year >= f.fromYear) out.push({ date: d(f.month, f.day), name: f.name, kind: 'holiday', basis: f.basis });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The default calendar of a year: the statutory holidays, and for each one that falls on a
 * weekly rest day (or on a day already off) a compensation day on the next working day
 * (BLLĐ 2019, Điều 111 khoản 3: "nghỉ bù … vào ngày làm việc kế tiếp"). Two holidays on one
 * date (10/3 âm lịch can fall on 30/4 or 1/5) are both owed, so the second is compensated too:
 * the law is silent on this; the government decides, and the day is editable.
 */
export function defaultHolidays(year: number, opts: Partial<HolidayOptions> = {}): CalendarDay[] {
  const o = { ...DEFAULT_HOLIDAY_OPTIONS, ...opts };
  const statutory = statutoryHolidays(year, o);
  const off = new Set<string>();
  const owed: CalendarDay[] = [];
  for (const h of statutory) {
    if (off.has(h.date) || o.weeklyRestDays.includes(weekdayOfJd(jdFromIso(h.date)))) owed.push(h);
    off.add(h.date);
  }
  // Compensation days go after all holidays are placed, in date order, each on the first
  // weekday that is not already off: 29/4 (Sat) and 30/4 (Sun) → 2/5 and 3/5 when 1/5 is Monday.
  const all = [...statutory];
  for (const h of owed) {
    let jd = jdFromIso(h.date) + 1;
    while (o.weeklyRestDays.includes(weekdayOfJd(jd)) || off.has(isoFromJd(jd))) jd++;
    const date = isoFromJd(jd);
    off.add(date);
    all.push({ date, name: `Nghỉ bù ${h.name}`, kind: 'compensation', basis: `${BLLD}, Điều 111 khoản 3` });
  }
  return all.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

export type DaySource = 'default' | 'official';

export interface EffectiveDay extends CalendarDay {
  source: DaySource;
}

/**
 * The effective days of one year: the defaults, each replaced by the stored (official) day of
 * the same date, plus the stored days on other dates. Stored days win, date by date.
 * When two defaults share a date, the stored day replaces both.
 */
export function effectiveYear(
  year: number,
  stored: readonly CalendarDay[],
  opts: Partial<HolidayOptions> = {},
): EffectiveDay[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const official = stored.filter((s) => s.date.startsWith(prefix));
  const overridden = new Set(official.map((s) => s.date));
  const out: EffectiveDay[] = [
    ...defaultHolidays(year, opts)
      .filter((d) => !overridden.has(d.date))
      .map((d) => ({ ...d, source: 'default' as const })),
    ...official.map((d) => ({ date: d.date, name: d.name, kind: d.kind, basis: d.basis, source: 'official' as const })),
  ];
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
