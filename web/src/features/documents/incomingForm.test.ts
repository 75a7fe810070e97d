import { describe, expect, it } from 'vitest';
import type { Extraction, Unit } from '../../api/types';
import {
  EMPTY_FORM,
  formKeyOfPath,
  matchUnit,
  NO_FORM,
  prefillFromExtraction,
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
      referencedCodes: ['05/CT-TTg'],
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
      { ...EMPTY_FORM, subject: 'ab', notation: 'QĐ UBND' },
      { required: (k) => `req ${k}`, subjectShort: 'short', notation: 'nota' },
    );
    expect(e).toEqual({
      issuer: 'req issuer',
      issuedDate: 'req issuedDate',
      type: 'req type',
      subject: 'short',
      notation: 'nota',
    });
  });
  it('maps server error paths', () => {
    expect(formKeyOfPath('body.subject')).toBe('subject');
    expect(formKeyOfPath('issuer.name')).toBe('issuer');
    expect(formKeyOfPath('signer.form')).toBe('signerForm');
    expect(formKeyOfPath('recipients.2')).toBe('recipients');
    expect(formKeyOfPath('x')).toBeNull();
  });
});
