/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * "Phân luồng VĂN BẢN" and "phan luong van ban" fold to the same string.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
