/**
 * Extraction accuracy on the corpus (server/test/fixtures/documents), per field, on the typed
 * texts and on OCR of the scans side by side; then OCR seconds per page of our pipeline
 * (ocrImage: image on stdin, one OpenMP thread) against the bare tesseract CLI on the same pages.
 *
 * Run: npx tsx bench/extraction-accuracy.ts [--no-ocr] [--limit N] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFields, extractionValues } from '../server/src/extraction/extract.ts';
import { isOcrAvailable, ocrImage, TESSERACT } from '../server/src/extraction/ocr.ts';

const DIR = join(import.meta.dirname, '../server/test/fixtures/documents');
const args = process.argv.slice(2);
const noOcr = args.includes('--no-ocr');
const verbose = args.includes('--verbose');
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;

const FIELDS = [
  'issuer',
  'issuerParent',
  'number',
  'notation',
  'place',
  'issuedDate',
  'type',
  'subject',
  'signingForm',
  'signerPosition',
  'signerName',
  'recipients',
  'referencedCodes',
  'urgency',
  'secrecy',
] as const;
type FieldName = (typeof FIELDS)[number];

/** Exact match after normalisation: NFC, whitespace collapsed; cited codes compared as a set. */
function norm(field: FieldName, v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (field === 'number' && typeof v === 'object') v = (v as { text: string }).text;
  const s = (x: unknown) => String(x).normalize('NFC').replace(/\s+/g, ' ').trim();
  if (Array.isArray(v)) {
    const items = v.map(s);
    return JSON.stringify(field === 'referencedCodes' ? [...items].sort() : items);
  }
  return s(v);
}

function pad(s: string, n: number) {
  return s + ' '.repeat(Math.max(0, n - [...s].length));
}

async function main() {
  const docs = readdirSync(DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .slice(0, limit)
    .map((f) => f.replace('.expected.json', ''));
  const ocrOn = !noOcr && (await isOcrAvailable());
  if (!noOcr && !ocrOn)
    console.log('OCR unavailable: install tesseract-ocr tesseract-ocr-vie poppler-utils. Text only.\n');

  const hits = { text: new Map<FieldName, number>(), ocr: new Map<FieldName, number>() };
  const timing = { ours: 0, bare: 0, pages: 0 };
  let extractMs = 0;
  for (const name of docs) {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Record<FieldName, unknown>;
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const t0 = performance.now();
    const fromText = extractionValues(extractFields(text));
    extractMs += performance.now() - t0;
    const runs: ['text' | 'ocr', Record<string, unknown>][] = [['text', fromText]];
    if (ocrOn) {
      const pages = readdirSync(DIR)
        .filter((f) => f === `${name}.png` || (f.startsWith(`${name}.p`) && f.endsWith('.png')))
        .sort((a, b) => a.length - b.length || a.localeCompare(b));
      const texts: string[] = [];
      for (const p of pages) {
        const buf = readFileSync(join(DIR, p));
        const a = performance.now();
        const r = await ocrImage(buf);
        timing.ours += (performance.now() - a) / 1000;
        texts.push(r.text);
        const b = performance.now();
        execFileSync(TESSERACT, [join(DIR, p), 'stdout', '-l', 'vie', '--psm', '4'], {
          stdio: ['ignore', 'ignore', 'ignore'],
        });
        timing.bare += (performance.now() - b) / 1000;
        timing.pages++;
      }
      runs.push(['ocr', extractionValues(extractFields(texts.join('\n\n')))]);
    }
    for (const [kind, got] of runs) {
      for (const f of FIELDS) {
        const ok = norm(f, got[f]) === norm(f, expected[f]);
        if (ok) hits[kind].set(f, (hits[kind].get(f) ?? 0) + 1);
        else if (verbose)
          console.log(`${kind.padEnd(4)} ${name} ${f}: expected ${norm(f, expected[f])} got ${norm(f, got[f])}`);
      }
    }
  }
  if (verbose) console.log('');

  const n = docs.length;
  const cell = (h: number) => `${String(h).padStart(3)}/${n} ${((100 * h) / n).toFixed(0).padStart(3)}%`;
  console.log(`Extraction accuracy, ${n} documents (exact match after normalisation)\n`);
  console.log(`${pad('field', 17)}| ${pad('typed text', 14)}| ${ocrOn ? 'OCR of scans' : ''}`);
  console.log(`${'-'.repeat(17)}+${'-'.repeat(15)}+${ocrOn ? '-'.repeat(15) : ''}`);
  let tt = 0;
  let to = 0;
  for (const f of FIELDS) {
    const a = hits.text.get(f) ?? 0;
    const b = hits.ocr.get(f) ?? 0;
    tt += a;
    to += b;
    console.log(`${pad(f, 17)}| ${pad(cell(a), 14)}| ${ocrOn ? cell(b) : ''}`);
  }
  const all = n * FIELDS.length;
  console.log(`${'-'.repeat(17)}+${'-'.repeat(15)}+${ocrOn ? '-'.repeat(15) : ''}`);
  const tot = (h: number) => `${String(h).padStart(3)}/${all} ${((100 * h) / all).toFixed(1)}%`;
  console.log(`${pad('all fields', 17)}| ${pad(tot(tt), 14)}| ${ocrOn ? tot(to) : ''}`);
  console.log(`\nextractFields: ${(extractMs / n).toFixed(2)} ms per document`);
  if (ocrOn && timing.pages) {
    const ours = timing.ours / timing.pages;
    const bare = timing.bare / timing.pages;
    console.log(`\nOCR seconds per page (${timing.pages} pages, 150 dpi A4, -l vie --psm 4):`);
    console.log(`  our pipeline (ocrImage)      ${ours.toFixed(2)} s/page`);
    console.log(`  bare tesseract CLI           ${bare.toFixed(2)} s/page`);
    console.log(`  ratio ours / bare            ${(ours / bare).toFixed(2)}`);
  }
}

await main();
