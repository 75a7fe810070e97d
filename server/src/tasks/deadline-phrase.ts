/**
 * The time limit of a task, read from the task's own words ("hoàn thành trước ngày 30/4/2026",
 * "trong quý II năm 2026", "trong 10 ngày làm việc", "thường xuyên"). Pure: no I/O.
 *
 * How the words become a date (Bộ luật Dân sự 2015, Chương X "Thời hạn"):
 *  - Điều 146 khoản 3: đầu tháng = ngày đầu tiên, giữa tháng = ngày 15, cuối tháng = ngày cuối
 *    cùng của tháng; khoản 4: đầu năm = 1/1, giữa năm = ngày cuối cùng của tháng 6, cuối năm =
 *    ngày cuối cùng của tháng 12. So "trong tháng 3/2026" and "cuối tháng 3/2026" end on 31/3,
 *    "6 tháng đầu năm 2026" / "giữa năm 2026" on 30/6, "trong năm 2026" on 31/12.
 *  - Điều 147 khoản 2: a period counted in days, weeks, months is counted from the day after
 *    the starting day ("trong 15 ngày" from the notice of 12/2 ends on 27/2).
 *  - Điều 148 khoản 1: the period ends at the end of its last day; khoản 2–3: a period in weeks
 *    or months ends on the corresponding day of the last week or month (or that month's last
 *    day when it has no such day); khoản 5: when the last day is a weekly rest day or a holiday,
 *    it ends at the end of the next working day — which needs the work calendar.
 *
 * Choices (what the law does not settle):
 *  - "trước ngày 15/3/2026", "chậm nhất ngày 15/3/2026", "hoàn thành trước 15/3/2026" all give
 *    2026-03-15: the named day is the last day of the time limit, as the Office's follow-up
 *    practice records it (a report that arrives on 15/3 is on time). A named day is kept as
 *    written even on a weekend: the signer chose it; Điều 148 khoản 5 is applied to counted
 *    periods only.
 *  - "trước" a named period is literal: "trước tháng 6/2026" → 2026-05-31, "trước năm 2027" →
 *    2026-12-31 (reading it inclusively would push the limit a whole period later).
 *  - A period needs a lead-in ("trong", "trước", "chậm nhất", "hoàn thành", "thời hạn:", "hết",
 *    "cuối", "đến hết", or the start of a sentence or bracket): "báo cáo kết quả quý I/2026",
 *    "sơ kết 6 tháng đầu năm 2026" name what is reported on, not when.
 *  - A date or period without the year takes the notice's year, or the next year when that day
 *    has already passed on the notice's date ("trước 30/6" in a notice of 10/7/2026 → 30/6/2027).
 *  - Relative periods count from the notice's date (Điều 147 khoản 2). Working days need the
 *    work calendar: without one the deadline is left empty (WORKING_DAYS_NEED_CALENDAR), never
 *    approximated. Calendar days without a calendar are counted but not moved past days off
 *    (flag NOT_ADJUSTED_FOR_DAYS_OFF).
 *  - Continuous tasks ("thường xuyên", "hằng tháng/quý/năm", "định kỳ", "tiếp tục", "trong
 *    thời gian đến/tới") have no deadline: recurring = true, deadline = null. They are followed
 *    up by periodic reports, not by a due date. A date in the same text wins over the wording
 *    ("Trong năm 2026 … Thường xuyên …" → 2026-12-31, not recurring).
 *  - Several dates: the earliest (the first milestone), flag MULTIPLE_DEADLINES. Dates before
 *    the notice's date are references to the past and yield to any later one.
 *  - Anything that looks like a time limit but cannot be read — "trước ngày 30/02/2026",
 *    "trước ngày 15/3/26", "trong tháng 13/2026", "trước Tết Nguyên đán" — gives no date and
 *    flag DEADLINE_UNREADABLE: a person sets it.
 */
import { addDays, isoFromYmd, isValidIsoDate, jdFromYmd, isoFromJd, yearOf } from '../calendar/civil-date.js';
import { addWorkingDays, CalendarRangeError, onOrNextWorkingDay, type WorkCalendar } from '../calendar/working-days.js';
import { foldVietnamese } from '../platform/text.js';

