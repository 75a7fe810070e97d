import { describe, expect, it } from 'vitest';
import type { CalendarDay } from './holidays.js';
import {
  addCalendarDays,
  addWorkingDays,
  buildWorkCalendar,
  CalendarRangeError,
  computeDeadline,
  isWorkingDay,
  onOrNextWorkingDay,
  workingDaysBetween,
  yearsForDeadline,
} from './working-days.js';

/** The 2026 official days of the migration that differ from, or confirm, the defaults. */
const OFFICIAL_2026: CalendarDay[] = [
  { date: '2026-01-02', name: 'Nghỉ hoán đổi', kind: 'government_off', basis: 'Văn bản 12729/VPCP-KGVX' },
  { date: '2026-01-10', name: 'Làm bù', kind: 'makeup_workday', basis: 'Văn bản 12729/VPCP-KGVX' },
  { date: '2026-02-16', name: 'Tết Âm lịch', kind: 'holiday', basis: 'Thông báo 9441/TB-BNV' },
];
const cal = buildWorkCalendar(2025, 2027, OFFICIAL_2026);

describe('acceptance', () => {
  it('3 working days from Wednesday 29/4/2026 is 6/5/2026 (30/4 Thu and 1/5 Fri are holidays)', () => {
    expect(addWorkingDays('2026-04-29', 3, cal)).toBe('2026-05-06');
  });

  it('1 working day from Friday 13/2/2026 is Monday 23/2/2026 (Tết: off Monday 16/2 to Friday 20/2)', () => {
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-23');
    for (const d of ['2026-02-14', '2026-02-16', '2026-02-17', '2026-02-20', '2026-02-22']) {
      expect(isWorkingDay(d, cal), d).toBe(false);
    }
  });
});

describe('isWorkingDay', () => {
  it('weekdays work, weekends rest, days off rest, make-up weekends work', () => {
    expect(isWorkingDay('2026-03-02', cal)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-27', cal)).toBe(false); // compensation for Giỗ Tổ on Sunday 26/4
    expect(isWorkingDay('2026-01-02', cal)).toBe(false); // government day off (swap)
    expect(isWorkingDay('2026-01-10', cal)).toBe(true); // make-up Saturday
  });

  it('refuses dates outside the calendar’s years rather than guessing', () => {
    expect(() => isWorkingDay('2028-01-03', cal)).toThrow(CalendarRangeError);
    expect(() => addWorkingDays('2027-12-30', 5, cal)).toThrow(CalendarRangeError);
  });
});

describe('addWorkingDays', () => {
  it('n = 0 is the day itself when it is a working day, else the next working day', () => {
    expect(addWorkingDays('2026-03-04', 0, cal)).toBe('2026-03-04');
    expect(addWorkingDays('2026-03-07', 0, cal)).toBe('2026-03-09');
    expect(addWorkingDays('2026-04-30', 0, cal)).toBe('2026-05-04');
  });

  it('does not count the starting day, even a working one (BLDS 2015, Điều 147 khoản 2)', () => {
    expect(addWorkingDays('2026-03-02', 1, cal)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-06', 1, cal)).toBe('2026-03-09'); // Friday → Monday
  });

  it('starting on a day off counts from the first working day after it', () => {
    expect(addWorkingDays('2026-03-07', 1, cal)).toBe('2026-03-09'); // Saturday
    expect(addWorkingDays('2026-02-17', 2, cal)).toBe('2026-02-24'); // mùng 1 Tết
  });

  it('counts a make-up Saturday as a working day', () => {
    // Thu 8/1/2026 + 2 → Fri 9/1, Sat 10/1 (make-up).
    expect(addWorkingDays('2026-01-08', 2, cal)).toBe('2026-01-10');
  });

  it('crosses the year end, with New Year and its swap day off', () => {
    // Wed 31/12/2025 → Thu 1/1 off, Fri 2/1 off (swap), weekend → Mon 5/1/2026.
    expect(addWorkingDays('2025-12-31', 1, cal)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-29', 3, cal)).toBe('2026-01-05');
    // 2026 → 2027: 1/1/2027 is a Friday.
    expect(addWorkingDays('2026-12-30', 2, cal)).toBe('2027-01-04');
  });

  it('counts a long period: 2026 has 250 working days after 31/12/2025', () => {
    const endOf2026 = addWorkingDays('2025-12-31', workingDaysBetween('2025-12-31', '2026-12-31', cal), cal);
    expect(endOf2026).toBe('2026-12-31');
    // 261 weekdays − 11 weekday holidays − 1 swap day + 1 make-up Saturday = 250.
    expect(workingDaysBetween('2025-12-31', '2026-12-31', cal)).toBe(250);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-03-02', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b], is the inverse of addWorkingDays, and is signed', () => {
    expect(workingDaysBetween('2026-04-29', '2026-05-06', cal)).toBe(3);
    expect(workingDaysBetween('2026-05-06', '2026-04-29', cal)).toBe(-3);
    expect(workingDaysBetween('2026-04-29', '2026-04-29', cal)).toBe(0);
    expect(workingDaysBetween('2026-02-13', '2026-02-22', cal)).toBe(0);
    for (let n = 1; n <= 40; n++) {
      expect(workingDaysBetween('2026-01-28', addWorkingDays('2026-01-28', n, cal), cal)).toBe(n);
    }
  });
});

describe('computeDeadline', () => {
  it('working days', () => {
    expect(computeDeadline('2026-04-29', { amount: 3, unit: 'working_days' }, cal)).toBe('2026-05-06');
  });

  it('calendar days end on a working day (BLDS 2015, Điều 148 khoản 5)', () => {
    expect(addCalendarDays('2026-02-10', 5)).toBe('2026-02-15');
    expect(computeDeadline('2026-02-10', { amount: 5, unit: 'calendar_days' }, cal)).toBe('2026-02-23');
    expect(computeDeadline('2026-03-02', { amount: 10, unit: 'calendar_days' }, cal)).toBe('2026-03-12');
    expect(computeDeadline('2026-12-22', { amount: 10, unit: 'calendar_days' }, cal)).toBe('2027-01-04');
  });

  it('knows which years it needs', () => {
    expect(yearsForDeadline('2026-12-30', { amount: 2, unit: 'working_days' })).toEqual({
      fromYear: 2026,
      toYear: 2028,
    });
    expect(yearsForDeadline('2026-12-22', { amount: 10, unit: 'calendar_days' })).toEqual({
      fromYear: 2026,
      toYear: 2028,
    });
  });
});

describe('stored days win over defaults', () => {
  it('an added day off moves the deadline; a kept working day cancels a default', () => {
    const extra = buildWorkCalendar(2026, 2026, [
      ...OFFICIAL_2026,
      { date: '2026-05-04', name: 'Nghỉ thêm', kind: 'government_off', basis: 'Quyết định giả định' },
      { date: '2026-04-27', name: 'Làm việc', kind: 'workday', basis: 'Quyết định giả định' },
    ]);
    expect(addWorkingDays('2026-04-29', 3, extra)).toBe('2026-05-07');
    expect(isWorkingDay('2026-04-27', extra)).toBe(true);
    expect(onOrNextWorkingDay('2026-04-26', extra)).toBe('2026-04-27');
  });
});
