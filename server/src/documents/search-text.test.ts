import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../platform/text.js';
import { searchTextOf } from './document.store.js';

// The text searchTextOf was first defined as: the parts joined by spaces, cut, then folded whole.
const joinedThenFolded = (parts: string[], max = 200_000) => foldVietnamese(parts.join(' ').slice(0, max));

describe('searchTextOf', () => {
  it('is the parts joined and folded whole, though it folds them one by one', () => {
    const d = {
      subject: '  V/v đề nghị   GIAO ĐẤT tại xã Bình Sơn ',
      code: '123/SNNMT-QLĐĐ',
      issuerName: 'Sở Nông nghiệp và Môi trường',
      signerName: '',
      referencedCodes: ['45/UBND-KT', '9/TTr-UBND'],
      body: '',
      fullText: 'Căn cứ ý kiến thẩm định\tcủa Sở …\n\nKính đề nghị.',
    };
    expect(searchTextOf(d)).toBe(
      joinedThenFolded([d.subject, d.code, d.issuerName, '', '45/UBND-KT 9/TTr-UBND', '', d.fullText]),
    );
    expect(searchTextOf({ subject: 'Báo cáo', issuerName: 'Sở Y tế' })).toBe('bao cao so y te');
  });

  it('keeps only the first 200,000 characters of the joined parts, wherever the cut falls', () => {
    const long = 'Đất đai '.repeat(30_000); // 240,000 characters
    for (const d of [
      { subject: 'Trích yếu', issuerName: 'Sở Tài chính', fullText: long },
      { subject: long, issuerName: 'Sở Tài chính', fullText: 'Phần sau bị cắt' },
      { subject: 'x'.repeat(199_999), issuerName: 'Sở Tài chính' },
    ]) {
      expect(searchTextOf(d)).toBe(joinedThenFolded([d.subject, '', d.issuerName, '', '', '', d.fullText ?? '']));
    }
  });
});
