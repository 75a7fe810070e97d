import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../calendar/holidays.js';
import { buildWorkCalendar } from '../calendar/working-days.js';
import { type ConclusionUnit, type ParsedTask, parseConclusions } from './conclusions.js';

const DIR = join(import.meta.dirname, '../../test/fixtures/conclusions');
const units: ConclusionUnit[] = JSON.parse(readFileSync(join(DIR, 'units.json'), 'utf8'));
const read = (name: string) => readFileSync(join(DIR, `${name}.txt`), 'utf8');
const SEED = '01-thong-bao-ket-luan-2026-01-06';

const OFFICIAL_2026: CalendarDay[] = [
  { date: '2026-01-02', name: 'Nghỉ hoán đổi', kind: 'government_off', basis: 'Văn bản 12729/VPCP-KGVX' },
  { date: '2026-01-10', name: 'Làm bù', kind: 'makeup_workday', basis: 'Văn bản 12729/VPCP-KGVX' },
  { date: '2026-02-16', name: 'Tết Âm lịch', kind: 'holiday', basis: 'Thông báo 9441/TB-BNV' },
];
const calendar = buildWorkCalendar(2026, 2027, OFFICIAL_2026);

const VP = { id: 'vp', name: 'Văn phòng UBND tỉnh' };
const byPoint = (tasks: ParsedTask[], point: string) => tasks.find((t) => t.point === point)!;

describe('the seed: conclusions of the Vice Chairman to the Office, 6/1/2026', () => {
  const r = parseConclusions(read(SEED), { units });

  it('gives 12 tasks, one per point or bullet', () => {
    expect(r.problems).toEqual([]);
    expect(r.tasks.map((t) => t.point)).toEqual([
      '1',
      '2',
      '3',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6',
      '5.1',
      '5.2',
      '5.3',
    ]);
  });

  it('reads the date and the addressee, and the Office leads every task', () => {
    expect(r.issuedDate).toBe('2026-01-06');
    expect(r.addressee).toEqual(VP);
    for (const t of r.tasks) {
      expect(t.leadUnit, t.point).toEqual(VP);
      expect(t.coUnits, t.point).toEqual([]);
    }
  });

  it('leaves the opening, the footnote, the closing, "Nơi nhận" and the signature out', () => {
    for (const t of r.tasks) {
      for (const s of [
        'Nơi nhận',
        'Báo cáo số 01/BC-VP',
        'TL. CHỦ TỊCH',
        'Nguyễn Quốc Việt',
        'Nay thông báo',
        'Sau khi nghe',
        '⁽¹⁾',
        '**',
        'HCTC',
      ]) {
        expect(t.content, `${t.point} has ${s}`).not.toContain(s);
      }
    }
  });

  it('continues bullet 4.1 across the footnote', () => {
    expect(byPoint(r.tasks, '4.1').content).toBe(
      'Tập trung theo dõi, tham mưu, đôn đốc việc giải quyết các kiến nghị, phản ánh của doanh nghiệp; ' +
        'kịp thời tham mưu tháo gỡ khó khăn, vướng mắc thuộc chức năng, nhiệm vụ của Văn phòng, ' +
        'góp phần cải thiện môi trường đầu tư, kinh doanh trên địa bàn tỉnh.',
    );
  });

  it('keeps both paragraphs of point 1 in one task', () => {
    const t = byPoint(r.tasks, '1');
    expect(t.content.startsWith('Trong năm 2026, Văn phòng cần định hình')).toBe(true);
    expect(t.content).toContain('.\nThường xuyên liên hệ, nắm tình hình tại cơ sở');
    expect(t.content.endsWith('chỉ đạo trực tiếp của Lãnh đạo UBND tỉnh.')).toBe(true);
  });

  it('keeps the intro line of a point with bullets as their context, not as a task', () => {
    expect(r.tasks.some((t) => t.content.startsWith('Chỉ đạo các phòng'))).toBe(false);
    expect(byPoint(r.tasks, '4.3').context).toBe('Chỉ đạo các phòng, đơn vị thuộc và trực thuộc');
    expect(byPoint(r.tasks, '5.1').context).toBe('Đối với các kiến nghị của Văn phòng');
    expect(byPoint(r.tasks, '2').context).toBeNull();
  });

  it('point 1 ends with 2026; "Tiếp tục" is continuous; the rest inherit "trong thời gian đến"', () => {
    expect(byPoint(r.tasks, '1')).toMatchObject({
      deadline: '2026-12-31',
      recurring: false,
      deadlinePhrase: 'Trong năm 2026',
      flags: [],
    });
    for (const p of ['4.4', '5.3']) {
      expect(byPoint(r.tasks, p)).toMatchObject({ deadline: null, recurring: true, flags: [] });
    }
    for (const p of ['2', '3', '4.1', '4.2', '4.3', '4.5', '4.6', '5.1', '5.2']) {
      expect(byPoint(r.tasks, p), p).toMatchObject({
        deadline: null,
        recurring: true,
        deadlinePhrase: 'trong thời gian đến',
        flags: ['DEADLINE_FROM_INTRO'],
      });
    }
  });

  it('finds the Office through the notice\'s own "(viết tắt là Văn phòng)" even with no alias given', () => {
    const noAlias = units.map((u) => ({ ...u, aliases: [] }));
    const again = parseConclusions(read(SEED), { units: noAlias });
    expect(again.tasks.every((t) => t.leadUnit?.id === 'vp')).toBe(true);
  });
});

