import { describe, expect, it } from 'vitest';
import { unitNameKey } from './unit-names.js';

const key = (s: string) => unitNameKey(s, 'tinh quang ngai');

describe('unit name keys', () => {
  it('meets the usual ways of writing one unit', () => {
    expect(key('ỦY BAN NHÂN DÂN XÃ TỊNH KHÊ')).toBe(key('Xã Tịnh Khê'));
    expect(key('UBND xã Tịnh Khê')).toBe(key('Xã Tịnh Khê'));
    expect(key('Văn phòng UBND tỉnh Quảng Ngãi')).toBe(key('Văn phòng UBND tỉnh'));
    expect(key('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI')).toBe(key('Ủy ban nhân dân tỉnh Quảng Ngãi'));
    expect(key('Sở Tài chính tỉnh Quảng Ngãi')).toBe(key('Sở Tài chính'));
  });
  it('keeps different units apart', () => {
    expect(key('Xã Tịnh Khê')).not.toBe(key('Phường Cẩm Thành'));
    expect(key('Sở Tài chính')).not.toBe(key('Bộ Tài chính'));
  });
});