export interface DeadlineParse {
  /** The last day, 'YYYY-MM-DD', or null (recurring, unreadable, missing, or needs a calendar). */
  deadline: string | null;
  /** A continuous task: no deadline, followed up periodically. */
  recurring: boolean;
  /** The words the deadline (or the recurrence) was read from, as written. */
  phrase: string | null;
  flags: string[];
}

/** Flags a parse can carry; a reviewer should look at every task with one of the first five. */
export const DEADLINE_FLAGS = {
  /** No time limit in the text. */
  NO_DEADLINE: 'NO_DEADLINE',
  /** Looks like a time limit but is not a date (30/02, a two-digit year, "trước Tết"…). */
  UNREADABLE: 'DEADLINE_UNREADABLE',
  /** "trong 10 ngày làm việc" and no work calendar given: not computed. */
  WORKING_DAYS_NEED_CALENDAR: 'WORKING_DAYS_NEED_CALENDAR',
  /** The counted period runs past the years the given calendar covers. */
  OUTSIDE_CALENDAR: 'OUTSIDE_CALENDAR',
  /** A day-month without a year, or a relative period, and no notice date to anchor it. */
  NEEDS_ISSUED_DATE: 'NEEDS_ISSUED_DATE',
  /** Several different dates; the earliest was taken. */
  MULTIPLE: 'MULTIPLE_DEADLINES',
  /** The only date found is before the notice's date. */
  BEFORE_ISSUED_DATE: 'DEADLINE_PAST',
  /** Calendar days counted without a calendar: the last day may be a day off (Điều 148 khoản 5). */
  NOT_ADJUSTED_FOR_DAYS_OFF: 'NOT_ADJUSTED_FOR_DAYS_OFF',
  /** "kể từ ngày nhận được …": counted from the notice's date, the receipt date is unknown here. */
  COUNTED_FROM_ISSUED_DATE: 'COUNTED_FROM_ISSUED_DATE',
} as const;

// ---------------------------------------------------------------------------------------------
// Folding with a map back to the original text

/**
 * `foldVietnamese` applied character by character, keeping where each folded character came
 * from, so that a match in the folded text can be cut out of the original. Runs of white space
 * become one character: '\n' if the run holds a line break, else ' '.
 */
export interface FoldedText {
  text: string;
  /** Original index where folded character i starts, and where it ends (exclusive). */
  start: number[];
  end: number[];
}

export function foldIndexed(s: string): FoldedText {
  const chars: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const cache = new Map<string, string>();
  let i = 0;
  for (const ch of s) {
    const at = i;
    i += ch.length;
    const last = chars.length - 1;
    if (/\s/.test(ch)) {
      if (last >= 0 && (chars[last] === ' ' || chars[last] === '\n')) {
        if (ch === '\n') chars[last] = '\n';
        end[last] = i;
        continue;
      }
      chars.push(ch === '\n' ? '\n' : ' ');
      start.push(at);
      end.push(i);
      continue;
    }
    let f = cache.get(ch);
    if (f === undefined) {
      f = foldVietnamese(ch);
      cache.set(ch, f);
    }
    if (f === '') {
      // A combining mark of decomposed input: it belongs to the previous character.
      if (last >= 0) end[last] = i;
      continue;
    }
    for (const c of f) {
      chars.push(c);
      start.push(at);
      end.push(i);
    }
  }
  return { text: chars.join(''), start, end };
}

