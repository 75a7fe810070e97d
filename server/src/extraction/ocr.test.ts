import { describe, expect, it } from 'vitest';
import { cleanOcrText, fixOcrCase } from './ocr.ts';

describe('OCR text clean-up', () => {
  it('fixes tesseract case slips inside small-letter text only', () => {
    expect(fixOcrCase('của ThỦ tướng Chính phỦủ')).toBe('của Thủ tướng Chính phủ');
    expect(fixOcrCase('VỀ tăng cường kỷ luật')).toBe('Về tăng cường kỷ luật');
    expect(fixOcrCase('- SỞ Tài chính;')).toBe('- Sở Tài chính;');
    expect(fixOcrCase('SỞ TÀI CHÍNH Độc lập - Tự do - Hạnh phúc')).toBe('SỞ TÀI CHÍNH Độc lập - Tự do - Hạnh phúc');
    expect(fixOcrCase('ỦY BAN NHÂN DÂN')).toBe('ỦY BAN NHÂN DÂN');
  });

  it('normalises and trims', () => {
    expect(cleanOcrText('Quảng Ngãi  \f\n\n\n\nngày')).toBe('Quảng Ngãi\n\nngày');
    expect(cleanOcrText('Nghi\u0303a')).toBe('Nghĩa');
  });
});
