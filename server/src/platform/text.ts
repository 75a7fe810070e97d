/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * "Phân luồng VĂN BẢN" and "phan luong van ban" fold to the same string.
 */
export function foldVietnamese(s: string): string {
  if (s.length > MEMO_MAX_LENGTH) return fold(s);
  let f = memo.get(s);
  if (f === undefined) {
    f = fold(s);
    // Registration folds the same subject for search, facts, classifier and keywords: a small
    // memo of recent short strings saves the repeats. Cleared whole when full: no LRU bookkeeping.
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(s, f);
  }
  return f;
}

const MEMO_SIZE = 1024;
const MEMO_MAX_LENGTH = 500;
const memo = new Map<string, string>();

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
