/**
 * Text of an uploaded file, for the extractor. The type is read from the content (magic
 * bytes), never from the file name or the declared MIME type:
 *   PDF  "%PDF-"        → its own text layer (pdfjs-dist); a scan without one → pdftoppm + OCR
 *   DOCX zip with word/document.xml → the XML, unpacked under zip-bomb limits
 *   PNG, JPEG, TIFF     → OCR (tesseract, Vietnamese)
 * Errors are AppError(code, status, 'file') with stable codes (see FILE_ERROR_CODES).
 */
import { AppError } from '../platform/errors.ts';
import { ocrImage, rasterizePdf, type OcrOptions } from './ocr.ts';
import { DEFAULT_ZIP_LIMITS, listZip, readZipEntry, ZipError, type ZipLimits } from './zip.ts';

export type FileKind = 'pdf' | 'docx' | 'png' | 'jpeg' | 'tiff';
export type TextMethod = 'pdf-text' | 'pdf-ocr' | 'docx' | 'image-ocr';

export interface TextFromFileOptions {
  /** Largest accepted file; default 20 MB. */
  maxBytes?: number;
  /** DOCX unpacking limits; default 2,000 entries and 50 MB unpacked. */
  zip?: ZipLimits;
  /** Pages of a scanned PDF to OCR; default 10. */
  maxOcrPages?: number;
  /** Pages of a digital PDF to read; default 200. */
  maxPdfPages?: number;
  /** The name the file came with: only compared with the content, never used to decide. */
  fileName?: string;
  ocr?: OcrOptions;
}

export interface FileText {
  kind: FileKind;
  method: TextMethod;
  text: string;
  pages: number;
  /** Seconds spent in OCR, 0 when none. */
  ocrSeconds: number;
  /** e.g. NAME_MISMATCH (a PDF named .png), OCR_PAGES_TRUNCATED, PDF_PAGES_TRUNCATED. */
  warnings: string[];
}

/** Every error code this module throws (HTTP status in brackets):
 * FILE_EMPTY [400], FILE_TOO_LARGE [413], FILE_TYPE_UNSUPPORTED [415], PDF_ENCRYPTED [422],
 * PDF_CORRUPT [422], DOCX_CORRUPT [422], ZIP_BOMB [422], OCR_UNAVAILABLE [503], OCR_FAILED [422]. */
export const FILE_ERROR_CODES = [
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_TYPE_UNSUPPORTED',
  'PDF_ENCRYPTED',
  'PDF_CORRUPT',
  'DOCX_CORRUPT',
  'ZIP_BOMB',
  'OCR_UNAVAILABLE',
  'OCR_FAILED',
] as const;

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const fileError = (
  code: (typeof FILE_ERROR_CODES)[number],
  status: number,
  params: Record<string, string | number> = {},
) => new AppError(code, status, 'file', params);

/** File kind from the first bytes; 'zip' for a zip that still has to be looked into. */
export function sniff(buf: Buffer): FileKind | 'zip' | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (
    buf.length >= 4 &&
    (buf.subarray(0, 4).toString('latin1') === 'II*\0' || buf.subarray(0, 4).toString('latin1') === 'MM\0*')
  )
    return 'tiff';
  // ISO 32000-1, 7.5.2: readers accept the header within the first 1024 bytes.
  if (buf.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'zip';
  return null;
}

/** The kind a file name suggests, only to warn about a mismatch. */
function kindFromName(name?: string): FileKind | null {
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (!ext) return null;
  return (
    ({ pdf: 'pdf', docx: 'docx', png: 'png', jpg: 'jpeg', jpeg: 'jpeg', tif: 'tiff', tiff: 'tiff' } as const)[
      ext as 'pdf'
    ] ?? null
  );
}

/**
 * Reads the text of a file. Throws AppError with field "file" when the file is empty, too
 * large, of an unsupported type, encrypted, corrupt, a zip bomb, or needs OCR that is missing.
 */
