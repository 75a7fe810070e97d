import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../calendar/holidays.js';
import { buildWorkCalendar } from '../calendar/working-days.js';
import { foldIndexed, originalSlice, parseDeadlinePhrase } from './deadline-phrase.js';

const OFFICIAL_2026: CalendarDay[] = [
  { date: '2026-01-02', name: 'Nghỉ hoán đổi', kind: 'government_off', basis: 'Văn bản 12729/VPCP-KGVX' },
  { date: '2026-01-10', name: 'Làm bù', kind: 'makeup_workday', basis: 'Văn bản 12729/VPCP-KGVX' },
  { date: '2026-02-16', name: 'Tết Âm lịch', kind: 'holiday', basis: 'Thông báo 9441/TB-BNV' },
];
const cal = buildWorkCalendar(2026, 2027, OFFICIAL_2026);
const JAN = '2026-01-06';

const deadline = (text: string, issued: string | null = JAN) => parseDeadlinePhrase(text, issued).deadline;

describe('named days', () => {
  it.each([
    ['trước ngày 15/3/2026', '2026-03-15'],
    ['chậm nhất ngày 15/3/2026', '2026-03-15'],
    ['chậm nhất là ngày 15/3/2026', '2026-03-15'],
    ['hoàn thành trước 15/3/2026', '2026-03-15'],
    ['trình UBND tỉnh trước ngày 15 tháng 3 năm 2026', '2026-03-15'],
    ['Thời hạn: ngày 15/3/2026', '2026-03-15'],
    ['hạn chót 15.3.2026', '2026-03-15'],
    ['xong trước 15-3-2026', '2026-03-15'],
    ['đến hết ngày 31/3/2026', '2026-03-31'],
    ['từ ngày 10/02/2026 đến ngày 22/02/2026', '2026-02-22'],
  ])('%s → %s (the named day is the last day)', (text, want) => {
    const r = parseDeadlinePhrase(text, JAN);
    expect(r).toMatchObject({ deadline: want, recurring: false, flags: [] });
  });

  it('keeps a named day that is a weekend: the signer chose it (Điều 148 khoản 5 is for counted periods)', () => {
    expect(parseDeadlinePhrase('hoàn thành trước ngày 14/02/2026', JAN, cal).deadline).toBe('2026-02-14');
  });

  it('returns the phrase as written, with its diacritics', () => {
    expect(parseDeadlinePhrase('Sở Tài chính chủ trì …; hoàn thành trước ngày 30/4/2026.', JAN).phrase).toBe(
      'hoàn thành trước ngày 30/4/2026',
    );
  });

  it('ignores dates that are references, not time limits', () => {
    for (const t of [
      'Báo cáo số 01/BC-VP ngày 06 tháng 01 năm 2026 của Văn phòng UBND tỉnh.',
      'theo Quyết định số 05/QĐ-UBND ngày 05/01/2026',
      'số liệu tính đến ngày 31/12/2025',
      'bố trí trực cấp cứu 24/24 giờ',
    ]) {
      expect(parseDeadlinePhrase(t, JAN), t).toEqual({
        deadline: null,
        recurring: false,
        phrase: null,
        flags: ['NO_DEADLINE'],
      });
    }
  });

  it('takes the year from the notice, or the next year when the day has passed', () => {
    expect(deadline('gửi trước 30/6', '2026-01-06')).toBe('2026-06-30');
    expect(deadline('gửi trước 30/6', '2026-06-30')).toBe('2026-06-30');
    expect(deadline('gửi trước 30/6', '2026-07-10')).toBe('2027-06-30');
    expect(deadline('trước ngày 15 tháng 3', '2026-01-06')).toBe('2026-03-15');
  });

  it('needs the notice date for a day without a year, but not for a full date', () => {
    expect(parseDeadlinePhrase('trước 30/6', null)).toMatchObject({ deadline: null, flags: ['NEEDS_ISSUED_DATE'] });
    expect(parseDeadlinePhrase('trước 30/6/2026', null).deadline).toBe('2026-06-30');
  });
});

