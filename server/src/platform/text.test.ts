import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './text.js';

describe('foldVietnamese', () => {
  it('drops diacritics, đ and case', () => {
    expect(foldVietnamese('Về việc PHÂN LUỒNG văn bản đến')).toBe('ve viec phan luong van ban den');
    expect(foldVietnamese('Đặc khu Lý Sơn')).toBe('dac khu ly son');
    expect(foldVietnamese('7816/VPCP-TTĐT')).toBe('7816/vpcp-ttdt');
  });
  it('handles precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Thừa'.normalize('NFD'))).toBe(foldVietnamese('Thừa'.normalize('NFC')));
  });
});