export async function textFromFile(buf: Buffer, opts: TextFromFileOptions = {}): Promise<FileText> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.length === 0) throw fileError('FILE_EMPTY', 400);
  if (buf.length > maxBytes) throw fileError('FILE_TOO_LARGE', 413, { max: maxBytes, size: buf.length });
  const sniffed = sniff(buf);
  if (!sniffed) throw fileError('FILE_TYPE_UNSUPPORTED', 415);
  let result: FileText;
  if (sniffed === 'pdf') result = await pdfText(buf, opts);
  else if (sniffed === 'zip') result = docxText(buf, opts.zip ?? DEFAULT_ZIP_LIMITS);
  else {
    const r = await ocrImage(buf, opts.ocr);
    result = { kind: sniffed, method: 'image-ocr', text: r.text, pages: 1, ocrSeconds: r.seconds, warnings: [] };
  }
  const named = kindFromName(opts.fileName);
  if (named && named !== result.kind) result.warnings.push('NAME_MISMATCH');
  return result;
}

// ───────────────────────────── PDF ─────────────────────────────

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/**
 * Rebuilds lines from positioned text items: same baseline → same line, sorted by x; a wide
 * gap becomes four spaces (two columns, as the extractor expects), a tall gap a blank line.
 */
export function itemsToText(items: TextItem[]): string {
  const rows: { y: number; h: number; items: TextItem[] }[] = [];
  for (const it of items) {
    if (!it.str) continue;
    const y = it.transform[5]!;
    const h = Math.abs(it.transform[3]!) || it.height || 10;
    const row = rows.find((r) => Math.abs(r.y - y) < Math.min(r.h, h) * 0.5);
    if (row) row.items.push(it);
    else rows.push({ y, h, items: [it] });
  }
  rows.sort((a, b) => b.y - a.y);
  const out: string[] = [];
  let prev: { y: number; h: number } | null = null;
  for (const r of rows) {
    if (prev && prev.y - r.y > Math.max(prev.h, r.h) * 1.9) out.push('');
    r.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
    let line = '';
    let end = -Infinity;
    for (const it of r.items) {
      const x = it.transform[4]!;
      const gap = x - end;
      if (line && gap > r.h * 2) line = line.replace(/\s+$/, '') + '    ';
      else if (line && gap > r.h * 0.15 && !/\s$/.test(line) && !/^\s/.test(it.str)) line += ' ';
      line += it.str;
      end = x + it.width;
    }
    out.push(line.replace(/\s+$/, ''));
    prev = r;
  }
  return out.join('\n');
}

async function pdfText(buf: Buffer, opts: TextFromFileOptions): Promise<FileText> {
  const pdfjs = await loadPdfJs();
  const warnings: string[] = [];
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: true,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw fileError('PDF_ENCRYPTED', 422);
    throw fileError('PDF_CORRUPT', 422, { reason: (e as Error)?.message ?? '' });
  }
  try {
    const maxPages = opts.maxPdfPages ?? 200;
    const n = Math.min(doc.numPages, maxPages);
    if (doc.numPages > maxPages) warnings.push('PDF_PAGES_TRUNCATED');
    const pages: string[] = [];
    for (let i = 1; i <= n; i++) {
      let page;
      try {
        page = await doc.getPage(i);
        const content = await page.getTextContent();
        pages.push(itemsToText(content.items.flatMap((it) => ('str' in it ? [it as TextItem] : []))));
      } catch (e) {
        throw fileError('PDF_CORRUPT', 422, { reason: (e as Error)?.message ?? '', page: i });
      } finally {
        page?.cleanup();
      }
    }
    const text = pages.join('\n\n');
    // A scan has no (or almost no) text layer: fall back to OCR of the rendered pages.
    if (text.replace(/\s/g, '').length >= 20 * n) {
      return { kind: 'pdf', method: 'pdf-text', text, pages: doc.numPages, ocrSeconds: 0, warnings };
    }
    const maxOcr = opts.maxOcrPages ?? 10;
    if (doc.numPages > maxOcr) warnings.push('OCR_PAGES_TRUNCATED');
    const images = await rasterizePdf(buf, { dpi: 200, maxPages: maxOcr });
    let seconds = 0;
    const texts: string[] = [];
    for (const img of images) {
      const r = await ocrImage(img, { dpi: 200, ...opts.ocr });
      seconds += r.seconds;
      texts.push(r.text);
    }
    return {
      kind: 'pdf',
      method: 'pdf-ocr',
      text: texts.join('\n\n'),
      pages: doc.numPages,
      ocrSeconds: seconds,
      warnings,
    };
  } finally {
    await doc.destroy();
  }
}

