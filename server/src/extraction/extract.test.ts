import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFields, extractionValues, normalizeNotation, readablePosition } from './extract.ts';
import { readableName } from './vn-text.ts';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/documents');
const seed = readFileSync(join(FIXTURES, '01-thong-bao-ket-luan-2026-01-06.txt'), 'utf8');

/** A công văn header typed as two columns, as many agencies paste it into e-mail. */
const CONG_VAN = `UBND TỈNH QUẢNG NGÃI                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
     VĂN PHÒNG                                   Độc lập - Tự do - Hạnh phúc
      -------                                      ---------------
 Số: 05/VP-TH                             Quảng Ngãi, ngày 06 tháng 01 năm 2026
V/v triển khai thực hiện kết luận
  của Phó Chủ tịch UBND tỉnh
       KHẨN

                Kính gửi: Các phòng, đơn vị thuộc Văn phòng.

    Thực hiện Thông báo số 03/TB-UBND và Nghị quyết số 1677/NQ-UBTVQH15, Văn phòng đề nghị ...

Nơi nhận:                                         TL. CHỦ TỊCH
- Như trên;                                      CHÁNH VĂN PHÒNG
- Lưu: VT, TH.
                                                     (Đã ký)
                                                Nguyễn Quốc Việt
`;

describe('extractFields on the seed notice', () => {
  const x = extractFields(seed);

  it('reads type, date, signing block and recipients', () => {
    expect(x.type.value).toBe('TB');
    expect(x.issuedDate.value).toBe('2026-01-06');
    expect(x.signingForm.value).toBe('TL. CHỦ TỊCH');
    expect(x.signerPosition.value).toBe('Chánh Văn phòng');
    expect(x.signerName.value).toBe('Nguyễn Quốc Việt');
    expect(x.recipients.value).toEqual([
      'Chủ tịch, các PCT UBND tỉnh (báo cáo)',
      'VPUB: CVP, PCVP, các phòng, ban, đơn vị',
      'Công Thông tin điện tử tỉnh',
      'Lưu VT, HCTC(HNB)',
    ]);
    expect(x.subject.value).toBe(
      'Kết luận của đồng chí Trần Phước Hiền, Phó Chủ tịch UBND tỉnh tại buổi làm việc với Văn phòng UBND tỉnh',
    );
    expect(x.referencedCodes.value).toEqual(['01/BC-VP']);
  });

  it('takes the date from the body with low confidence and says so, since there is no date line', () => {
    expect(x.issuedDate.confidence).toBeLessThan(0.5);
    expect(x.issuedDate.flags).toContain('DATE_FROM_BODY');
    expect(x.warnings.map((w) => w.code)).toContain('DATE_FROM_BODY');
  });

  it('does not invent a number, notation, issuer or place that the text does not have', () => {
    for (const f of [x.number, x.notation, x.issuer, x.place]) {
      expect(f.value).toBeNull();
      expect(f.confidence).toBe(0);
    }
    expect(x.number.flags).toContain('NOT_FOUND');
    expect(x.urgency.value).toBeNull();
    expect(x.secrecy.value).toBeNull();
  });
});

describe('extractFields on a công văn', () => {
  const x = extractFields(CONG_VAN);

  it('reads a two-column header', () => {
    expect(x.issuer.value).toBe('Văn phòng UBND tỉnh Quảng Ngãi');
    expect(x.issuerParent.value).toBe('UBND tỉnh Quảng Ngãi');
    expect(x.number.value).toEqual({ text: '05', numeric: 5, year: null });
    expect(x.notation.value).toBe('VP-TH');
    expect(x.place.value).toBe('Quảng Ngãi');
    expect(x.issuedDate).toMatchObject({ value: '2026-01-06' });
    expect(x.issuedDate.confidence).toBeGreaterThan(0.9);
  });

  it('treats "V/v" as a công văn and joins its wrapped lines', () => {
    expect(x.type.value).toBe('CV');
    expect(x.subject.value).toBe('V/v triển khai thực hiện kết luận của Phó Chủ tịch UBND tỉnh');
  });

  it('reads the urgency stamp, the signing block beside Nơi nhận, and cited codes', () => {
    expect(x.urgency.value).toBe('Khẩn');
    expect(x.signingForm.value).toBe('TL. CHỦ TỊCH');
    expect(x.signerPosition.value).toBe('Chánh Văn phòng');
    expect(x.signerName.value).toBe('Nguyễn Quốc Việt');
    expect(x.recipients.value).toEqual(['Như trên', 'Lưu: VT, TH']);
    expect(x.referencedCodes.value).toEqual(['03/TB-UBND', '1677/NQ-UBTVQH15']);
  });
});