describe('named periods (BLDS 2015, Điều 146 khoản 3–4)', () => {
  it.each([
    ['Trong năm 2026, Văn phòng cần …', '2026-12-31'],
    ['hoàn thành trong năm 2026', '2026-12-31'],
    ['đến hết năm 2026', '2026-12-31'],
    ['cuối năm 2026', '2026-12-31'],
    ['giữa năm 2026', '2026-06-30'],
    ['trước năm 2027', '2026-12-31'],
    ['có sản phẩm cụ thể trong năm, góp phần …', '2026-12-31'],
    ['trong tháng 3/2026', '2026-03-31'],
    ['trong tháng 3 năm 2026', '2026-03-31'],
    ['hoàn thành trong tháng 03-2026', '2026-03-31'],
    ['hoàn thành trong tháng 2/2028', '2028-02-29'],
    ['cuối tháng 3/2026', '2026-03-31'],
    ['giữa tháng 3/2026', '2026-03-15'],
    ['đầu tháng 4/2026', '2026-04-01'],
    ['trước tháng 6/2026', '2026-05-31'],
    ['quý I/2026', '2026-03-31'],
    ['hoàn thành trong quý I/2026', '2026-03-31'],
    ['trong quý II năm 2026', '2026-06-30'],
    ['xong trong quý 3/2026', '2026-09-30'],
    ['báo cáo UBND tỉnh (quý IV/2026)', '2026-12-31'],
    ['Thời hạn: quý I/2026', '2026-03-31'],
    ['trước quý III/2026', '2026-06-30'],
    ['6 tháng đầu năm 2026', '2026-06-30'],
    ['hoàn thành trong 6 tháng đầu năm 2026', '2026-06-30'],
    ['trong 6 tháng cuối năm 2026', '2026-12-31'],
    ['trong 9 tháng đầu năm 2026', '2026-09-30'],
    ['trong nửa đầu năm 2026', '2026-06-30'],
  ])('%s → %s', (text, want) => {
    expect(parseDeadlinePhrase(text, JAN)).toMatchObject({ deadline: want, recurring: false, flags: [] });
  });

  it('anchors a period without a year like a day without a year', () => {
    expect(deadline('trong tháng 3', '2026-01-06')).toBe('2026-03-31');
    expect(deadline('trong tháng 3', '2026-07-20')).toBe('2027-03-31');
    expect(deadline('trong quý I', '2026-07-20')).toBe('2027-03-31');
    expect(deadline('trong quý III', '2026-07-20')).toBe('2026-09-30');
    expect(deadline('trong năm', '2026-07-20')).toBe('2026-12-31');
  });

  it('does not take a period that is the subject of the task for its time limit', () => {
    for (const t of [
      'báo cáo kết quả quý I/2026',
      'tổ chức sơ kết 6 tháng đầu năm 2026',
      'kết quả đạt được trong năm qua',
      'chuẩn bị năm học 2026-2027, trong năm học 2025-2026',
      'Kế hoạch năm 2026 của Sở',
      'Quý vị đại biểu',
      'theo quy định',
    ]) {
      expect(parseDeadlinePhrase(t, JAN).flags, t).toEqual(['NO_DEADLINE']);
    }
  });
});