// ───────────────────────────── DOCX ─────────────────────────────

function docxText(buf: Buffer, limits: ZipLimits): FileText {
  try {
    const entries = listZip(buf, limits);
    const main = entries.find((e) => e.name === 'word/document.xml');
    // A zip is a DOCX only when it has the main document part (ECMA-376, Part 1, 11.3.10).
    if (!main) throw fileError('FILE_TYPE_UNSUPPORTED', 415);
    const xml = readZipEntry(buf, main, limits.maxTotalBytes).toString('utf8');
    return { kind: 'docx', method: 'docx', text: wordXmlToText(xml), pages: 1, ocrSeconds: 0, warnings: [] };
  } catch (e) {
    if (e instanceof ZipError) throw e.kind === 'BOMB' ? fileError('ZIP_BOMB', 422) : fileError('DOCX_CORRUPT', 422);
    throw e;
  }
}

const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });

type Block = { p: string } | { rows: Block[][][] };

/**
 * WordprocessingML → text: one line per paragraph; a table row's cells side by side, separated
 * by four spaces, so that the two-column header and signing block read as they look.
 */
export function wordXmlToText(xml: string): string {
  const body = xml.replace(/<w:(?:instrText|delText)\b[^>]*>[\s\S]*?<\/w:(?:instrText|delText)>/g, '');
  const root: Block[] = [];
  const stack: { kind: 'body' | 'tbl' | 'tr' | 'tc'; blocks: Block[]; rows?: Block[][][]; cells?: Block[][] }[] = [
    { kind: 'body', blocks: root },
  ];
  let para: string | null = null;
  let inText = false;
  const re = /<(\/?)w:(p|t|tab|br|cr|tbl|tr|tc)\b[^>]*?(\/?)>|([^<]+)|<[^>]*>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const [, close, tag, selfClose, txt] = m;
    if (txt !== undefined) {
      if (inText && para !== null) para += decodeXml(txt);
      continue;
    }
    if (!tag) continue;
    const top = stack[stack.length - 1]!;
    if (tag === 't') inText = !close && !selfClose;
    else if (tag === 'tab' && para !== null) para += '    ';
    else if ((tag === 'br' || tag === 'cr') && para !== null) para += '\n';
    else if (tag === 'p') {
      if (!close && !selfClose) para = '';
      else if (selfClose) top.blocks.push({ p: '' });
      else if (para !== null) {
        top.blocks.push({ p: para });
        para = null;
      }
    } else if (tag === 'tbl' && !selfClose) {
      if (!close) stack.push({ kind: 'tbl', blocks: [], rows: [] });
      else if (top.kind === 'tbl') {
        stack.pop();
        stack[stack.length - 1]!.blocks.push({ rows: top.rows! });
      }
    } else if (tag === 'tr' && !selfClose) {
      if (!close) stack.push({ kind: 'tr', blocks: [], cells: [] });
      else if (top.kind === 'tr') {
        stack.pop();
        stack[stack.length - 1]!.rows?.push(top.cells!);
      }
    } else if (tag === 'tc' && !selfClose) {
      if (!close) stack.push({ kind: 'tc', blocks: [] });
      else if (top.kind === 'tc') {
        stack.pop();
        stack[stack.length - 1]!.cells?.push(top.blocks);
      }
    }
  }
  const render = (blocks: Block[]): string[] =>
    blocks.flatMap((b) => {
      if ('p' in b) return b.p.split('\n');
      return b.rows.flatMap((cells) => {
        const cols = cells.map(render);
        const width = Math.max(0, ...cols.slice(0, -1).flatMap((c) => c.map((l) => [...l].length)));
        const n = Math.max(0, ...cols.map((c) => c.length));
        const lines: string[] = [];
        for (let i = 0; i < n; i++) {
          lines.push(
            cols
              .map((c, k) => (k < cols.length - 1 ? (c[i] ?? '').padEnd(width) : (c[i] ?? '')))
              .join('    ')
              .replace(/\s+$/, ''),
          );
        }
        return lines;
      });
    });
  return render(root).join('\n');
}
