import { describe, expect, it } from 'vitest';
import type { Extraction, Unit } from '../../api/types';
import {
  EMPTY_FORM,
  formKeyOfPath,
  matchUnit,
  NO_FORM,
  prefillFromExtraction,
  previewInput,
  signingFormOf,
  toIncomingInput,
  validateIncoming,
} from './incomingForm';

const unit = (code: string, name: string): Unit => ({
  id: `id-${code}`,
  code,
  name,
  shortName: null,
  level: 'agency',
  type: null,
  parentId: null,
  orgId: null,
  areaCode: null,
  areaName: null,
  fieldCodes: [],
  active: true,
});

const extraction: Extraction = {
  source: 'ocr',
  ocrAvailable: true,
  text: '…',
  fields: {
    issuer: { value: 'Ủy ban nhân dân tỉnh Quảng Ngãi', confidence: 0.9 },
    number: { value: { text: '125', numeric: 125, year: null }, confidence: 0.95 },
    notation: { value: 'UBND-KT', confidence: 0.95 },
    issuedDate: { value: '2026-03-12', confidence: 0.9 },
    type: { value: 'CV', confidence: 0.95 },
    subject: { value: 'V/v triển khai phòng, chống thiên tai', confidence: 0.55 },
    signingForm: { value: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH', confidence: 0.9 },
    signerPosition: { value: 'Phó Chủ tịch', confidence: 0.9 },
    signerName: { value: 'Nguyễn Hoàng Giang', confidence: 0.9 },
    recipients: { value: ['Như trên', 'Lưu: VT, KTN'], confidence: 0.9 },
    referencedCodes: { value: ['05/CT-TTg'], confidence: 0.9 },
    urgency: { value: 'Khẩn', confidence: 0.95 },
    secrecy: { value: null, confidence: 0 },
    place: null,
  },
};

describe('prefillFromExtraction', () => {
  it('maps every found field with its confidence', () => {
    const p = prefillFromExtraction(extraction, ['CV', 'QĐ']);
    expect(p.values).toMatchObject({
      issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
      number: '125',
      notation: 'UBND-KT',
      issuedDate: '2026-03-12',
      type: 'CV',
      signerForm: 'KT.',
      recipients: 'Như trên\nLưu: VT, KTN',
      references: [{ code: '05/CT-TTg', issuer: '', kind: 'other' }],
      urgency: '1',
    });
    expect(p.confidence.subject).toBe(0.55);
    expect(p.values.secrecy).toBeUndefined();
    expect(p.confidence.secrecy).toBeUndefined();
  });
  it('drops unknown types and malformed dates', () => {
    const p = prefillFromExtraction(
      {
        ...extraction,
        fields: { type: { value: 'XYZ', confidence: 0.9 }, issuedDate: { value: '12/03/2026', confidence: 1 } },
      },
      ['CV'],
    );
    expect(p.values).toEqual({});
  });
  it('keeps what was read for a refused value', () => {
    const p = prefillFromExtraction(
      {
        ...extraction,
        fields: {
          issuedDate: { value: null, confidence: 0, flags: ['DATE_INVALID'], raw: 'ngày 30 tháng 02 năm 2026' },
        },
      },
      ['CV'],
    );
    expect(p.unreadable).toEqual({ issuedDate: 'ngày 30 tháng 02 năm 2026' });
  });
});

describe('signingFormOf', () => {
  it('takes the last level', () => {
    expect(signingFormOf('TL. CHỦ TỊCH')).toBe('TL.');
    expect(signingFormOf('tuq. giám đốc')).toBe('TUQ.');
    expect(signingFormOf('CHỦ TỊCH')).toBe(NO_FORM);
    expect(signingFormOf(null)).toBeNull();
  });
});

describe('incoming form', () => {
  const units = [unit('51', 'Ủy ban nhân dân tỉnh Quảng Ngãi'), unit('STC', 'Sở Tài chính')];
  it('matches a known issuer by name or code, ignoring diacritics', () => {
    expect(matchUnit('so tai chinh', units)?.code).toBe('STC');
    expect(matchUnit('51', units)?.code).toBe('51');
    expect(matchUnit('Bộ Tài chính', units)).toBeNull();
  });
  it('builds IncomingIn', () => {
    const body = toIncomingInput(
      {
        ...EMPTY_FORM,
        issuer: 'Bộ Nội vụ',
        number: '05',
        notation: 'BNV-CCVC',
        issuedDate: '2026-01-06',
        type: 'CV',
        subject: 'V/v thử',
        signerForm: NO_FORM,
        urgency: '2',
        recipients: 'Như trên\n\n Lưu: VT ',
      },
      units,
    );
    expect(body).toMatchObject({
      issuer: { name: 'Bộ Nội vụ' },
      number: 5,
      notation: 'BNV-CCVC',
      signer: { form: '' },
      urgency: 2,
      recipients: ['Như trên', 'Lưu: VT'],
    });
    expect(toIncomingInput({ ...EMPTY_FORM, issuer: 'Sở Tài chính' }, units).issuer).toEqual({
      unitCode: 'STC',
      name: 'Sở Tài chính',
    });
  });
  it('validates the required fields', () => {
    const e = validateIncoming(
      { ...EMPTY_FORM, subject: 'ab', notation: 'QĐ UBND', references: [{ code: '5', issuer: '', kind: 'advice' }] },
      { required: (k) => `req ${k}`, subjectShort: 'short', notation: 'nota', referenceShort: 'ref' },
    );
    expect(e).toEqual({
      issuer: 'req issuer',
      issuedDate: 'req issuedDate',
      type: 'req type',
      subject: 'short',
      notation: 'nota',
      references: 'ref',
    });
  });
  it('sends references with their issuer and kind', () => {
    const body = toIncomingInput(
      {
        ...EMPTY_FORM,
        references: [
          { code: ' 12/STC-NS ', issuer: 'sở tài chính', kind: 'advice' },
          { code: '', issuer: 'Sở Tài chính', kind: 'other' },
          { code: '05/CT-TTg', issuer: 'Thủ tướng Chính phủ', kind: 'other' },
        ],
      },
      units,
    );
    expect(body.references).toEqual([
      { code: '12/STC-NS', issuer: { unitCode: 'STC' }, kind: 'advice' },
      { code: '05/CT-TTg', issuer: { name: 'Thủ tướng Chính phủ' }, kind: 'other' },
    ]);
  });
  it('previews the route only once issuer, date, type and subject are there', () => {
    const form = { ...EMPTY_FORM, issuer: 'Sở Tài chính', issuedDate: '2026-03-01', type: 'BC', subject: 'Báo cáo' };
    expect(previewInput({ ...form, subject: '' }, units)).toBeNull();
    expect(previewInput({ ...form, type: null }, units)).toBeNull();
    const body = previewInput({ ...form, notation: 'bad notation', fields: ['TAI_CHINH'] }, units, 'text');
    expect(body).toMatchObject({
      issuer: { unitCode: 'STC' },
      type: 'BC',
      subject: 'Báo cáo',
      fields: ['TAI_CHINH'],
      text: 'text',
    });
    expect(body).not.toHaveProperty('notation');
  });
  it('maps server error paths', () => {
    expect(formKeyOfPath('body.subject')).toBe('subject');
    expect(formKeyOfPath('issuer.name')).toBe('issuer');
    expect(formKeyOfPath('signer.form')).toBe('signerForm');
    expect(formKeyOfPath('recipients.2')).toBe('recipients');
    expect(formKeyOfPath('references.0.code')).toBe('references');
    expect(formKeyOfPath('x')).toBeNull();
  });
});