describe('counted periods (BLDS 2015, Điều 147 khoản 2, Điều 148)', () => {
  it('leaves working days empty without a calendar rather than guess', () => {
    expect(parseDeadlinePhrase('báo cáo trong 10 ngày làm việc', JAN)).toEqual({
      deadline: null,
      recurring: false,
      phrase: 'trong 10 ngày làm việc',
      flags: ['WORKING_DAYS_NEED_CALENDAR'],
    });
  });

  it('counts working days on the calendar, from the day after the notice', () => {
    // 29/4/2026 (Wed): 30/4, 1/5 holidays, then the weekend.
    expect(parseDeadlinePhrase('trong 03 ngày làm việc', '2026-04-29', cal)).toMatchObject({
      deadline: '2026-05-06',
      flags: [],
    });
    // 12/2/2026 (Thu): 13/2, then Tết off 14–22/2.
    expect(parseDeadlinePhrase('trong thời hạn 15 ngày làm việc kể từ ngày ký', '2026-02-12', cal).deadline).toBe(
      '2026-03-12',
    );
  });

  it('counts calendar days, and moves a last day off to the next working day when it has the calendar', () => {
    expect(parseDeadlinePhrase('trong thời hạn 15 ngày', JAN)).toMatchObject({
      deadline: '2026-01-21',
      flags: ['NOT_ADJUSTED_FOR_DAYS_OFF'],
    });
    expect(parseDeadlinePhrase('trong thời hạn 15 ngày', JAN, cal)).toMatchObject({
      deadline: '2026-01-21',
      flags: [],
    });
    // 5/2 + 15 days = Friday 20/2, a Tết day off → Monday 23/2 (khoản 5).
    expect(parseDeadlinePhrase('trong vòng 15 ngày', '2026-02-05', cal).deadline).toBe('2026-02-23');
    expect(parseDeadlinePhrase('trong vòng 15 ngày', '2026-02-05').deadline).toBe('2026-02-20');
  });

  it('counts weeks and months to the corresponding day (khoản 2–3)', () => {
    expect(parseDeadlinePhrase('trong 02 tuần', JAN).deadline).toBe('2026-01-20');
    // 31/1 + 1 month: February has no 31st → its last day; 28/2/2026 is a Saturday → 2/3.
    expect(parseDeadlinePhrase('trong thời hạn 01 tháng', '2026-01-31').deadline).toBe('2026-02-28');
    expect(parseDeadlinePhrase('trong thời hạn 01 tháng', '2026-01-31', cal).deadline).toBe('2026-03-02');
  });

  it('counts from the notice when the text says from receipt (flagged), refuses another starting event', () => {
    expect(parseDeadlinePhrase('trong thời hạn 15 ngày kể từ ngày nhận được văn bản', JAN).flags).toEqual([
      'COUNTED_FROM_ISSUED_DATE',
      'NOT_ADJUSTED_FOR_DAYS_OFF',
    ]);
    expect(parseDeadlinePhrase('trong 10 ngày kể từ ngày khai giảng năm học', JAN)).toMatchObject({
      deadline: null,
      flags: ['DEADLINE_UNREADABLE'],
    });
  });

  it('says so when the period runs past the calendar', () => {
    const only2026 = buildWorkCalendar(2026, 2026, OFFICIAL_2026);
    expect(parseDeadlinePhrase('trong 10 ngày làm việc', '2026-12-28', only2026)).toMatchObject({
      deadline: null,
      flags: ['OUTSIDE_CALENDAR'],
    });
  });

  it('needs the notice date to count', () => {
    expect(parseDeadlinePhrase('trong 15 ngày', null).flags).toEqual(['NEEDS_ISSUED_DATE']);
  });
});

describe('continuous tasks', () => {
  it.each([
    ['Thường xuyên liên hệ, nắm tình hình tại cơ sở', 'Thường xuyên'],
    ['báo cáo UBND tỉnh hằng tháng', 'hằng tháng'],
    ['báo cáo hàng quý', 'hàng quý'],
    ['tổ chức hằng năm', 'hằng năm'],
    ['báo cáo định kỳ', 'định kỳ'],
    ['Tiếp tục tăng cường ứng dụng công nghệ thông tin', 'Tiếp tục'],
    ['nhiệm vụ trọng tâm trong thời gian đến như sau:', 'trong thời gian đến'],
    ['trong thời gian tới', 'trong thời gian tới'],
  ])('%s → recurring, no deadline', (text, phrase) => {
    expect(parseDeadlinePhrase(text, JAN)).toEqual({ deadline: null, recurring: true, phrase, flags: [] });
  });

  it('a date wins over continuous wording', () => {
    const r = parseDeadlinePhrase(
      'Trong năm 2026, Văn phòng cần … \nThường xuyên liên hệ, nắm tình hình tại cơ sở',
      JAN,
    );
    expect(r).toMatchObject({ deadline: '2026-12-31', recurring: false, phrase: 'Trong năm 2026', flags: [] });
    expect(parseDeadlinePhrase('tiếp tục rà soát, hoàn thành trước ngày 30/4/2026', JAN).deadline).toBe('2026-04-30');
  });

  it('a day without a month belongs to a monthly task', () => {
    expect(parseDeadlinePhrase('báo cáo định kỳ hằng tháng (trước ngày 25)', JAN)).toMatchObject({
      deadline: null,
      recurring: true,
      phrase: 'định kỳ',
    });
  });
});