describe('extractFields with OCR noise', () => {
  const noisy = `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHÚ NGHĨA.VIỆT NAM
TỈNH QUẢNG NGẤT tiộc lập - 'Dự do - Hạnh phúc
S6: 15 /QD-UBND Quang Ngai, ngay 6 thang 1 nam 2026
QUYÉT ĐỊNH
Về việc giao chỉ tiêu biên chế năm 2026

Căn cứ Nghị định số 30/2020/NÐ-CP;
Noi nhan: TM. UỶ BAN NHÂN DÂN
~ Như Điều 3; KT: CHU TICH
- Lưu: VT, NC. (Đãký) PHO CHU TICH

Trần Phước Hiền
`;
  const x = extractFields(noisy);

  it('reads "S6:", spaces around "/", and restores Đ in the type abbreviation', () => {
    expect(x.number.value?.text).toBe('15');
    expect(x.notation.value).toBe('QĐ-UBND');
    expect(x.type.value).toBe('QĐ');
  });

  it('reads a date line without diacritics or leading zeros', () => {
    expect(x.issuedDate.value).toBe('2026-01-06');
    expect(x.place.value).toBe('Quang Ngai');
  });

  it('repairs the province name and set phrases of the agency', () => {
    expect(x.issuer.value).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi');
  });

  it('reads the signing block merged into the recipient lines', () => {
    expect(x.signingForm.value).toBe('TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH');
    expect(x.signerPosition.value).toBe('Phó Chủ tịch');
    expect(x.signerName.value).toBe('Trần Phước Hiền');
    expect(x.recipients.value).toEqual(['Như Điều 3', 'Lưu: VT, NC']);
    expect(x.referencedCodes.value).toEqual(['30/2020/NĐ-CP']);
  });
});

describe('extractFields refuses to guess', () => {
  it('gives no date, with a flag, for 30 February', () => {
    const x = extractFields(CONG_VAN.replace('ngày 06 tháng 01 năm 2026', 'ngày 30 tháng 02 năm 2026'));
    expect(x.issuedDate.value).toBeNull();
    expect(x.issuedDate.flags).toContain('DATE_INVALID');
    expect(x.issuedDate.raw).toBe('ngày 30 tháng 02 năm 2026');
    expect(x.warnings).toContainEqual({
      field: 'issuedDate',
      code: 'DATE_INVALID',
      detail: 'ngày 30 tháng 02 năm 2026',
    });
    // The place is still read; only the date is refused, and no body date replaces it.
    expect(x.place.value).toBe('Quảng Ngãi');
  });

  it('keeps the notation but no number when the number is left blank', () => {
    const x = extractFields(CONG_VAN.replace('Số: 05/VP-TH', 'Số:     /VP-TH'));
    expect(x.number.value).toBeNull();
    expect(x.number.flags).toContain('NUMBER_BLANK');
    expect(x.notation.value).toBe('VP-TH');
  });

  it('returns empty fields for text that is not a document', () => {
    const x = extractFields('Xin chào, đây không phải văn bản hành chính.');
    expect(extractionValues(x)).toMatchObject({ type: null, number: null, issuedDate: null, signerName: null });
    expect(extractFields('').type.value).toBeNull();
  });
});

