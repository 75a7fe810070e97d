import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../platform/text.js';
import { suggestField } from './suggest.js';
import { DEMO_POLICY } from './seed/demo-policy.js';

/** What suggestField must answer, stated plainly: per field, the words of its phrases found anywhere in the folded text. */
function expected(keywords: Record<string, string[]>, text: string) {
  const t = foldVietnamese(text);
  const scored = Object.entries(keywords)
    .map(([field, phrases]) => ({
      field,
      score: phrases
        .map(foldVietnamese)
        .filter((p) => p !== '' && t.indexOf(p) !== -1)
        .reduce((n, p) => n + p.split(' ').length, 0),
    }))
    .filter((x) => x.score > 0);
  if (scored.length === 0) return null;
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const total = scored.reduce((n, x) => n + x.score, 0);
  return { field: best.field, confidence: Math.round((best.score / total) * 100) / 100, method: 'keywords' };
}

describe('keyword suggestion', () => {
  it('finds every phrase where it starts, inside words too, each once, as a plain search of the text does', () => {
    const keywords = {
      A: ['đất đai', 'giao đất', 'x', 'đất'],
      B: ['thuế', 'ngân sách', 'sách', 'đất'],
      C: ['a', 'đ'],
    };
    const texts = [
      'V/v giao đất, giao đất và ĐẤT ĐAI',
      'Ngân sách nhà nước: thuế, phí',
      'Sổ sách kế toán',
      'Không có gì',
      'đ',
      'xx',
      '',
      'Về việc đất',
    ];
    for (const t of texts) expect(suggestField(keywords, t), t).toEqual(expected(keywords, t));
  });

  it('answers as the plain search does on the demo policy for subjects made of its own phrases', () => {
    const all = Object.values(DEMO_POLICY.keywords).flat();
    let seed = 7;
    const pick = () => all[(seed = (seed * 1103515245 + 12345) % 2147483648) % all.length]!;
    let matched = 0;
    for (let i = 0; i < 500; i++) {
      const subject = `V/v ${pick()} và ${pick().toUpperCase()} tại xã Ba Tơ số ${i}`;
      const got = suggestField(DEMO_POLICY.keywords, subject);
      expect(got, subject).toEqual(expected(DEMO_POLICY.keywords, subject));
      if (got) matched++;
    }
    expect(matched).toBe(500);
    expect(suggestField(DEMO_POLICY.keywords, 'Giấy mời họp giao ban')).toEqual(
      expected(DEMO_POLICY.keywords, 'Giấy mời họp giao ban'),
    );
  });
});
