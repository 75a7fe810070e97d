import { describe, expect, it } from 'vitest';
import { checkFormat, type DraftForCheck } from './format-check.js';

const good: DraftForCheck = {
  type: 'QĐ',
  subject: 'Về việc phê duyệt kế hoạch chuyển đổi số năm 2026',
  body: 'Quảng Ngãi, ngày 06 tháng 01 năm 2026\nQUYẾT ĐỊNH …',
  notation: 'QĐ-UBND',
  issuerShort: 'UBND',
  issuerLevel: 'province',
  signerForm: 'KT.',
  signerPosition: 'Phó Chủ tịch',
  recipients: [{ name: 'Sở Tài chính' }],
};
const codes = (d: Partial<DraftForCheck>) => checkFormat({ ...good, ...d }).map((v) => v.code);

describe('format check (NĐ 30/2020)', () => {
  it('passes a well-formed draft', () => {
    expect(checkFormat(good)).toEqual([]);
  });
  it('flags a notation that does not match type and issuer', () => {
    expect(codes({ notation: 'QĐ-VP' })).toEqual(['NOTATION_MISMATCH']);
    expect(codes({ type: 'CV', notation: 'UBND-KT', subject: 'V/v góp ý' })).toEqual([]);
  });
  it('flags a date without leading zeros, and cites the decree', () => {
    const v = checkFormat({ ...good, body: 'Quảng Ngãi, ngày 6 tháng 1 năm 2026' });
    expect(v.map((x) => x.code)).toEqual(['DATE_LEADING_ZERO']);
    expect(v[0]!.citation).toMatch(/NĐ 30\/2020/);
    expect(codes({ body: 'Quảng Ngãi, ngày 15 tháng 3 năm 2026' })).toEqual([]);
  });
  it('matches the signing form to the position', () => {
    expect(codes({ signerForm: 'KT.', signerPosition: 'Chủ tịch' })).toEqual(['SIGNING_FORM_MISMATCH']);
    expect(codes({ signerForm: '', signerPosition: 'Phó Chủ tịch' })).toEqual(['SIGNING_FORM_MISMATCH']);
    expect(codes({ signerForm: 'TM.', signerPosition: 'Chủ tịch' })).toEqual([]);
    expect(codes({ signerForm: 'TL.', signerPosition: 'Chánh Văn phòng' })).toEqual([]);
    expect(codes({ signerForm: 'TL.', signerPosition: 'Phó Chủ tịch' })).toEqual(['SIGNING_FORM_MISMATCH']);
  });
  it('requires a subject, "V/v" for công văn, and recipients', () => {
    expect(codes({ subject: ' ' })).toEqual(['SUBJECT_MISSING']);
    expect(codes({ type: 'CV', notation: null, subject: 'Góp ý dự thảo' })).toEqual(['SUBJECT_VV']);
    expect(codes({ recipients: [] })).toEqual(['RECIPIENTS_MISSING']);
  });
});