describe('legal normative documents, secrecy, TM./KT. and Q.', () => {
  it('reads "15/2025/NQ-HĐND" as number 15 of 2025 with notation NQ-HĐND', () => {
    const x = extractFields(`HỘI ĐỒNG NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 15/2025/NQ-HĐND        Quảng Ngãi, ngày 10 tháng 12 năm 2025
TỐI MẬT

NGHỊ QUYẾT
Quy định mức chi cho công tác tiếp công dân

HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NGÃI
`);
    expect(x.number.value).toEqual({ text: '15', numeric: 15, year: 2025 });
    expect(x.notation.value).toBe('NQ-HĐND');
    expect(x.type).toMatchObject({ value: 'NQ' });
    expect(x.secrecy.value).toBe('Tối mật');
    expect(x.subject.value).toBe('Quy định mức chi cho công tác tiếp công dân');
    expect(x.issuer.value).toBe('Hội đồng nhân dân tỉnh Quảng Ngãi');
  });

  it('derives "Quyền Chủ tịch" from "Q. CHỦ TỊCH" with no position line, and flags it', () => {
    const x = extractFields(`ỦY BAN NHÂN DÂN
XÃ BA TƠ
Số: 56/QĐ-UBND
QUYẾT ĐỊNH
Về việc thành lập Tổ công tác

Điều 1. ...
Nơi nhận:                          TM. ỦY BAN NHÂN DÂN
- Như Điều 2;                          Q. CHỦ TỊCH
- Lưu: VT.
                                       Đinh Văn Rin
`);
    expect(x.signingForm.value).toBe('TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH');
    expect(x.signerPosition).toMatchObject({ value: 'Quyền Chủ tịch', flags: ['POSITION_FROM_FORM'] });
    expect(x.signerName.value).toBe('Đinh Văn Rin');
    expect(x.issuer.value).toBe('Ủy ban nhân dân xã Ba Tơ');
  });
});

describe('helpers', () => {
  it('writes agency names as Vietnamese capitalises them', () => {
    expect(readableName('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI')).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi');
    expect(readableName('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG')).toBe('Sở Nông nghiệp và Môi trường');
    expect(readableName('SỞ CÔNG THƯƠNG')).toBe('Sở Công Thương');
    expect(readableName('VĂN PHÒNG CHÍNH PHỦ')).toBe('Văn phòng Chính phủ');
    expect(readableName('UBND PHƯỜNG CẨM THÀNH')).toBe('UBND phường Cẩm Thành');
    expect(readableName('ỦY BAN NHÂN DÂN ĐẶC KHU LÝ SƠN')).toBe('Ủy ban nhân dân đặc khu Lý Sơn');
    expect(readableName('BAN QUẢN LÝ DỰ ÁN')).toBe('Ban Quản lý dự án');
  });

  it('writes positions with their capitals', () => {
    expect(readablePosition('CHÁNH VĂN PHÒNG')).toBe('Chánh Văn phòng');
    expect(readablePosition('PHÓ CHỦ TỊCH')).toBe('Phó Chủ tịch');
    expect(readablePosition('PHO GIAM DOC')).toBe('Phó Giám đốc');
    expect(readablePosition('GIÁM ĐỐC SỞ XÂY DỰNG')).toBe('Giám đốc Sở Xây dựng');
  });

  it('repairs only unambiguous OCR slips in notations', () => {
    expect(normalizeNotation('QD-UBND')).toBe('QĐ-UBND');
    expect(normalizeNotation('CD - UBND')).toBe('CĐ-UBND');
    expect(normalizeNotation('NQ-HDND')).toBe('NQ-HĐND');
    expect(normalizeNotation('HD-SNV')).toBe('HD-SNV'); // Hướng dẫn or Hợp đồng: left as read
    expect(normalizeNotation('VPCP-TTĐT')).toBe('VPCP-TTĐT');
  });
});
