import { describe, expect, it } from 'vitest';
import { addDays, isoFromJd, jdFromIso } from './civil-date.js';
import { canChiOf, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.js';

const tet = (year: number) => lunarToSolar({ day: 1, month: 1, year, leap: false });

describe('Tết Nguyên đán (mùng 1 tháng Giêng), Vietnam time UTC+7', () => {
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    // The new moon is at 23:07 on 2/2/2030 in Vietnam, 00:07 on 3/2 in China: Tết in Vietnam
    // is Saturday 2/2/2030, the day before the Chinese New Year (3/2/2030).
    [2030, '2030-02-02'],
  ])('Tết %i is %s, both ways', (year, date) => {
    expect(tet(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
    expect(solarToLunar(addDays(date, -1))).toMatchObject({ month: 12, year: year - 1 });
  });

  it('uses UTC+7, not China’s UTC+8: Tết 2007 and 1985 differ from the Chinese calendar', () => {
    expect(tet(2007)).toBe('2007-02-17');
    expect(tet(1985)).toBe('1985-01-21');
    expect(solarToLunar('2030-02-03')).toEqual({ day: 2, month: 1, year: 2030, leap: false });
    // With China's zone the same algorithm gives the Chinese dates.
    expect(lunarToSolar({ day: 1, month: 1, year: 2007, leap: false }, 8)).toBe('2007-02-18');
    expect(lunarToSolar({ day: 1, month: 1, year: 2030, leap: false }, 8)).toBe('2030-02-03');
  });
});

describe('lunar dates of the year', () => {
  it('Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })).toBe('2026-04-26');
    expect(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false })).toBe('2025-04-07');
    expect(lunarToSolar({ day: 10, month: 3, year: 2024, leap: false })).toBe('2024-04-18');
    expect(solarToLunar('2026-04-26')).toEqual({ day: 10, month: 3, year: 2026, leap: false });
  });

  it('the last day of the year is 29 or 30 tháng Chạp', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2023-01-21')).toEqual({ day: 30, month: 12, year: 2022, leap: false });
    expect(lunarMonthLength(12, 2025)).toBe(29);
    expect(lunarMonthLength(12, 2022)).toBe(30);
  });
});

describe('leap months', () => {
  it('2025 has a leap sixth month (25/7 – 22/8/2025), which pushes Vu Lan and Trung thu late', () => {
    expect(leapMonthOf(2025)).toBe(6);
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: false })).toBe('2025-06-25');
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar('2025-08-22')).toMatchObject({ month: 6, leap: true });
    expect(solarToLunar('2025-08-23')).toEqual({ day: 1, month: 7, year: 2025, leap: false });
    expect(lunarToSolar({ day: 15, month: 7, year: 2025, leap: false })).toBe('2025-09-06');
    expect(lunarToSolar({ day: 15, month: 8, year: 2025, leap: false })).toBe('2025-10-06');
  });

  it('2023 has a leap second month from 22/3/2023', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(solarToLunar('2023-03-21')).toMatchObject({ month: 2, leap: false });
    expect(lunarToSolar({ day: 15, month: 8, year: 2023, leap: false })).toBe('2023-09-29');
  });

  it('years without a leap month', () => {
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2026)).toBeNull();
    expect(leapMonthOf(2028)).toBe(5);
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2025, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2026, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2026, leap: false })).toThrow(RangeError);
  });
});

describe('consistency over 1990–2060 (checked once over 1900–2199)', () => {
  it('every day converts back to itself, and lunar days run 1, 2, … 29 or 30 without gaps', () => {
    const start = jdFromIso('1990-01-01');
    const end = jdFromIso('2060-12-31');
    let prev = solarToLunar(isoFromJd(start - 1));
    for (let jd = start; jd <= end; jd++) {
      const iso = isoFromJd(jd);
      const l = solarToLunar(iso);
      if (l.day === 1) {
        expect([29, 30], iso).toContain(prev.day);
      } else {
        expect(l, iso).toEqual({ ...prev, day: prev.day + 1 });
      }
      expect(lunarToSolar(l), iso).toBe(iso);
      prev = l;
    }
  });
});

describe('can chi', () => {
  it('names the year, month and day', () => {
    expect(canChiOf('2026-02-17')).toEqual({ year: 'Bính Ngọ', month: 'Canh Dần', day: 'Nhâm Tuất' });
    expect(canChiOf('2025-01-29').year).toBe('Ất Tỵ');
    expect(canChiOf('2025-01-28').year).toBe('Giáp Thìn');
    expect(canChiOf('2000-01-01').day).toBe('Mậu Ngọ');
    expect(canChiOf('1984-02-02').year).toBe('Giáp Tý');
  });
});
