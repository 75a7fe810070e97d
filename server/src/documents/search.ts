import { foldVietnamese } from '../platform/text.js';

/** A số/ký hiệu as typed: "1677/NQ-UBTVQH15", "05/QĐ-UBND", "125/UBND-KT". */
const CODE_RE = /^\s*(\d{1,6})\s*\/\s*([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)\s*$/u;

export interface ParsedQuery {
  /** Folded code when the whole query is a số/ký hiệu. */
  code: string | null;
  /** Folded words for full-text search, stop characters removed. */
  words: string[];
}

/**
 * Folded syllables found in nearly every administrative subject ("về việc", "tại", "số", "xã",
 * "của", "các"…). In an all-words search they narrow nothing and cost the most: they are left
 * out when the query has other words.
 */
const COMMON = new Set([
  'v',
  've',
  'viec',
  'vv',
  'tai',
  'so',
  'cua',
  'cac',
  'va',
  'voi',
  'cho',
  'xa',
  'phuong',
  'tinh',
  'nam',
  'de',
  'nghi',
  'thuc',
  'hien',
]);

export function parseQuery(q: string | undefined): ParsedQuery {
  if (!q?.trim()) return { code: null, words: [] };
  const m = CODE_RE.exec(q);
  if (m) {
    const n = Number(m[1]);
    // "5/QĐ-UBND" and "05/QĐ-UBND" are the same document.
    return { code: foldVietnamese(`${n < 10 ? `0${n}` : n}/${m[2]}`), words: [] };
  }
  const all = foldVietnamese(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 20);
  const telling = all.filter((w) => !COMMON.has(w));
  return { code: null, words: telling.length ? telling : all };
}

/** tsquery text for the folded words: every word must match, the last one as a prefix. */
export function toTsQuery(words: string[]): string | null {
  if (!words.length) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}
