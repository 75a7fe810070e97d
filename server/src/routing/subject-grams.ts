import { foldVietnamese } from '../platform/text.js';

/**
 * The syllable bigrams of a subject, hashed, sorted and without repeats: the app's copy of the
 * database's subject_grams (migration 0015), which resubmission control compares (Jaccard of the
 * two sets, find_resubmission). Registration computes them here and sends them, because in
 * PL/pgSQL they cost 16–26 µs per commune document (measured in psql on the documents
 * benchmark's subjects), while routes written elsewhere (overrides, corrections) still get them
 * from the database's triggers. Both must give the same set for the same subject: the words are
 * the runs of [a-z0-9] in the folded subject, and each bigram "w1 w2" is hashed with
 * PostgreSQL's hashtext (hash_bytes, Bob Jenkins' lookup3 as PostgreSQL adapted it, on the UTF-8
 * bytes; words are ASCII after folding). subject-grams.int.test.ts compares the two.
 */
export function subjectGrams(subject: string): number[] {
  const words = foldVietnamese(subject).split(NOT_WORD);
  const grams: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] && words[i + 1]) grams.push(hashText(`${words[i]} ${words[i + 1]}`));
  }
  grams.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[n - 1]) grams[n++] = grams[i]!;
  grams.length = n;
  return grams;
}

const NOT_WORD = /[^a-z0-9]+/;

/** The grams as a PostgreSQL int[] literal, e.g. "{-5,17}". */
export const gramsLiteral = (grams: number[]): string => `{${grams.join(',')}}`;

const rot = (x: number, k: number) => (x << k) | (x >>> (32 - k));
const byte = (s: string, i: number) => s.charCodeAt(i) & 0xff;
const word = (s: string, i: number) =>
  byte(s, i) | (byte(s, i + 1) << 8) | (byte(s, i + 2) << 16) | (byte(s, i + 3) << 24);

/**
 * PostgreSQL's hashtext of an ASCII string, as a signed 32-bit integer (int4). The bytes are read
 * as little-endian 32-bit words, as hash_bytes does on the platforms PostgreSQL runs here.
 */
export function hashText(s: string): number {
  let len = s.length;
  let a = (0x9e3779b9 + len + 3923095) | 0;
  let b = a;
  let c = a;
  let k = 0;
  while (len >= 12) {
    a = (a + word(s, k)) | 0;
    b = (b + word(s, k + 4)) | 0;
    c = (c + word(s, k + 8)) | 0;
    // mix(a, b, c)
    a = (a - c) | 0;
    a ^= rot(c, 4);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 6);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 8);
    b = (b + a) | 0;
    a = (a - c) | 0;
    a ^= rot(c, 16);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 19);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 4);
    b = (b + a) | 0;
    k += 12;
    len -= 12;
  }
  // The last 0–11 bytes; the lowest byte of c is reserved for the length.
  if (len >= 9) c = (c + (byte(s, k + 8) << 8)) | 0;
  if (len >= 10) c = (c + (byte(s, k + 9) << 16)) | 0;
  if (len >= 11) c = (c + (byte(s, k + 10) << 24)) | 0;
  if (len >= 5) b = (b + byte(s, k + 4)) | 0;
  if (len >= 6) b = (b + (byte(s, k + 5) << 8)) | 0;
  if (len >= 7) b = (b + (byte(s, k + 6) << 16)) | 0;
  if (len >= 8) b = (b + (byte(s, k + 7) << 24)) | 0;
  if (len >= 1) a = (a + byte(s, k)) | 0;
  if (len >= 2) a = (a + (byte(s, k + 1) << 8)) | 0;
  if (len >= 3) a = (a + (byte(s, k + 2) << 16)) | 0;
  if (len >= 4) a = (a + (byte(s, k + 3) << 24)) | 0;
  // final(a, b, c)
  c ^= b;
  c = (c - rot(b, 14)) | 0;
  a ^= c;
  a = (a - rot(c, 11)) | 0;
  b ^= a;
  b = (b - rot(a, 25)) | 0;
  c ^= b;
  c = (c - rot(b, 16)) | 0;
  a ^= c;
  a = (a - rot(c, 4)) | 0;
  b ^= a;
  b = (b - rot(a, 14)) | 0;
  c ^= b;
  c = (c - rot(b, 24)) | 0;
  return c;
}
