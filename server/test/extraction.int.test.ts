/**
 * Reading uploaded files: type by content, PDF text layer, scanned PDF and image OCR, DOCX,
 * and every refusal with its stable error code. OCR tests need Debian's tesseract-ocr,
 * tesseract-ocr-vie and poppler-utils (CI installs them): without them they fail, loudly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFields } from '../src/extraction/extract.ts';
import { configureOcr, isOcrAvailable, ocrStatus, PDFTOPPM, TESSERACT } from '../src/extraction/ocr.ts';
import { DEFAULT_MAX_BYTES, sniff, textFromFile } from '../src/extraction/text-from-file.ts';
import { zipSync } from '../src/extraction/zip.ts';
import { AppError } from '../src/platform/errors.ts';

const DIR = join(import.meta.dirname, 'fixtures/documents');
const file = (name: string) => readFileSync(join(DIR, name));
const PDF_DIGITAL = '02-quyet-dinh-ke-hoach-chuyen-doi-so.pdf';
const PDF_SCAN = '04-to-trinh-so-tai-chinh.scan.pdf';
const PDF_ENCRYPTED = '02-quyet-dinh-ke-hoach-chuyen-doi-so.encrypted.pdf';
const DOCX = '13-cong-van-so-nnmt-dat-dai.docx';
const PNG = '03-cong-van-phong-chong-thien-tai.png';

/** The AppError a call throws, as {code, status, field}. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, status: e.status, field: e.field };
    throw e;
  }
  throw new Error('expected a refusal');
}

const docx = (documentXml: string, extra: Record<string, Uint8Array> = {}) =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': new Uint8Array(Buffer.from('<Types/>')),
      'word/document.xml': new Uint8Array(Buffer.from(documentXml)),
      ...extra,
    }),
  );

describe('file type from content', () => {
  it('recognises PDF, PNG, JPEG and zip by their first bytes', () => {
    expect(sniff(file(PDF_DIGITAL))).toBe('pdf');
    expect(sniff(file(PNG))).toBe('png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg');
    expect(sniff(file(DOCX))).toBe('zip');
    expect(sniff(Buffer.from('Quyết định số 15'))).toBeNull();
  });

  it('reads PDF bytes named .png as a PDF, and notes the mismatch', async () => {
    const r = await textFromFile(file(PDF_DIGITAL), { fileName: 'scan.png' });
    expect(r.kind).toBe('pdf');
    expect(r.method).toBe('pdf-text');
    expect(r.warnings).toContain('NAME_MISMATCH');
  });
});

describe('digital PDF and DOCX', () => {
  it('uses the text layer of a digital PDF, keeping the two columns apart', async () => {
    const r = await textFromFile(file(PDF_DIGITAL), { fileName: PDF_DIGITAL });
    expect(r).toMatchObject({ kind: 'pdf', method: 'pdf-text', pages: 1, ocrSeconds: 0, warnings: [] });
    const x = extractFields(r.text);
    expect(x.number.value?.text).toBe('15');
    expect(x.notation.value).toBe('QĐ-UBND');
    expect(x.issuedDate.value).toBe('2026-01-08');
    expect(x.issuer.value).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi');
    expect(x.signingForm.value).toBe('TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH');
    expect(x.signerName.value).toBe('Trần Phước Hiền');
    expect(x.recipients.value).toEqual(['Như Điều 3', 'CT, các PCT UBND tỉnh', 'VPUB: CVP, PCVP', 'Lưu: VT, HCTC']);
  });

  it('reads a DOCX whose header and signing block are tables', async () => {
    const r = await textFromFile(file(DOCX));
    expect(r).toMatchObject({ kind: 'docx', method: 'docx' });
    const x = extractFields(r.text);
    const expected = JSON.parse(file('13-cong-van-so-nnmt-dat-dai.expected.json').toString());
    expect(x.notation.value).toBe(expected.notation);
    expect(x.subject.value).toBe(expected.subject);
    expect(x.issuer.value).toBe(expected.issuer);
    expect(x.signerPosition.value).toBe(expected.signerPosition);
    expect(x.recipients.value).toEqual(expected.recipients);
  });
});

describe('refusals', () => {
  it('FILE_EMPTY for 0 bytes', async () => {
    expect(await refusal(textFromFile(Buffer.alloc(0)))).toEqual({ code: 'FILE_EMPTY', status: 400, field: 'file' });
  });

  it('FILE_TOO_LARGE over the limit (default 20 MB)', async () => {
    expect(await refusal(textFromFile(file(PDF_DIGITAL), { maxBytes: 1000 }))).toMatchObject({
      code: 'FILE_TOO_LARGE',
      status: 413,
    });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(DEFAULT_MAX_BYTES)]);
    expect(await refusal(textFromFile(big))).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'file' });
  });

  it('FILE_TYPE_UNSUPPORTED for plain text, and for a zip that is not a DOCX', async () => {
    expect(await refusal(textFromFile(Buffer.from('Số: 15/QĐ-UBND'), { fileName: 'a.pdf' }))).toMatchObject({
      code: 'FILE_TYPE_UNSUPPORTED',
      status: 415,
    });
    const zip = Buffer.from(zipSync({ 'xl/workbook.xml': new Uint8Array(Buffer.from('<w/>')) }));
    expect(await refusal(textFromFile(zip))).toMatchObject({ code: 'FILE_TYPE_UNSUPPORTED' });
  });

  it('PDF_ENCRYPTED for a password-protected PDF', async () => {
    expect(await refusal(textFromFile(file(PDF_ENCRYPTED)))).toEqual({
      code: 'PDF_ENCRYPTED',
      status: 422,
      field: 'file',
    });
  });

  it('PDF_CORRUPT for a truncated PDF', async () => {
    const pdf = file(PDF_DIGITAL);
    expect(await refusal(textFromFile(pdf.subarray(0, Math.floor(pdf.length / 3))))).toMatchObject({
      code: 'PDF_CORRUPT',
      status: 422,
    });
    expect(await refusal(textFromFile(Buffer.from('%PDF-1.7\n1 0 obj\n<<')))).toMatchObject({ code: 'PDF_CORRUPT' });
  });

  it('ZIP_BOMB for a DOCX whose document inflates past 50 MB', async () => {
    const bomb = docx('', { 'word/media/bomb.bin': new Uint8Array(60 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(textFromFile(bomb, { fileName: 'to-trinh.docx' }))).toEqual({
      code: 'ZIP_BOMB',
      status: 422,
      field: 'file',
    });
  });

  it('ZIP_BOMB for a DOCX entry that lies about its size', async () => {
    const xml = '<w:document><w:body>' + '<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(40_000) + '</w:body></w:document>';
    const lying = Buffer.from(
      zipSync({ 'word/document.xml': new Uint8Array(Buffer.from(xml)) }, { declaredSize: { 'word/document.xml': 10 } }),
    );
    expect(await refusal(textFromFile(lying, { zip: { maxEntries: 100, maxTotalBytes: 1024 * 1024 } }))).toMatchObject({
      code: 'ZIP_BOMB',
    });
  });

  it('DOCX_CORRUPT for a damaged DOCX', async () => {
    const good = file(DOCX);
    const damaged = Buffer.from(good);
    damaged.fill(0x41, 200, 600);
    expect(await refusal(textFromFile(damaged))).toMatchObject({ code: 'DOCX_CORRUPT', status: 422 });
  });

  describe('without tesseract', () => {
    beforeAll(() => configureOcr({ tesseract: '/nonexistent/tesseract', pdftoppm: '/nonexistent/pdftoppm' }));
    afterAll(() => configureOcr({ tesseract: 'tesseract', pdftoppm: 'pdftoppm' }));

    it('says OCR is unavailable (503) instead of failing obscurely', async () => {
      expect(await isOcrAvailable()).toBe(false);
      expect((await ocrStatus()).reason).toMatch(/tesseract-ocr/);
      expect(await refusal(textFromFile(file(PNG)))).toEqual({ code: 'OCR_UNAVAILABLE', status: 503, field: 'file' });
      expect(await refusal(textFromFile(file(PDF_SCAN)))).toMatchObject({ code: 'OCR_UNAVAILABLE' });
      // A digital PDF needs no OCR and still works.
      expect((await textFromFile(file(PDF_DIGITAL))).method).toBe('pdf-text');
    });
  });
});

describe('OCR (tesseract-ocr, tesseract-ocr-vie, poppler-utils)', () => {
  beforeAll(async () => {
    const s = await ocrStatus();
    if (!s.available || !s.pdftoppm) {
      throw new Error(
        `OCR tests need Debian's tesseract-ocr, tesseract-ocr-vie and poppler-utils ` +
          `(apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils): ${s.reason ?? 'pdftoppm missing'} ` +
          `[tesseract=${TESSERACT}, pdftoppm=${PDFTOPPM}]`,
      );
    }
  });

  it('reads a scanned page (PNG) well enough to fill the form', async () => {
    const r = await textFromFile(file(PNG), { fileName: PNG });
    expect(r).toMatchObject({ kind: 'png', method: 'image-ocr', pages: 1 });
    expect(r.ocrSeconds).toBeGreaterThan(0);
    const x = extractFields(r.text);
    expect(x.number.value?.text).toBe('125');
    expect(x.notation.value).toBe('UBND-KT');
    expect(x.issuedDate.value).toBe('2026-03-12');
    expect(x.type.value).toBe('CV');
    expect(x.signerName.value).toBe('Nguyễn Hoàng Giang');
  });

  it('reads the urgency stamp of a clean scan', async () => {
    const x = extractFields((await textFromFile(file('07-giay-moi-hop-giao-ban.png'))).text);
    expect(x.urgency.value).toBe('Hỏa tốc');
    expect(x.type.value).toBe('GM');
    expect(x.notation.value).toBe('GM-VP');
  });

  it('falls back to OCR for a PDF without a text layer', async () => {
    const r = await textFromFile(file(PDF_SCAN));
    expect(r).toMatchObject({ kind: 'pdf', method: 'pdf-ocr', pages: 1 });
    const x = extractFields(r.text);
    expect(x.notation.value).toBe('TTr-STC');
    expect(x.type.value).toBe('TTr');
    expect(x.issuedDate.value).toBe('2026-01-20');
    expect(x.signerName.value).toBe('Lê Văn Tuấn');
  });

  it('reports a broken image as OCR_FAILED', async () => {
    const png = file(PNG);
    expect(await refusal(textFromFile(png.subarray(0, 200)))).toMatchObject({ code: 'OCR_FAILED', status: 422 });
  });
});
