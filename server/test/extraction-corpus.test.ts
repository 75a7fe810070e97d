/**
 * Every typed document of the corpus against its ground truth, field by field.
 * (The scans are measured by bench/extraction-accuracy.ts; OCR is too noisy for exact tests.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFields, extractionValues } from '../src/extraction/extract.ts';

const DIR = join(import.meta.dirname, 'fixtures/documents');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace('.expected.json', ''))
  .sort();

describe('extraction corpus (typed text)', () => {
  it('has the seed and at least 30 more documents, each with text and a scan', () => {
    expect(names.length).toBeGreaterThanOrEqual(31);
    expect(names[0]).toBe('01-thong-bao-ket-luan-2026-01-06');
    for (const n of names) {
      expect(readdirSync(DIR)).toContain(`${n}.txt`);
      expect(readdirSync(DIR)).toContain(`${n}.png`);
    }
  });

  it.each(names)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8'));
    const got = extractionValues(extractFields(readFileSync(join(DIR, `${name}.txt`), 'utf8')));
    const number = got.number as { text: string } | null;
    expect({ ...got, number: number?.text ?? null }).toEqual(expected);
  });
});
