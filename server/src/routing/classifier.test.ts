import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../org/seed/demo-province.js';
import {
  classify,
  coldStartModel,
  deserializeModel,
  keywordFeatures,
  serializeModel,
  scoreFeatures,
  textFeatures,
  textScore,
  trainClassifier,
  updateModel,
  type FieldModel,
  type LabelledText,
} from './classifier.js';

const FIX = join(import.meta.dirname, '../../test/fixtures/classifier');
const labelled: LabelledText[] = readFileSync(join(FIX, 'labelled.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as LabelledText);
const keywords = JSON.parse(readFileSync(join(FIX, 'keywords.json'), 'utf8')) as Record<string, string[]>;

const small: LabelledText[] = [
  { text: 'V/v thu hồi đất, giao đất cho Công ty TNHH Thành Đạt', field: 'DAT_DAI' },
  { text: 'V/v phê duyệt giá đất cụ thể dự án Khu tái định cư', field: 'DAT_DAI' },
  { text: 'V/v bồi thường, giải phóng mặt bằng và tái định cư', field: 'DAT_DAI' },
  { text: 'V/v phân bổ dự toán ngân sách tỉnh năm 2026', field: 'TAI_CHINH' },
  { text: 'V/v quyết toán ngân sách địa phương năm 2024', field: 'TAI_CHINH' },
  { text: 'V/v bổ sung kinh phí từ nguồn dự phòng ngân sách', field: 'TAI_CHINH' },
  { text: 'V/v tuyển sinh lớp 10 trung học phổ thông', field: 'GIAO_DUC' },
  { text: 'V/v thiếu giáo viên mầm non, tiểu học', field: 'GIAO_DUC' },
  { text: 'V/v tổ chức Kỳ thi tốt nghiệp trung học phổ thông', field: 'GIAO_DUC' },
];

describe('textFeatures', () => {
  it('folds diacritics, case and đ: "dat dai" and "ĐẤT ĐAI" give the same features', () => {
    expect(textFeatures('Thu hồi ĐẤT ĐAI')).toEqual(textFeatures('thu hoi dat dai'));
    expect(textFeatures('Thu hồi đất đai'.normalize('NFD'))).toEqual(textFeatures('Thu hồi đất đai'));
    expect(textFeatures('Đất đai')).toEqual(['dat', 'dat dai', 'dai']);
  });

  it('removes request markers, function words and boilerplate, keeps topical syllables that fold alike', () => {
    const f = textFeatures('V/v đề nghị Ủy ban nhân dân tỉnh Quảng Ngãi xem xét về việc thu hồi đất tại xã Bình Sơn');
    for (const gone of ['v/v', 've', 'viec', 'de', 'nghi', 'de nghi', 'uy', 'ban', 'tinh', 'quang ngai', 'tai', 'xa'])
      expect(f).not.toContain(gone);
    expect(f).toEqual(expect.arrayContaining(['thu hoi', 'hoi dat', 'binh son']));
    // tại is a stop word, tài chính / vận tải are not; để is, đề án / đê điều are not; trong is, trồng is not
    expect(textFeatures('Tài chính, vận tải, đề án, đê điều, trồng rừng, tham nhũng, chợ')).toEqual(
      expect.arrayContaining(['tai chinh', 'van tai', 'de an', 'de dieu', 'trong rung', 'tham nhung', 'cho']),
    );
    expect(textFeatures('tại để trong những cho')).toEqual([]);
    // "nghị" stays where it is not "đề nghị"
    expect(textFeatures('Triển khai Nghị quyết, kiến nghị của cử tri')).toEqual(
      expect.arrayContaining(['nghi quyet', 'kien nghi']),
    );
  });

  it('drops numbers, dates and document references, and the words that only count them', () => {
    const f = textFeatures(
      'Báo cáo 9 tháng năm 2025 theo Nghị định 178/2024/NĐ-CP ngày 31/12/2024, quý III, giai đoạn 2026-2030',
    );
    expect(f.sort()).toEqual(['dinh', 'nghi', 'nghi dinh']);
    // without a number they are ordinary words
    expect(textFeatures('năm học mới, quy hoạch, chuyển đổi số')).toEqual(
      expect.arrayContaining(['nam hoc', 'quy hoach', 'doi so']),
    );
  });

  it('makes bigrams of adjacent kept syllables only, never across a removed word or punctuation', () => {
    const f = textFeatures('Giải phóng mặt bằng và tái định cư; quy hoạch');
    expect(f).toEqual(expect.arrayContaining(['giai phong', 'phong mat', 'mat bang', 'tai dinh', 'dinh cu']));
    expect(f).not.toContain('bang tai'); // "và" in between
    expect(f).not.toContain('cu quy'); // ";" in between
    expect(textFeatures('Giải phóng mặt bằng', false)).toEqual(['giai', 'phong', 'mat', 'bang']);
    expect(keywordFeatures('giải phóng mặt bằng')).toEqual(['giai phong', 'phong mat', 'mat bang']);
    expect(keywordFeatures('thuế')).toEqual(['thue']);
  });
});

describe('trainClassifier and classify', () => {
  const model = trainClassifier(small);

  it('learns a small set and answers with calibrated probabilities', () => {
    const r = classify(model, 'V/v đề nghị giao đất để xây dựng khu tái định cư', { alternatives: 10 });
    expect(r.field).toBe('DAT_DAI');
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.alternatives.map((a) => a.field).sort()).toEqual(['GIAO_DUC', 'TAI_CHINH']);
    const all = [r, ...r.alternatives].map((a) => a.confidence);
    expect(all.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    expect(classify(model, 'Về việc dự toán ngân sách năm 2027').field).toBe('TAI_CHINH');
    expect(classify(model, 'V/v tuyển dụng giáo viên').field).toBe('GIAO_DUC');
    expect(classify(model, 'V/v dự toán', { alternatives: 1 }).alternatives).toHaveLength(1);
  });

  it('is diacritics-insensitive: "dat dai" ≈ "đất đai"', () => {
    const a = classify(model, 'thu hoi dat, giai phong mat bang');
    const b = classify(model, 'Thu hồi đất, giải phóng mặt bằng');
    expect(a.field).toBe('DAT_DAI');
    expect(b).toEqual(a);
  });

  it('says when it knows nothing of the text', () => {
    const r = classify(model, 'Về việc 123/2025');
    expect(r.matched).toBe(0);
    expect(r.confidence).toBeLessThan(0.5);
    expect(() => classify(trainClassifier([]), 'đất đai')).toThrow(/no fields/);
  });

  it('uses word order through bigrams', () => {
    // "giao đất" and "đất giao" have the same syllables; only the bigram tells them apart
    const pairs: LabelledText[] = [
      { text: 'giao đất', field: 'A' },
      { text: 'đất giao', field: 'B' },
    ];
    const withBigrams = trainClassifier(pairs);
    expect(classify(withBigrams, 'giao đất').field).toBe('A');
    expect(classify(withBigrams, 'đất giao').field).toBe('B');
    const without = trainClassifier(pairs, { bigrams: false });
    expect(classify(without, 'giao đất').confidence).toBeCloseTo(classify(without, 'đất giao').confidence, 12);
  });

  it('weighs a body below the subject', () => {
    const money = 'Dự toán ngân sách';
    const school = 'Tuyển sinh, giáo viên';
    expect(classify(model, money, { body: school }).field).toBe('TAI_CHINH');
    expect(classify(model, school, { body: money }).field).toBe('GIAO_DUC');
    expect(classify(model, money, { body: school }).matched).toBeGreaterThan(classify(model, money).matched);
  });
});

describe('serializeModel / deserializeModel', () => {
  it('round-trips: the same answers, and the same JSON again', () => {
    const model = trainClassifier(small, { keywords: { Y_TE: ['bệnh viện', 'y tế'] } });
    const json = serializeModel(model);
    const back = deserializeModel(json);
    expect(back.fields).toEqual(model.fields);
    expect(back.temperature).toBe(model.temperature);
    for (const t of ['giao đất', 'ngân sách', 'giáo viên', 'bệnh viện tỉnh', 'không có gì']) {
      const a = classify(model, t);
      const b = classify(back, t);
      expect(b.field).toBe(a.field);
      expect(b.confidence).toBeCloseTo(a.confidence, 5); // weights are stored as float32
    }
    expect(serializeModel(back)).toBe(json);
    expect(JSON.parse(json)).toMatchObject({ format: 'dieuhanh/field-model', version: 1 });
  });

  it('refuses what it did not write', () => {
    const json = JSON.parse(serializeModel(trainClassifier(small))) as Record<string, unknown>;
    expect(() => deserializeModel('{}')).toThrow(/not a field model/);
    expect(() => deserializeModel('{"format"')).toThrow(/not JSON/);
    expect(() => deserializeModel(JSON.stringify({ ...json, version: 2 }))).toThrow(/version/);
    expect(() => deserializeModel(JSON.stringify({ ...json, features: ['x'] }))).toThrow(/weights/);
    expect(() => deserializeModel(JSON.stringify({ ...json, bias: [0] }))).toThrow(/bias/);
    expect(() => deserializeModel(JSON.stringify({ ...json, fields: ['A', 'A', 'B'] }))).toThrow(/fields/);
    expect(() => deserializeModel(JSON.stringify({ ...json, temperature: -1 }))).toThrow(/temperature/);
  });
});

describe('updateModel', () => {
  it('learns an overridden route: the same subject then gets the corrected field', () => {
    const model = trainClassifier(small, { calibrate: false });
    const text = 'V/v kinh phí tổ chức Kỳ thi tốt nghiệp trung học phổ thông';
    const before = classify(model, text).field;
    const corrected = before === 'GIAO_DUC' ? 'TAI_CHINH' : 'GIAO_DUC';
    expect(updateModel(model, { text, field: corrected })).toBe(model);
    expect(classify(model, text).field).toBe(corrected);
    expect(model.examples).toBe(small.length + 1);
    // and still knows the rest
    expect(classify(model, 'V/v thu hồi đất').field).toBe('DAT_DAI');
  });

  it('adds a field and words it has never seen', () => {
    const model = trainClassifier(small, { calibrate: false });
    updateModel(model, { text: 'V/v tăng cường phòng, chống dịch sốt xuất huyết', field: 'Y_TE' });
    expect(model.fields).toContain('Y_TE');
    expect(classify(model, 'Dịch sốt xuất huyết').field).toBe('Y_TE');
    const json = serializeModel(model);
    expect(classify(deserializeModel(json), 'Dịch sốt xuất huyết').field).toBe('Y_TE');
  });
});

describe('coldStartModel', () => {
  it('classifies from the routing policy keywords alone', () => {
    const model = coldStartModel({
      DAT_DAI: ['thu hồi đất', 'giao đất', 'giá đất'],
      TAI_CHINH: ['ngân sách', 'dự toán'],
      GIAO_DUC: ['giáo viên', 'học sinh', 'tuyển sinh'],
    });
    expect(classify(model, 'V/v thu hồi đất để thực hiện dự án').field).toBe('DAT_DAI');
    expect(classify(model, 'V/v phân bổ dự toán năm 2026').field).toBe('TAI_CHINH');
    expect(classify(model, 'V/v hỗ trợ học sinh bán trú').field).toBe('GIAO_DUC');
    expect(model.examples).toBe(0);
  });

  it('with the seeded keywords, gets typical subjects right and learns from there', () => {
    const model = coldStartModel(keywords);
    expect([...model.fields].sort()).toEqual(FIELDS.map(([code]) => code).sort());
    expect(classify(model, 'V/v báo cáo tình hình giải ngân vốn đầu tư công 9 tháng năm 2025').field).toBe('DAU_TU');
    expect(classify(model, 'V/v giải quyết đơn khiếu nại của ông Nguyễn Văn A').field).toBe('THANH_TRA');
    expect(classify(model, 'V/v tuyển sinh lớp 10 năm học 2026-2027').field).toBe('GIAO_DUC');
    const text = 'V/v sắp xếp các trung tâm y tế khu vực sau khi tổ chức chính quyền hai cấp';
    updateModel(model, { text, field: 'Y_TE' });
    expect(classify(model, text).field).toBe('Y_TE');
  });
});

describe('the labelled set', () => {
  const codes = new Set(FIELDS.map(([code]) => code));
  const perField = new Map<string, number>();
  for (const x of labelled) perField.set(x.field, (perField.get(x.field) ?? 0) + 1);

  it('has at least 360 distinct subjects, at least 20 in each of at least 15 fields, all real field codes', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(360);
    expect(new Set(labelled.map((x) => x.text)).size).toBe(labelled.length);
    expect([...perField.values()].filter((n) => n >= 20).length).toBeGreaterThanOrEqual(15);
    for (const f of perField.keys()) expect(codes).toContain(f);
    for (const f of Object.keys(keywords)) expect(codes).toContain(f);
  });

  // Fixed split: every fifth subject is held out (the file is grouped by field, so this is
  // stratified; 101 held out). Measured with this split: 75% trained + keywords, 54% trained on
  // subjects only, 79% keywords only (73.6% of the whole set); bench/classifier.ts gives the
  // cross-validated figures. The floors sit below.
  const test = labelled.filter((_, i) => i % 5 === 0);
  const train = labelled.filter((_, i) => i % 5 !== 0);
  const accuracy = (model: ReturnType<typeof trainClassifier>) =>
    test.filter((x) => classify(model, x.text).field === x.field).length / test.length;

  it('trained on 4/5 with the policy keywords, gets at least 68% of the other 1/5 right', () => {
    expect(accuracy(trainClassifier(train, { keywords, calibrate: false }))).toBeGreaterThanOrEqual(0.68);
  });

  it('trained on 4/5 alone, at least 45%; from the keywords alone, at least 70%', () => {
    expect(accuracy(trainClassifier(train, { calibrate: false }))).toBeGreaterThanOrEqual(0.45);
    expect(accuracy(coldStartModel(keywords))).toBeGreaterThanOrEqual(0.7);
  });
});

describe('classify by word numbers', () => {
  /** The plain path: textFeatures, then each known feature's weights once, in order. */
  const reference = (model: FieldModel, text: string) => scoreFeatures(model, textFeatures(text, model.bigrams));

  it('answers exactly what the features give, on the labelled set, cold-start and trained, with and without bigrams', () => {
    const models = [
      coldStartModel(keywords),
      trainClassifier(labelled.slice(0, 300), { keywords }),
      trainClassifier(labelled.slice(0, 300), { bigrams: false }),
    ];
    // Repeated words and pairs count once; unknown words break nothing.
    const texts = [...labelled.map((x) => x.text), 'đất đai đất đai đất', 'xyz qqq đất', '', 'V/v'];
    for (const m of models) {
      let known = 0;
      for (const text of texts) {
        const want = reference(m, text);
        // The same sums to the last bit, so the same field and confidence.
        expect(textScore(m, text)).toEqual(want);
        expect(classify(m, text, { alternatives: 0 }).matched).toBe(want.matched);
        known += want.matched;
      }
      expect(known).toBeGreaterThan(texts.length);
    }
  });

  it('follows a model that an update changed', () => {
    const m = trainClassifier(small);
    const text = 'V/v cấp phép khai thác khoáng sản cát sỏi';
    expect(classify(m, text).matched).toBe(reference(m, text).matched);
    updateModel(m, { text, field: 'KHOANG_SAN' });
    const after = classify(m, text);
    expect(after.field).toBe('KHOANG_SAN');
    expect(textScore(m, text)).toEqual(reference(m, text));
  });
});
