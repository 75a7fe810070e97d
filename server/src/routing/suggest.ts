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
  for (const [field, words] of Object.entries(keywords)) {
    let s = 0;
    for (const w of words) {
      const fw = foldVietnamese(w);
      if (fw && t.includes(fw)) s += fw.split(' ').length;
    }
    if (s > 0) scores.push([field, s]);
  }
  if (!scores.length) return null;
  scores.sort((a, b) => b[1] - a[1]);
  const total = scores.reduce((n, [, s]) => n + s, 0);
  return { field: scores[0]![0], confidence: Math.round((scores[0]![1] / total) * 100) / 100, method: 'keywords' };
}
