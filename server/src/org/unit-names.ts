import { foldVietnamese } from '../platform/text.js';

/**
 * A key under which the ways of writing one unit's name meet: "ỦY BAN NHÂN DÂN XÃ TỊNH KHÊ",
 * "UBND xã Tịnh Khê" and "Xã Tịnh Khê" are one commune; "Văn phòng UBND tỉnh Quảng Ngãi" and
 * "Văn phòng UBND tỉnh" are one Office. `provinceSuffix` is e.g. "tinh quang ngai".
 */
export function unitNameKey(name: string, provinceSuffix: string): string {
  let k = foldVietnamese(name)
    .replace(/[.,;:]+$/g, '')
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\bhdnd\b/g, 'hoi dong nhan dan');
  if (provinceSuffix && k.endsWith(` ${provinceSuffix}`)) k = k.slice(0, -provinceSuffix.length - 1);
  k = k.replace(/\buy ban nhan dan tinh$/, 'uy ban nhan dan');
  k = k.replace(/^uy ban nhan dan (?=(xa|phuong|dac khu) )/, '');
  return k.replace(/\s+/g, ' ').trim();
}
