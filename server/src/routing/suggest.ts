import { foldVietnamese } from '../platform/text.js';

export interface FieldSuggestion {
  field: string;
  confidence: number;
  method: 'keywords' | 'classifier';
}

/**
 * Cold-start suggestion from the policy's keywords: the field whose phrases cover most of the
 * text. Longer phrases count more (by their words), each phrase once however often it occurs.
 * Null when nothing matches.
 */
export function suggestField(keywords: Record<string, string[]>, text: string): FieldSuggestion | null {
  const t = foldVietnamese(text);
  const index = keywordIndex(keywords);
  const sums = new Array<number>(index.fields.length).fill(0);
  // Each phrase is looked for only where the text has its first two characters; `seen` marks the
  // phrases already counted by this call (a stamp per call, so the marks need no clearing).
  const stamp = ++index.stamp;
  for (let i = 0; i + 1 < t.length; i++) {
    const starting = index.byStart.get(t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1));
    if (!starting) continue;
    for (const p of starting) {
      if (index.seen[p.id] !== stamp && t.startsWith(p.folded, i)) {
        index.seen[p.id] = stamp;
        sums[p.field]! += p.words;
      }
    }
  }
  for (const p of index.short) if (t.includes(p.folded)) sums[p.field]! += p.words;
  const scores: [string, number][] = [];
  for (let f = 0; f < sums.length; f++) if (sums[f]! > 0) scores.push([index.fields[f]!, sums[f]!]);
  if (!scores.length) return null;
  scores.sort((a, b) => b[1] - a[1]);
  const total = scores.reduce((n, [, s]) => n + s, 0);
  return { field: scores[0]![0], confidence: Math.round((scores[0]![1] / total) * 100) / 100, method: 'keywords' };
}

interface Phrase {
  id: number;
  field: number;
  folded: string;
  words: number;
}

interface KeywordIndex {
  fields: string[];
  /** The first two characters of a phrase (code · 65536 + code) → the phrases that start with them. */
  byStart: Map<number, Phrase[]>;
  /** Phrases of one character, looked for in the whole text. */
  short: Phrase[];
  seen: Int32Array;
  stamp: number;
}

const indexes = new WeakMap<Record<string, string[]>, KeywordIndex>();

/**
 * A policy's keywords folded and indexed once: every registration whose subject the classifier
 * cannot place is matched against all of them (about 300 in the demo policy), and looking for
 * each phrase in the whole text was 11 % of routing's decision in the documents benchmark.
 */
function keywordIndex(keywords: Record<string, string[]>): KeywordIndex {
  let index = indexes.get(keywords);
  if (!index) {
    const fields = Object.keys(keywords);
    const byStart = new Map<number, Phrase[]>();
    const short: Phrase[] = [];
    let id = 0;
    fields.forEach((field, f) => {
      for (const w of keywords[field]!) {
        const folded = foldVietnamese(w);
        if (!folded) continue;
        const p: Phrase = { id: id++, field: f, folded, words: folded.split(' ').length };
        if (folded.length < 2) short.push(p);
        else {
          const key = folded.charCodeAt(0) * 0x10000 + folded.charCodeAt(1);
          const list = byStart.get(key);
          if (list) list.push(p);
          else byStart.set(key, [p]);
        }
      }
    });
    index = { fields, byStart, short, seen: new Int32Array(id), stamp: 0 };
    indexes.set(keywords, index);
  }
  return index;
}
