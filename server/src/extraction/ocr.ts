/**
 * Vietnamese OCR through Debian's `tesseract` CLI (packages tesseract-ocr, tesseract-ocr-vie),
 * and PDF rasterisation through `pdftoppm` (poppler-utils). Nothing is downloaded at run time:
 * when a tool or the `vie` language is missing, `isOcrAvailable()` says so and callers report
 * OCR_UNAVAILABLE instead of failing obscurely.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';

export let TESSERACT = process.env.TESSERACT_PATH || 'tesseract';
export let PDFTOPPM = process.env.PDFTOPPM_PATH || 'pdftoppm';

/** Points at other binaries (tests, unusual installs) and forgets the cached status. */
export function configureOcr(paths: { tesseract?: string; pdftoppm?: string }): void {
  if (paths.tesseract) TESSERACT = paths.tesseract;
  if (paths.pdftoppm) PDFTOPPM = paths.pdftoppm;
  statusPromise = null;
}

export interface OcrOptions {
  /** Tesseract language(s); default "vie". */
  lang?: string;
  /** Page segmentation mode; 4 (a single column of text of variable sizes) reads NĐ 30 pages best. */
  psm?: number;
  /** Resolution to assume when the image does not say (scans without a pHYs chunk). */
  dpi?: number;
  timeoutMs?: number;
}

export interface OcrResult {
  text: string;
  seconds: number;
}

interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

function run(
  cmd: string,
  args: string[],
  input?: Buffer,
  timeoutMs = 120_000,
  env?: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
    } catch {
      resolve({ code: -1, stdout: Buffer.alloc(0), stderr: 'spawn failed', timedOut: false });
      return;
    }
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout: Buffer.alloc(0), stderr: String(e), timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: err, timedOut });
    });
    child.stdin.on('error', () => {}); // the tool may exit before reading everything
    if (input) child.stdin.end(input);
    else child.stdin.end();
  });
}

export interface OcrStatus {
  available: boolean;
  tesseract: boolean;
  vie: boolean;
  pdftoppm: boolean;
  version?: string;
  reason?: string;
}

let statusPromise: Promise<OcrStatus> | null = null;

/** Checks once (cached) for the tesseract binary, its `vie` language and pdftoppm. */
export function ocrStatus(): Promise<OcrStatus> {
  statusPromise ??= (async () => {
    const langs = await run(TESSERACT, ['--list-langs'], undefined, 15_000);
    const tesseract = langs.code === 0;
    const list = (langs.stdout.toString() + langs.stderr).split(/\s+/);
    const vie = tesseract && list.includes('vie');
    const ver = tesseract ? await run(TESSERACT, ['--version'], undefined, 15_000) : null;
    const pp = await run(PDFTOPPM, ['-v'], undefined, 15_000);
    const pdftoppm = pp.code === 0 || /pdftoppm version/i.test(pp.stderr);
    const version = ver ? (ver.stdout.toString() + ver.stderr).split('\n')[0]?.trim() : undefined;
    const reason = !tesseract
      ? `${TESSERACT} not found (apt-get install tesseract-ocr tesseract-ocr-vie)`
      : !vie
        ? 'tesseract has no "vie" language (apt-get install tesseract-ocr-vie)'
        : undefined;
    return { available: tesseract && vie, tesseract, vie, pdftoppm, version, reason };
  })();
  return statusPromise;
}

/** True when Vietnamese OCR can run on this machine. */
export async function isOcrAvailable(): Promise<boolean> {
  return (await ocrStatus()).available;
}

/** Forgets the cached status (tests). */
export function resetOcrStatus(): void {
  statusPromise = null;
}

const ACCENTED_UPPER_VOWEL = /[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]/;

/**
 * Case slips typical of tesseract's Vietnamese model, fixed only inside lower-case text:
 * "ThỦ tướng" → "Thủ tướng", "giỜờ" → "giờ", "VỀ việc" → "Về việc", "SỞ Tài chính" → "Sở Tài chính".
 * Lines in capitals (agency names, positions) are left alone.
 */