/** The original text behind folded characters [from, to). */
export function originalSlice(original: string, f: FoldedText, from: number, to: number): string {
  if (to <= from) return '';
  return original.slice(f.start[from]!, f.end[to - 1]!);
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers

function lastDayOfMonth(y: number, m: number): string {
  return isoFromJd(jdFromYmd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1);
}

/** Điều 148 khoản 3: the corresponding day of the last month, or that month's last day. */
function addMonths(iso: string, n: number): string {
  const y = yearOf(iso);
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = lastDayOfMonth(ty, tm);
  return Number(last.slice(8, 10)) < d ? last : isoFromYmd(ty, tm, d);
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

// ---------------------------------------------------------------------------------------------
// Patterns (on folded text: lower case, no diacritics, đ → d)

/** Not preceded by a letter or digit. */
const B = '(?<![a-z0-9])';
/** Not followed by a letter or digit. */
const E = '(?![a-z0-9])';

/** Words that introduce a named day. */
const DATE_LEAD =
  '(?:hoan thanh(?: xong)?(?: truoc| vao| trong)?|xong(?: truoc| trong)?|cham nhat(?: la)?(?: vao| trong| truoc)?|' +
  'thoi han(?: hoan thanh| thuc hien| xu ly| bao cao| gui)?|han chot|han hoan thanh|han|truoc|' +
  '(?<!tinh )den het|(?<!tinh )den|khong qua|khong muon hon|ngay trong|vao|trong)';
/** A day and month, maybe a year: 15/3/2026, 15-3-2026, 15.3.2026, 15 tháng 3 năm 2026, 15/3. */
const DATE_CORE =
  '(?<d>\\d{1,2})\\s*(?:[/.\\-]|\\s+thang\\s+)\\s*(?<m>\\d{1,2})(?:\\s*(?:[/.\\-]|\\s+nam\\s+)\\s*(?<y>\\d{1,4}))?(?![\\d/])';
/** Words that introduce a named period (month, quarter, half, year). */
const PERIOD_MARK =
  '(?:hoan thanh(?: xong)?(?: trong| truoc| vao)?|xong(?: trong| truoc)?|cham nhat(?: la)?(?: vao| trong| truoc)?|' +
  'thoi han(?: hoan thanh| thuc hien)?|thoi gian(?: hoan thanh| thuc hien)|han chot|han hoan thanh|han|' +
  '(?<!tinh )den het|het|ngay trong|trong vong|trong|truoc|vao)';
/**
 * A period's lead-in: a marker word (group "mark"), or the start of a sentence or bracket, then
 * maybe "cuối / giữa / đầu" (group "mod", which may also stand alone).
 */
const PERIOD_LEAD = (bareAllowed: boolean) =>
  `(?:${B}(?<mark>${PERIOD_MARK})\\s*:?\\s*|${bareAllowed ? '(?<=(?:^|[.;:(\\n–\\-])\\s*)|' : ''}${B}(?<!thang\\s)(?=(?:cuoi|giua|dau)\\s))` +
  '(?:(?<mod>cuoi|giua|dau)\\s+)?';
const YEAR_TAIL = '(?:\\s*(?:[/.\\-]|\\s+nam\\s+)\\s*(?<year>\\d{4}))?';

const RE_DATE = new RegExp(`${B}(?<lead>${DATE_LEAD})\\s*:?\\s*(?:ngay\\s+)?${DATE_CORE}`, 'g');
/** "trước ngày 20" — a day without a month: fine in a monthly task, unreadable otherwise. */
const RE_DAY_ONLY = new RegExp(
  `${B}(?:truoc|cham nhat(?: la)?(?: vao)?|han chot|han|thoi han|hoan thanh truoc|xong truoc)\\s*:?\\s*ngay\\s+\\d{1,2}(?![\\d/.\\-]|\\s*(?:thang|\\/))`,
  'g',
);
/** "trước ngày" followed by no number at all ("trước ngày khai giảng"). */
const RE_DAY_WORDS = new RegExp(
  `${B}(?:truoc|cham nhat(?: la)?(?: vao)?|han chot|thoi han(?: hoan thanh)?|hoan thanh truoc|xong truoc|khong qua|khong muon hon|(?<!tinh )den het)\\s*:?\\s*ngay(?!\\s*\\d)(?:\\s+[^\\s.,;:()]+){1,3}`,
  'g',
);
const RE_TET = new RegExp(
  `${B}(?:hoan thanh truoc|xong truoc|cham nhat(?: la)?(?: truoc)?|truoc|trong dip)\\s+(?:dip\\s+)?tet${E}(?:\\s+nguyen dan)?(?:\\s+[a-z]+\\s+[a-z]+(?=\\s+(?:nam\\s+)?\\d{4}))?(?:\\s+(?:nam\\s+)?\\d{4})?`,
  'g',
);
const RE_MONTH = new RegExp(
  `${PERIOD_LEAD(true)}thang\\s+(?<month>\\d{1,2})(?![\\d])${YEAR_TAIL}(?![\\d/])(?!\\s+(?:dau|cuoi)\\s+nam)`,
  'g',
);
const RE_QUARTER = new RegExp(`${PERIOD_LEAD(true)}quy\\s+(?<q>iv|i{1,3}|v|\\d)${E}${YEAR_TAIL}(?![\\d/])`, 'g');
const RE_HALF = new RegExp(
  `${PERIOD_LEAD(true)}(?:(?<n>\\d{1,2})\\s+thang|(?<half>nua))\\s+(?<which>dau|cuoi)\\s+nam(?:\\s+(?<year>\\d{4})|\\s+nay)?${E}`,
  'g',
);
/** "trong năm 2026", "hết năm 2026", "cuối năm 2026", "trong năm" (then a stop: this year). */
const RE_YEAR = new RegExp(
  `${PERIOD_LEAD(false)}nam(?:\\s+(?<year>\\d{4})${E}|\\s+nay${E}|(?=\\s*(?:[,.;:)!?]|$)))`,
  'g',
);
const RE_RELATIVE = new RegExp(
  `${B}(?:trong vong|trong thoi han|trong thoi gian|trong|khong qua|cham nhat(?: la)?(?: sau)?|sau)\\s+` +
    `(?<amount>\\d{1,3})(?:\\s*\\([a-z ]+\\))?\\s+(?<unit>ngay lam viec|ngay|tuan|thang)${E}(?!\\s+(?:dau|cuoi)\\s+nam)` +
    '(?:\\s*,?\\s*(?:ke tu|tinh tu)\\s+(?<from>[^,.;()\\n]{0,60}))?',
  'g',
);
const RE_RECURRING = new RegExp(
  `${B}(?:thuong xuyen|dinh ky|hang (?:ngay|tuan|thang|quy|nam)|tiep tuc|trong thoi gian (?:den|toi))${E}`,
  'g',
);

interface Candidate {
  start: number;
  end: number;
  /** A date, or null with flags saying why (unreadable, needs a calendar…). */
  date: string | null;
  flags: string[];
  dayOnly?: boolean;
}

const unreadable = (start: number, end: number): Candidate => ({
  start,
  end,
  date: null,
  flags: [DEADLINE_FLAGS.UNREADABLE],
});

function* matches(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** Start of the match without the white space a zero-width lead may leave in front. */
function trimmedStart(s: string, m: RegExpExecArray): number {
  let i = m.index;
  while (i < m.index + m[0].length && /\s/.test(s[i]!)) i++;
  return i;
}

/**
 * A date that may lack its year: the notice's year, or the next one if already passed.
 * `make(y)` gives the date in year y, or null if it does not exist.
 */
function anchored(
  make: (y: number) => string | null,
  year: number | null,
  issued: string | null,
): { date: string | null; flags: string[] } {
  if (year !== null) {
    const d = make(year);
    return d ? { date: d, flags: [] } : { date: null, flags: [DEADLINE_FLAGS.UNREADABLE] };
  }
  if (!issued) return { date: null, flags: [DEADLINE_FLAGS.NEEDS_ISSUED_DATE] };
  const y = yearOf(issued);
  const d = make(y);
  if (!d) {
    // 29/2 without a year: exists in some years only; do not guess.
    return { date: null, flags: [DEADLINE_FLAGS.UNREADABLE] };
  }
  if (d >= issued) return { date: d, flags: [] };
  const next = make(y + 1);
  return next ? { date: next, flags: [] } : { date: null, flags: [DEADLINE_FLAGS.UNREADABLE] };
}

function isBefore(mark: string | undefined): boolean {
  return !!mark && /truoc$/.test(mark);
}

function collect(s: string, issued: string | null, cal: WorkCalendar | undefined): Candidate[] {
  const out: Candidate[] = [];

  for (const m of matches(RE_DATE, s)) {
    const start = trimmedStart(s, m);
    const end = m.index + m[0].length;
    const day = Number(m.groups!.d);
    const month = Number(m.groups!.m);
    const yearText = m.groups!.y;
    if (yearText !== undefined && yearText.length !== 4) {
      out.push(unreadable(start, end));
      continue;
    }
    const make = (y: number) => {
      const iso = isoFromYmd(y, month, day);
      return isValidIsoDate(iso) ? iso : null;
    };
    const r = anchored(make, yearText === undefined ? null : Number(yearText), issued);
    out.push({ start, end, ...r });
  }

  for (const m of matches(RE_DAY_ONLY, s)) {
    out.push({ ...unreadable(trimmedStart(s, m), m.index + m[0].length), dayOnly: true });
  }
  for (const re of [RE_DAY_WORDS, RE_TET]) {
    for (const m of matches(re, s)) out.push(unreadable(trimmedStart(s, m), m.index + m[0].length));
  }

  for (const m of matches(RE_MONTH, s)) {
    const g = m.groups!;
    const start = trimmedStart(s, m);
    const end = m.index + m[0].length;
    const month = Number(g.month);
    if (month < 1 || month > 12) {
      out.push(unreadable(start, end));
      continue;
    }
    const before = isBefore(g.mark) && !g.mod;
    const make = (y: number): string => {
      if (before) return addDays(isoFromYmd(y, month, 1), -1);
      if (g.mod === 'dau') return isoFromYmd(y, month, 1);
      if (g.mod === 'giua') return isoFromYmd(y, month, 15);
      return lastDayOfMonth(y, month);
    };
    out.push({ start, end, ...anchored(make, g.year ? Number(g.year) : null, issued) });
  }

  for (const m of matches(RE_QUARTER, s)) {
    const g = m.groups!;
    const start = trimmedStart(s, m);
    const end = m.index + m[0].length;
    const q = /^\d+$/.test(g.q!) ? Number(g.q) : (ROMAN[g.q!] ?? 0);
    if (q < 1 || q > 4 || g.mod === 'giua') {
      out.push(unreadable(start, end));
      continue;
    }
    const before = isBefore(g.mark) && !g.mod;
    const make = (y: number): string => {
      if (before) return addDays(isoFromYmd(y, 3 * q - 2, 1), -1);
      if (g.mod === 'dau') return isoFromYmd(y, 3 * q - 2, 1);
      return lastDayOfMonth(y, 3 * q);
    };
    out.push({ start, end, ...anchored(make, g.year ? Number(g.year) : null, issued) });
  }

  for (const m of matches(RE_HALF, s)) {
    const g = m.groups!;
    const start = trimmedStart(s, m);
    const end = m.index + m[0].length;
    const n = g.half ? 6 : Number(g.n);
    if (n < 1 || n > 12) {
      out.push(unreadable(start, end));
      continue;
    }
    // "N tháng đầu năm" ends with month N; "N tháng cuối năm" with the year.
    const make = (y: number): string => (g.which === 'dau' ? lastDayOfMonth(y, n) : isoFromYmd(y, 12, 31));
    out.push({ start, end, ...anchored(make, g.year ? Number(g.year) : null, issued) });
  }

  for (const m of matches(RE_YEAR, s)) {
    const g = m.groups!;
    if (!g.mark && !g.mod) continue;
    const start = trimmedStart(s, m);
    const end = m.index + m[0].length;
    const before = isBefore(g.mark) && !g.mod;
    const make = (y: number): string => {
      if (before) return isoFromYmd(y - 1, 12, 31);
      if (g.mod === 'dau') return isoFromYmd(y, 1, 1);
      if (g.mod === 'giua') return isoFromYmd(y, 6, 30);
      return isoFromYmd(y, 12, 31);
    };
    if (g.year) {
      out.push({ start, end, date: make(Number(g.year)), flags: [] });
    } else if (issued) {
      // "trong năm", "năm nay": the notice's year, even if its end is near.
      out.push({ start, end, date: make(yearOf(issued)), flags: [] });
    } else {
      out.push({ start, end, date: null, flags: [DEADLINE_FLAGS.NEEDS_ISSUED_DATE] });
    }
  }

  for (const m of matches(RE_RELATIVE, s)) {
    const g = m.groups!;
    const start = trimmedStart(s, m);
    const end = m.index + m[0].length;
    const amount = Number(g.amount);
    const flags: string[] = [];
    if (g.from !== undefined && !/\b(ky|ban hanh|thong bao|van ban nay)\b/.test(g.from)) {
      // Receipt: close to the notice's date, counted from it and flagged. Another event
      // ("kể từ ngày khai giảng"): its date is unknown here.
      if (!/\bnhan\b/.test(g.from)) {
        out.push(unreadable(start, end));
        continue;
      }
      flags.push(DEADLINE_FLAGS.COUNTED_FROM_ISSUED_DATE);
    }
    if (!issued) {
      out.push({ start, end, date: null, flags: [DEADLINE_FLAGS.NEEDS_ISSUED_DATE] });
      continue;
    }
    if (g.unit === 'ngay lam viec') {
      if (!cal) {
        out.push({ start, end, date: null, flags: [...flags, DEADLINE_FLAGS.WORKING_DAYS_NEED_CALENDAR] });
        continue;
      }
      try {
        out.push({ start, end, date: addWorkingDays(issued, amount, cal), flags });
      } catch (e) {
        if (!(e instanceof CalendarRangeError)) throw e;
        out.push({ start, end, date: null, flags: [...flags, DEADLINE_FLAGS.OUTSIDE_CALENDAR] });
      }
      continue;
    }
    // Điều 147 khoản 2 (the notice's day is not counted), Điều 148 khoản 1–3.
    const raw =
      g.unit === 'thang' ? addMonths(issued, amount) : addDays(issued, g.unit === 'tuan' ? 7 * amount : amount);
    if (!cal) {
      out.push({ start, end, date: raw, flags: [...flags, DEADLINE_FLAGS.NOT_ADJUSTED_FOR_DAYS_OFF] });
      continue;
    }
    try {
      // Điều 148 khoản 5: a last day that is a day off moves to the next working day.
      out.push({ start, end, date: onOrNextWorkingDay(raw, cal), flags });
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
      out.push({ start, end, date: null, flags: [...flags, DEADLINE_FLAGS.OUTSIDE_CALENDAR] });
    }
  }
  return out;
}

/** Overlapping candidates: the one that starts first wins, then the longer one. */
function withoutOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * The deadline of a task from its text. `issuedDate` ('YYYY-MM-DD', the notice's date) anchors
 * dates without a year and relative periods; `calendar` is needed for working days and to move a
 * counted period's last day past days off. See the file comment for the rules.
 */
export function parseDeadlinePhrase(text: string, issuedDate: string | null, calendar?: WorkCalendar): DeadlineParse {
  const issued = issuedDate && isValidIsoDate(issuedDate) ? issuedDate : null;
  const f = foldIndexed(text);
  const s = f.text;
  const phraseOf = (c: { start: number; end: number }) =>
    originalSlice(text, f, c.start, c.end)
      .replace(/^[\s.;:,(–-]+/, '')
      .replace(/[\s,;:]+$/, '')
      .replace(/\s+/g, ' ');

  const recurringMatch = matches(RE_RECURRING, s).next();
  const recurring = recurringMatch.done ? null : recurringMatch.value;

  let cands = withoutOverlaps(collect(s, issued, calendar));
  // "báo cáo trước ngày 20 hằng tháng": the day belongs to the recurrence.
  if (recurring) cands = cands.filter((c) => !c.dayOnly);

  const bad = cands.find((c) => c.flags.includes(DEADLINE_FLAGS.UNREADABLE));
  if (bad) return { deadline: null, recurring: false, phrase: phraseOf(bad), flags: [DEADLINE_FLAGS.UNREADABLE] };

  const pending = cands.filter((c) => c.date === null);
  if (pending.length) {
    return {
      deadline: null,
      recurring: false,
      phrase: phraseOf(pending[0]!),
      flags: uniq(pending.flatMap((c) => c.flags)),
    };
  }

  if (cands.length) {
    const future = issued ? cands.filter((c) => c.date! >= issued) : cands;
    const pool = future.length ? future : cands;
    const best = pool.reduce((a, b) => (b.date! < a.date! ? b : a));
    const flags = [...best.flags];
    if (new Set(pool.map((c) => c.date)).size > 1) flags.push(DEADLINE_FLAGS.MULTIPLE);
    if (issued && best.date! < issued) flags.push(DEADLINE_FLAGS.BEFORE_ISSUED_DATE);
    return { deadline: best.date, recurring: false, phrase: phraseOf(best), flags: uniq(flags) };
  }

  if (recurring) {
    return {
      deadline: null,
      recurring: true,
      phrase: phraseOf({ start: recurring.index, end: recurring.index + recurring[0].length }),
      flags: [],
    };
  }
  return { deadline: null, recurring: false, phrase: null, flags: [DEADLINE_FLAGS.NO_DEADLINE] };
}
