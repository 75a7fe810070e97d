import { foldVietnamese } from '../platform/text.js';

export interface FieldSuggestion {
  field: string;
  confidence: number;
  method: 'keywords' | 'classifier';
}

/**
 * Cold-start suggestion from the policy's keywords: the field whose phrases cover most of the
 * text. Longer phrases count more. Null when nothing matches.
 */
export function suggestField(keywords: Record<string, string[]>, text: string): FieldSuggestion | null {
  const t = foldVietnamese(text);
  const scores: [string, number][] = [];
  for (const [field, phrases] of foldedKeywords(keywords)) {
    let s = 0;
    for (const { folded, words } of phrases) if (t.includes(folded)) s += words;
    if (s > 0) scores.push([field, s]);
  }
  if (!scores.length) return null;
  scores.sort((a, b) => b[1] - a[1]);
  const total = scores.reduce((n, [, s]) => n + s, 0);
  return { field: scores[0]![0], confidence: Math.round((scores[0]![1] / total) * 100) / 100, method: 'keywords' };
}

type FoldedKeywords = [string, { folded: string; words: number }[]][];
const folded = new WeakMap<Record<string, string[]>, FoldedKeywords>();

/** A policy's keywords folded once: every registration is matched against all of them. */
function foldedKeywords(keywords: Record<string, string[]>): FoldedKeywords {
  let f = folded.get(keywords);
  if (!f) {
    f = Object.entries(keywords).map(([field, ws]) => [
      field,
      ws
        .map((w) => foldVietnamese(w))
        .filter(Boolean)
        .map((fw) => ({ folded: fw, words: fw.split(' ').length })),
    ]);
    folded.set(keywords, f);
  }
  return f;
}
