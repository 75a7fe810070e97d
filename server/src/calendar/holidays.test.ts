import { describe, expect, it } from 'vitest';
import { weekdayOf } from './civil-date.js';
import { type CalendarDay, defaultHolidays, effectiveYear, isDayOffKind, statutoryHolidays } from './holidays.js';

const dates = (days: CalendarDay[], kind?: CalendarDay['kind']) =>
  days.filter((d) => !kind || d.kind === kind).map((d) => d.date);

describe('statutory holidays (BLLĐ 2019, Điều 112 khoản 1)', () => {
  it('2026: eleven days, Tết from 29 tháng Chạp to mùng 4', () => {
    const h = statutoryHolidays(2026);
    expect(h).toHaveLength(11);
    expect(dates(h)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(h[1]!.name).toBe('Tết Âm lịch (29 tháng Chạp)');
    expect(h.every((d) => d.kind === 'holiday' && d.basis.startsWith('Bộ luật Lao động 2019, Điều 112'))).toBe(true);
  });

  it('the day next to 2/9 is configurable, and did not exist before 2021 (BLLĐ 2012, Điều 115)', () => {
    expect(dates(statutoryHolidays(2026, { nationalDayAdjacent: 'after' }))).toContain('2026-09-03');
    expect(dates(statutoryHolidays(2026, { nationalDayAdjacent: 'after' }))).not.toContain('2026-09-01');
    expect(statutoryHolidays(2020)).toHaveLength(10);
  });

  it('takes a further fixed holiday once a law adds it', () => {
    const extra = [{ month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', basis: 'luật sửa đổi', fromYear: 2027 }];
    expect(dates(statutoryHolidays(2026, { extraFixed: extra }))).not.toContain('2026-11-24');
    expect(dates(statutoryHolidays(2027, { extraFixed: extra }))).toContain('2027-11-24');
  });
});

describe('compensation (BLLĐ 2019, Điều 111 khoản 3)', () => {
  it('2026: Giỗ Tổ on Sunday 26/4 is compensated on Monday 27/4', () => {
    const c = defaultHolidays(2026).filter((d) => d.kind === 'compensation');
    expect(c).toEqual([
      {
        date: '2026-04-27',
        name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        kind: 'compensation',
        basis: 'Bộ luật Lao động 2019, Điều 111 khoản 3',
      },
    ]);
  });

  it('2027: Tết on Saturday 6/2 — mùng 1 and mùng 2 fall on the weekend, compensated Wed 10/2 and Thu 11/2', () => {
    const d = defaultHolidays(2027);
    expect(dates(d).filter((x) => x.startsWith('2027-02'))).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(dates(d, 'compensation')).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
    // Five weekdays off for Tết, as the law intends.
    const tetWeekdays = dates(d).filter((x) => x.startsWith('2027-02') && ![0, 6].includes(weekdayOf(x)));
    expect(tetWeekdays).toHaveLength(5);
  });

  it('2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → compensation on the next days not already off (2/5, 3/5)', () => {
    const d = defaultHolidays(2023);
    expect(d.filter((x) => x.kind === 'compensation').map((x) => [x.date, x.name])).toEqual([
      ['2023-01-02', 'Nghỉ bù Tết Dương lịch'],
      ['2023-01-26', 'Nghỉ bù Tết Âm lịch (30 tháng Chạp)'],
      ['2023-01-27', 'Nghỉ bù Tết Âm lịch (mùng 1 tháng Giêng)'],
      ['2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2023-05-03', 'Nghỉ bù Ngày Chiến thắng (30/4)'],
      ['2023-09-04', 'Nghỉ bù Quốc khánh (2/9)'],
    ]);
  });

  it('two holidays on one date are both owed: the second is compensated too', () => {
    // 10/3 âm lịch met 30/4 in 1947 and will not again before 2200; a further fixed holiday could.
    const extra = [{ month: 4, day: 30, name: 'Ngày thêm', basis: 'luật giả định', fromYear: 2026 }];
    const d = defaultHolidays(2026, { extraFixed: extra });
    expect(d.filter((x) => x.date === '2026-04-30').map((x) => x.name)).toEqual([
      'Ngày Chiến thắng (30/4)',
      'Ngày thêm',
    ]);
    // 30/4 Thu, 1/5 Fri are off; the weekend follows; the owed day is Monday 4/5.
    expect(d.filter((x) => x.kind === 'compensation').map((x) => [x.date, x.name])).toEqual([
      ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2026-05-04', 'Nghỉ bù Ngày thêm'],
    ]);
  });

  it('every year gives exactly eleven weekday days off by default, the eleven days of Điều 112 khoản 1', () => {
    for (let y = 2021; y <= 2100; y++) {
      const off = new Set(
        defaultHolidays(y)
          .filter((x) => isDayOffKind(x.kind) && ![0, 6].includes(weekdayOf(x.date)))
          .map((x) => x.date),
      );
      expect(off.size, String(y)).toBe(11);
    }
  });
});

describe('effective year: stored official days win, date by date', () => {
  it('2025: the official Tết (27–31/1) replaces the default 28/1–1/2 plus compensation 3/2', () => {
    const official: CalendarDay[] = [
      { date: '2025-01-27', name: 'Tết Âm lịch (28 tháng Chạp)', kind: 'holiday', basis: 'Văn bản 8726/VPCP-KGVX' },
      { date: '2025-02-03', name: 'Ngày làm việc', kind: 'workday', basis: 'Văn bản 8726/VPCP-KGVX' },
      { date: '2026-01-02', name: 'not this year', kind: 'government_off', basis: 'x' },
    ];
    const e = effectiveYear(2025, official);
    const byDate = new Map(e.map((d) => [d.date, d]));
    expect(byDate.get('2025-01-27')).toMatchObject({ kind: 'holiday', source: 'official' });
    expect(byDate.get('2025-01-28')).toMatchObject({ kind: 'holiday', source: 'default' });
    expect(byDate.get('2025-02-03')).toMatchObject({ kind: 'workday', source: 'official' });
    expect(byDate.has('2026-01-02')).toBe(false);
    expect(e.filter((d) => d.date === '2025-02-03')).toHaveLength(1);
  });
});