describe('unreadable and missing', () => {
  it.each([
    ['trước ngày 30/02/2026'],
    ['trình UBND tỉnh trước ngày 31/9/2026'],
    ['trước 15/3/26'],
    ['trong tháng 13/2026'],
    ['quý V/2026'],
    ['trước ngày khai giảng năm học mới'],
    ['trước Tết Nguyên đán Bính Ngọ 2026'],
    ['báo cáo trước ngày 20'],
    ['trước 29/2'],
  ])('%s → no date, DEADLINE_UNREADABLE', (text) => {
    const r = parseDeadlinePhrase(text, JAN);
    expect(r.deadline).toBeNull();
    expect(r.recurring).toBe(false);
    expect(r.flags).toEqual(['DEADLINE_UNREADABLE']);
    expect(r.phrase).toBeTruthy();
  });

  it('an unreadable time limit is not replaced by another one in the same text', () => {
    expect(parseDeadlinePhrase('trình trước ngày 30/02/2026; hoàn thành trong quý II/2026', JAN)).toMatchObject({
      deadline: null,
      phrase: 'trước ngày 30/02/2026',
      flags: ['DEADLINE_UNREADABLE'],
    });
  });

  it('no phrase → NO_DEADLINE', () => {
    for (const t of ['', '   ', 'Văn phòng cần xác định rõ chức năng, nhiệm vụ.']) {
      expect(parseDeadlinePhrase(t, JAN)).toEqual({
        deadline: null,
        recurring: false,
        phrase: null,
        flags: ['NO_DEADLINE'],
      });
    }
  });
});

describe('several dates', () => {
  it('takes the earliest and flags it', () => {
    expect(parseDeadlinePhrase('trình trước ngày 15/3/2026; hoàn thành trong quý II/2026', JAN)).toMatchObject({
      deadline: '2026-03-15',
      phrase: 'trước ngày 15/3/2026',
      flags: ['MULTIPLE_DEADLINES'],
    });
  });

  it('one date said twice is one date', () => {
    expect(parseDeadlinePhrase('Trong năm 2026 … sản phẩm cụ thể trong năm, góp phần', JAN).flags).toEqual([]);
  });

  it('a past date yields to a later one, and is flagged when alone', () => {
    expect(parseDeadlinePhrase('khắc phục tồn tại trong năm 2025; hoàn thành trước ngày 30/6/2026', JAN)).toMatchObject(
      {
        deadline: '2026-06-30',
        flags: [],
      },
    );
    expect(parseDeadlinePhrase('hoàn thành trước ngày 31/12/2025', JAN)).toMatchObject({
      deadline: '2025-12-31',
      flags: ['DEADLINE_PAST'],
    });
  });
});

describe('text forms', () => {
  it('reads decomposed (NFD) and upper-case text, and returns the phrase as written', () => {
    const nfd = 'HOÀN THÀNH TRƯỚC NGÀY 30/4/2026'.normalize('NFD');
    const r = parseDeadlinePhrase(nfd, JAN);
    expect(r.deadline).toBe('2026-04-30');
    expect(r.phrase).toBe(nfd);
  });

  it('reads a phrase broken across lines', () => {
    expect(parseDeadlinePhrase('hoàn thành chậm nhất ngày\n09/02/2026.', JAN).deadline).toBe('2026-02-09');
  });

  it('foldIndexed maps folded characters back to the original', () => {
    const s = 'Sở  Tài\nchính';
    const f = foldIndexed(s);
    expect(f.text).toBe('so tai\nchinh');
    expect(originalSlice(s, f, 0, f.text.length)).toBe(s);
    expect(originalSlice(s, f, 3, 6)).toBe('Tài');
  });
});
