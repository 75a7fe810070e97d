import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrate.js';
import { gramsLiteral, hashText, subjectGrams } from '../src/routing/subject-grams.js';
import { freshDatabase } from './helpers.js';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = await fresh.open();
  drop = async () => {
    await db.close();
    await fresh.drop();
  };
  await migrate(db);
});
afterAll(async () => drop?.());

const labelled = readFileSync(join(import.meta.dirname, 'fixtures/classifier/labelled.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

const edges = [
  '',
  'Một',
  '  V/v   đề nghị\tGIAO ĐẤT\n\ntại xã Bình Sơn  ',
  'Thực hiện Nghị định 178/2024/NĐ-CP và 01/01/2026; HIV/AIDS',
  'ĐỀ NGHỊ đề nghị Đề Nghị', // repeats: one gram each
  'De\u0300 nghi\u0323 (dấu tổ hợp rời)', // combining marks, not precomposed
  'Kelvin \u212A và \u0130stanbul, ẞ, Σίσυφος', // letters NFD or case folding turn into ASCII, or not
  'Báo cáo 📄 — “chuyển đổi số” – kỳ I/2026',
  'a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9',
  'tu tu tu tu tu', // one bigram, many times
];

describe('subject bigrams computed in the app', () => {
  it("hash like PostgreSQL's hashtext, for every length around the 12-byte blocks", async () => {
    const strings = Array.from({ length: 40 }, (_, n) => 'chuyen doi so 2026 giao dat '.repeat(2).slice(0, n));
    const rows = await db.query<{ h: number }>(
      'SELECT hashtext(s) AS h FROM unnest($1::text[]) WITH ORDINALITY u(s, i) ORDER BY i',
      [strings],
    );
    expect(strings.map(hashText)).toEqual(rows.map((r) => r.h));
  });

  it("are the database's subject_grams for the labelled subjects and edge cases", async () => {
    const texts = [...labelled, ...edges];
    expect(texts.length).toBeGreaterThan(500);
    const rows = await db.query<{ g: number[] }>(
      'SELECT subject_grams(s) AS g FROM unnest($1::text[]) WITH ORDINALITY u(s, i) ORDER BY i',
      [texts],
    );
    const mismatched = texts.filter((t, i) => JSON.stringify(subjectGrams(t)) !== JSON.stringify(rows[i]!.g));
    expect(mismatched).toEqual([]);
    expect(subjectGrams('tu tu tu tu tu')).toHaveLength(1);
    expect(subjectGrams('Một')).toEqual([]);
  });

  it('read back through the int[] literal registration sends', async () => {
    const g = subjectGrams('V/v đề nghị giao đất tại xã Bình Sơn');
    const [row] = await db.query<{ g: number[] }>('SELECT $1::int[] AS g', [gramsLiteral(g)]);
    expect(row!.g).toEqual(g);
    expect((await db.query<{ g: number[] }>('SELECT $1::int[] AS g', [gramsLiteral([])]))[0]!.g).toEqual([]);
  });
});