interface Expected {
  issuedDate: string | null;
  addressee: string | null;
  problems: string[];
  tasks: {
    point: string;
    lead: string | null;
    co: string[];
    deadline: string | null;
    recurring: boolean;
    deadlinePhrase: string | null;
    flags: string[];
    content: string;
    context: string | null;
  }[];
}

describe('the notices of the corpus, against their expected parse', () => {
  const names = readdirSync(DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace('.expected.json', ''))
    .sort();

  it('has the seed and at least three more notices', () => {
    expect(names[0]).toBe(SEED);
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it.each(names)('%s', (name) => {
    const expected: Expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8'));
    const r = parseConclusions(read(name), { units });
    expect({
      issuedDate: r.issuedDate,
      addressee: r.addressee?.id ?? null,
      problems: r.problems,
      tasks: r.tasks.map((t) => ({
        point: t.point,
        lead: t.leadUnit?.id ?? null,
        co: t.coUnits.map((u) => u.id),
        deadline: t.deadline,
        recurring: t.recurring,
        deadlinePhrase: t.deadlinePhrase,
        flags: t.flags,
        content: t.content,
        context: t.context,
      })),
    }).toEqual(expected);
  });
});

describe('a meeting notice with roman points and a lead agency per point (02)', () => {
  const text = read('02-ket-luan-giai-ngan-dau-tu-cong-la-ma');
  const r = parseConclusions(text, { units });

  it('takes the date of the header, not of the meeting', () => {
    expect(r.issuedDate).toBe('2026-02-12');
    expect(r.addressee).toBeNull();
  });

  it('reads "Sở X chủ trì, phối hợp Sở Y và các cơ quan liên quan … hoàn thành trước ngày 30/4/2026"', () => {
    expect(byPoint(r.tasks, 'I')).toMatchObject({
      leadUnit: { id: 'stc', name: 'Sở Tài chính' },
      coUnits: [{ id: 'sxd', name: 'Sở Xây dựng' }],
      deadline: '2026-04-30',
      flags: [],
    });
  });

  it('stops the co-operating list at the first word that is not a unit ("… (qua Sở Tài chính)" is not one)', () => {
    expect(byPoint(r.tasks, 'II').coUnits.map((u) => u.id)).toEqual(['snnmt', 'bqlkkt']);
  });

  it('flags a task with no lead and no addressee', () => {
    expect(byPoint(r.tasks, 'VI')).toMatchObject({ leadUnit: null, recurring: true, flags: ['LEAD_UNIT_MISSING'] });
  });

  it('computes working days when given the calendar (12/2/2026 + 15 working days, Tết off 14–22/2)', () => {
    expect(byPoint(r.tasks, 'V').flags).toEqual(['WORKING_DAYS_NEED_CALENDAR']);
    const withCal = parseConclusions(text, { units, calendar });
    expect(byPoint(withCal.tasks, 'V')).toMatchObject({ deadline: '2026-03-12', flags: [] });
  });
});

describe('a notice with "a), b)" under numbered points (03)', () => {
  const text = read('03-y-kien-ket-luan-giao-duc-chu-cai');
  const r = parseConclusions(text, { units });

  it('skips the assessment section and numbers the letters under their point', () => {
    expect(r.tasks.map((t) => t.point)).toEqual(['2.a', '2.b', '2.c', '2.d', '2.đ', '3', '4']);
    expect(r.tasks.some((t) => t.content.includes('biểu dương'))).toBe(false);
  });

  it('addresses the unit the Vice Chairman worked with, and its "(gọi tắt là Sở)" leads', () => {
    expect(r.addressee?.id).toBe('sgddt');
    expect(byPoint(r.tasks, '2.b')).toMatchObject({
      leadUnit: { id: 'sgddt' },
      coUnits: [{ id: 'stc' }, { id: 'snv' }],
      deadline: null,
      deadlinePhrase: 'trước ngày 31/9/2026',
      flags: ['DEADLINE_UNREADABLE'],
    });
  });

  it('a bullet naming only a partner keeps the lead of its point', () => {
    expect(byPoint(r.tasks, '2.c')).toMatchObject({ leadUnit: { id: 'sgddt' }, coUnits: [{ id: 'syt' }] });
  });

  it('"trước 30/6" in a notice of 20/7 is next year; the earlier date of the task wins', () => {
    expect(byPoint(r.tasks, '2.a')).toMatchObject({ deadline: '2026-08-15', flags: ['MULTIPLE_DEADLINES'] });
  });

  it('several units given together: the first leads, flag SEVERAL_LEADS', () => {
    expect(byPoint(r.tasks, '3')).toMatchObject({
      leadUnit: { id: 'stc' },
      coUnits: [{ id: 'snv' }],
      deadline: '2026-12-31',
      flags: ['SEVERAL_LEADS'],
    });
  });

  it('"UBND các xã, phường" is not the provincial committee', () => {
    expect(byPoint(r.tasks, '4').coUnits.map((u) => u.id)).toEqual(['sgddt']);
  });

  it('10 working days from Monday 20/7/2026 is Monday 3/8/2026', () => {
    expect(byPoint(parseConclusions(text, { units, calendar }).tasks, '2.d').deadline).toBe('2026-08-03');
  });
});

describe('a hard-wrapped PDF text with sub-numbers and a footnote mid-sentence (04)', () => {
  const r = parseConclusions(read('04-ket-luan-tet-pdf-xuong-dong'), { units });

  it('joins wrapped lines and the sentence across the footnote', () => {
    expect(byPoint(r.tasks, '2.1').content).toBe(
      'Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh tổ chức thăm, tặng quà người có công, gia đình chính sách theo ' +
        'Quyết định số 05/QĐ-UBND của Ủy ban nhân dân tỉnh; hoàn thành chậm nhất ngày 09/02/2026.',
    );
    expect(byPoint(r.tasks, '2.1').deadline).toBe('2026-02-09');
  });

  it('bullets take the lead, partners and deadline of their point', () => {
    expect(byPoint(r.tasks, '3.1')).toMatchObject({
      leadUnit: { id: 'syt' },
      coUnits: [{ id: 'stc' }],
      deadline: '2026-03-31',
      flags: ['DEADLINE_FROM_POINT'],
    });
    expect(byPoint(r.tasks, '3.3').coUnits.map((u) => u.id)).toEqual(['congan', 'stc']);
    expect(byPoint(r.tasks, '3.2')).toMatchObject({ deadline: null, flags: ['DEADLINE_UNREADABLE'] });
  });

  it('"trước Tết Nguyên đán" is left to a person', () => {
    expect(byPoint(r.tasks, '1')).toMatchObject({
      leadUnit: { id: 'sct' },
      coUnits: [{ id: 'stc' }, { id: 'snnmt' }],
      deadline: null,
      flags: ['DEADLINE_UNREADABLE'],
    });
  });

  it('"Văn phòng Ủy ban nhân dân tỉnh" is "Văn phòng UBND tỉnh"', () => {
    expect(byPoint(r.tasks, '5').leadUnit).toEqual(VP);
  });
});

describe('a two-column layout, with a commune as lead (05)', () => {
  const r = parseConclusions(read('05-ket-luan-bo-cuc-hai-cot-cap-xa'), { units });

  it('stops at "Nơi nhận … TL. CHỦ TỊCH" on one line and drops the "./." of the last point', () => {
    expect(r.tasks.map((t) => t.point)).toEqual(['1', '2', '3', '4']);
    expect(byPoint(r.tasks, '4').content.endsWith('các kiến nghị của chủ đầu tư.')).toBe(true);
  });

  it('"UBND xã Tịnh Khê" is the commune unit "Xã Tịnh Khê"; "các sở, ngành liên quan" is no unit', () => {
    expect(byPoint(r.tasks, '1').leadUnit?.id).toBe('xa-tinh-khe');
    expect(byPoint(r.tasks, '3')).toMatchObject({ leadUnit: { id: 'snnmt' }, coUnits: [{ id: 'xa-tinh-khe' }] });
    expect(byPoint(r.tasks, '4')).toMatchObject({ leadUnit: null, flags: ['NO_DEADLINE', 'LEAD_UNIT_MISSING'] });
  });

  it('without the commune in the list, "UBND xã Tịnh Khê" is not taken for the provincial committee', () => {
    const without = parseConclusions(read('05-ket-luan-bo-cuc-hai-cot-cap-xa'), {
      units: units.filter((u) => u.id !== 'xa-tinh-khe'),
    });
    expect(byPoint(without.tasks, '1').leadUnit).toBeNull();
    expect(byPoint(without.tasks, '3').coUnits).toEqual([]);
  });
});

describe('problems and options', () => {
  it('empty text', () => {
    for (const t of ['', '  \n\n ']) {
      expect(parseConclusions(t, { units })).toEqual({
        tasks: [],
        issuedDate: null,
        addressee: null,
        problems: ['EMPTY_TEXT'],
      });
    }
  });

  it('no numbered point', () => {
    const r = parseConclusions(
      'THÔNG BÁO\nNgày 06/01/2026, đề nghị Văn phòng UBND tỉnh theo dõi.\n- Một gạch đầu dòng\nNơi nhận:\n- Lưu VT.',
      { units },
    );
    expect(r).toMatchObject({ tasks: [], issuedDate: '2026-01-06', addressee: VP, problems: ['NO_TASKS'] });
  });

  it('the given date wins over the text; a malformed one is a problem', () => {
    expect(parseConclusions(read(SEED), { units, issuedDate: '2026-01-09' }).issuedDate).toBe('2026-01-09');
    const bad = parseConclusions(read(SEED), { units, issuedDate: '2026-02-30' });
    expect(bad.problems).toEqual(['BAD_ISSUED_DATE']);
    expect(bad.issuedDate).toBe('2026-01-06');
  });

  it('reads Windows line ends and decomposed text alike', () => {
    const lf = parseConclusions(read(SEED), { units });
    const crlf = parseConclusions(read(SEED).replace(/\n/g, '\r\n').normalize('NFD'), { units });
    expect(crlf).toEqual(lf);
  });

  it('letters at the first level, markdown and "[^1]:" footnotes', () => {
    const r = parseConclusions(
      [
        'Quảng Ngãi, ngày 02 tháng 3 năm 2026',
        'Phó Chủ tịch UBND tỉnh yêu cầu Sở Y tế thực hiện:',
        'a) Tổng hợp, *báo cáo* kết quả[^1] trong tháng 3/2026;',
        '[^1]: Theo Kế hoạch số 10/KH-UBND.',
        'b) **STC** chủ trì, phối hợp với Sở Y tế bố trí kinh phí trước 30/4.',
        'TM. ỦY BAN NHÂN DÂN',
      ].join('\n'),
      { units },
    );
    expect(r.issuedDate).toBe('2026-03-02');
    expect(r.addressee?.id).toBe('syt');
    expect(r.tasks).toEqual([
      {
        content: 'Tổng hợp, báo cáo kết quả trong tháng 3/2026',
        point: 'a',
        context: null,
        leadUnit: { id: 'syt', name: 'Sở Y tế' },
        coUnits: [],
        deadline: '2026-03-31',
        recurring: false,
        deadlinePhrase: 'trong tháng 3/2026',
        flags: [],
      },
      {
        content: 'STC chủ trì, phối hợp với Sở Y tế bố trí kinh phí trước 30/4.',
        point: 'b',
        context: null,
        leadUnit: { id: 'stc', name: 'Sở Tài chính' },
        coUnits: [{ id: 'syt', name: 'Sở Y tế' }],
        deadline: '2026-04-30',
        recurring: false,
        deadlinePhrase: 'trước 30/4',
        flags: [],
      },
    ]);
  });

  it('matches short names and one-word aliases exactly as written, longer names folded', () => {
    const us: ConclusionUnit[] = [
      { id: 'stc', name: 'Sở Tài chính', shortName: 'STC', aliases: ['Sở'] },
      { id: 'skhcn', name: 'Sở Khoa học và Công nghệ', shortName: 'SKHCN', aliases: ['Sở KH&CN'] },
    ];
    const r = parseConclusions(
      '1. Rà soát số liệu, stc không phải là tên viết tắt.\n2. sở khoa học và công nghệ chủ trì thực hiện.\n3. Sở KH&CN chủ trì.',
      { units: us },
    );
    expect(r.tasks.map((t) => t.leadUnit?.id ?? null)).toEqual([null, 'skhcn', 'skhcn']);
  });

  it('reads a long text in about linear time (400 points, ~200,000 characters)', () => {
    const points = Array.from(
      { length: 400 },
      (_, i) =>
        `${i + 1}. Sở Tài chính chủ trì, phối hợp với Sở Xây dựng, Sở Y tế và các cơ quan liên quan rà soát, ` +
        `hoàn thành trước ngày 30/4/2026; ${'nội dung '.repeat(40)}`,
    );
    const started = performance.now();
    const r = parseConclusions(`Ngày 06/01/2026, đề nghị Văn phòng UBND tỉnh:\n${points.join('\n')}`, { units });
    expect(r.tasks).toHaveLength(400);
    expect(r.tasks[399]).toMatchObject({ point: '400', leadUnit: { id: 'stc' }, deadline: '2026-04-30' });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a unit asked for something in passing does not lead the task', () => {
    const r = parseConclusions(
      [
        'Ngày 06/01/2026, đề nghị Văn phòng UBND tỉnh thực hiện:',
        '1. Tổng hợp tình hình, khi cần thiết có văn bản đề nghị Sở Tài chính cung cấp số liệu.',
        '2. Thống nhất giao Sở Tài chính chủ động thực hiện.',
        '3. Phó Chủ tịch UBND tỉnh yêu cầu Sở Xây dựng khẩn trương kiểm tra.',
        '4. Sở Y tế đề nghị Sở Tài chính bố trí kinh phí.',
        '5. UBND tỉnh giao Sở Nội vụ tham mưu.',
      ].join('\n'),
      { units },
    );
    expect(r.tasks.map((t) => t.leadUnit?.id)).toEqual(['vp', 'stc', 'sxd', 'syt', 'snv']);
  });

  it('uses a unit list that has no such unit without inventing one', () => {
    const r = parseConclusions(read(SEED), { units: [] });
    expect(r.addressee).toBeNull();
    expect(r.tasks).toHaveLength(12);
    expect(r.tasks.every((t) => t.leadUnit === null && t.flags.includes('LEAD_UNIT_MISSING'))).toBe(true);
  });
});