export function fixOcrCase(line: string): string {
  const letters = line.match(/\p{L}/gu) ?? [];
  const up = letters.filter((c) => c !== c.toLowerCase()).length;
  if (letters.length < 6 || up / letters.length > 0.5) return line;
  const words = line.split(/(\s+)/);
  const isCaps = (w: string | undefined) => !!w && /\p{L}/u.test(w) && w === w.toUpperCase();
  return words
    .map((token, k) => {
      if (/^\s+$/.test(token)) return token;
      let out = token.replace(/\p{L}+/gu, (w) => {
        let o = '';
        for (let i = 0; i < w.length; i++) {
          const c = w[i]!;
          const prev = o[o.length - 1];
          // An accented capital vowel after a small letter is a small vowel; drop the echo that may follow.
          if (prev && prev === prev.toLowerCase() && prev !== prev.toUpperCase() && ACCENTED_UPPER_VOWEL.test(c)) {
            const small = c.toLowerCase();
            o += small;
            if (w[i + 1] === small) i++;
          } else o += c;
        }
        return o;
      });
      // Two-letter words "VỀ", "SỞ", "BỘ", "TỔ" next to small-letter words (not in "SỞ TÀI CHÍNH").
      const [prev, next] = [words[k - 2], words[k + 2]];
      if (
        /^\p{Lu}\p{Lu}$/u.test(out) &&
        ACCENTED_UPPER_VOWEL.test(out[1]!) &&
        (prev || next) &&
        !isCaps(prev) &&
        !isCaps(next)
      )
        out = out[0] + out[1]!.toLowerCase();
      return out;
    })
    .join('');
}

/** Tidies tesseract output: NFC, no form feeds, no trailing spaces, case slips fixed. */
export function cleanOcrText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\f/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map(fixOcrCase)
    .join('\n')
    .trim();
}

/**
 * OCR of one image (PNG, JPEG, TIFF…), passed on stdin so that no temporary file is written.
 * Throws AppError OCR_UNAVAILABLE (503) or OCR_FAILED (422).
 */
export async function ocrImage(image: Buffer, opts: OcrOptions = {}): Promise<OcrResult> {
  const status = await ocrStatus();
  if (!status.available) throw new AppError('OCR_UNAVAILABLE', 503, 'file', { reason: status.reason ?? '' });
  const args = ['stdin', 'stdout', '-l', opts.lang ?? 'vie', '--psm', String(opts.psm ?? 4)];
  if (opts.dpi) args.push('--dpi', String(opts.dpi));
  const t0 = performance.now();
  // One OpenMP thread per tesseract: on small pages the threads cost more than they give.
  const r = await run(TESSERACT, args, image, opts.timeoutMs ?? 120_000, { ...process.env, OMP_THREAD_LIMIT: '1' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.code !== 0) {
    throw new AppError('OCR_FAILED', 422, 'file', {
      reason: r.timedOut ? 'timeout' : (r.stderr.trim().split('\n').pop() ?? ''),
    });
  }
  return { text: cleanOcrText(r.stdout.toString('utf8')), seconds };
}

/**
 * Rasterises the first `maxPages` pages of a PDF to grey PNGs at `dpi` with pdftoppm.
 * Uses a private temporary directory, removed afterwards.
 */
export async function rasterizePdf(
  pdf: Buffer,
  opts: { dpi?: number; maxPages?: number; timeoutMs?: number } = {},
): Promise<Buffer[]> {
  const status = await ocrStatus();
  if (!status.pdftoppm)
    throw new AppError('OCR_UNAVAILABLE', 503, 'file', {
      reason: 'pdftoppm not found (apt-get install poppler-utils)',
    });
  const dir = await mkdtemp(join(tmpdir(), 'dieuhanh-pdf-'));
  try {
    const src = join(dir, 'in.pdf');
    await writeFile(src, pdf);
    const args = [
      '-r',
      String(opts.dpi ?? 200),
      '-gray',
      '-png',
      '-f',
      '1',
      '-l',
      String(opts.maxPages ?? 10),
      src,
      join(dir, 'p'),
    ];
    const r = await run(PDFTOPPM, args, undefined, opts.timeoutMs ?? 120_000);
    if (r.code !== 0)
      throw new AppError('PDF_CORRUPT', 422, 'file', { reason: r.stderr.trim().split('\n').pop() ?? '' });
    const files = (await readdir(dir)).filter((f) => f.startsWith('p') && f.endsWith('.png')).sort();
    return Promise.all(files.map((f) => readFile(join(dir, f))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
