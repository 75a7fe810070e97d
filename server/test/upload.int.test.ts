import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync } from '../src/extraction/zip.js';
import { login, startTestServer, type Session, type TestServer } from './helpers.js';

const DIR = path.join(import.meta.dirname, 'fixtures/documents');
const fixture = (name: string) => fs.readFileSync(path.join(DIR, name));
const SEED = fs.readFileSync(path.join(DIR, '01-thong-bao-ket-luan-2026-01-06.txt'), 'utf8');

let s: TestServer;
let clerk: Session;
const clock = { now: () => new Date('2026-03-20T03:00:00Z') };
beforeAll(async () => {
  s = await startTestServer({ clock });
  clerk = await login(s.app, 'vanthu');
});
afterAll(async () => s?.dispose());

async function multipart(url: string, file: { bytes: Uint8Array; name: string } | null, data?: unknown) {
  const fd = new FormData();
  if (file) fd.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  if (data !== undefined) fd.append('data', typeof data === 'string' ? data : JSON.stringify(data));
  const r = new Response(fd);
  return s.app.inject({
    method: 'POST',
    url,
    headers: { ...clerk.headers, 'content-type': r.headers.get('content-type')! },
    payload: Buffer.from(await r.arrayBuffer()),
  });
}

const stored = async () =>
  (
    await s.db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM stored_files) AS n',
    )
  )[0]!.n;

describe('reading and registering files', () => {
  it('extracts the seed notice: type, date, signing form, position, signer and the four recipients', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/extract',
      headers: clerk.headers,
      payload: { text: SEED },
    });
    expect(res.statusCode).toBe(200);
    const f = res.json().fields;
    expect(f.type.value).toBe('TB');
    expect(f.issuedDate.value).toBe('2026-01-06');
    expect(f.signingForm.value).toBe('TL. CHỦ TỊCH');
    expect(f.signerPosition.value).toBe('Chánh Văn phòng');
    expect(f.signerName.value).toBe('Nguyễn Quốc Việt');
    expect(f.recipients.value).toHaveLength(4);
    expect(f.type.confidence).toBeGreaterThan(0);
  });

  it('registers a digital PDF from its own text, storing the file once, downloadable by a viewer', async () => {
    const pdf = fixture('02-quyet-dinh-ke-hoach-chuyen-doi-so.pdf');
    const before = await stored();
    const res = await multipart('/api/incoming/upload', { bytes: pdf, name: 'quyet-dinh.pdf' }, { fields: ['KHCN'] });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ source: 'upload', type: 'QĐ', arrivalNumber: 1 });
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0].mime).toBe('application/pdf');
    expect(await stored()).toBe(before + 2);
    const dl = await s.app.inject({
      url: `/api/documents/${doc.id}/files/${doc.files[0].sha256}`,
      headers: { cookie: clerk.cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    // The same file again is a duplicate (same hash or same number), linked to the first.
    const again = await multipart('/api/incoming/upload', { bytes: pdf, name: 'quyet-dinh.pdf' });
    expect(again.statusCode).toBe(409);
    expect(again.json().duplicateOf.id).toBe(doc.id);
    const agency = await login(s.app, 'sotaichinh');
    const hidden = await s.app.inject({
      url: `/api/documents/${doc.id}/files/${doc.files[0].sha256}`,
      headers: { cookie: agency.cookie },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('refuses bad files with a clear 4xx in Vietnamese and stores nothing', async () => {
    const pdf = fixture('02-quyet-dinh-ke-hoach-chuyen-doi-so.pdf');
    const before = await stored();
    const bomb = zipSync({
      '[Content_Types].xml': new Uint8Array(Buffer.from('<Types/>')),
      'word/document.xml': new Uint8Array(Buffer.from('<w:document/>')),
      'word/media/bomb.bin': new Uint8Array(60 * 1024 * 1024),
    });
    const cases: [string, { bytes: Uint8Array; name: string }, number, string][] = [
      ['truncated PDF', { bytes: pdf.subarray(0, Math.floor(pdf.length / 3)), name: 'a.pdf' }, 422, 'PDF_CORRUPT'],
      ['text named .pdf', { bytes: Buffer.from('đây không phải PDF'), name: 'b.pdf' }, 415, 'FILE_TYPE_UNSUPPORTED'],
      ['PDF named .png', { bytes: pdf, name: 'c.png' }, 415, 'FILE_NAME_MISMATCH'],
      ['0-byte file', { bytes: new Uint8Array(0), name: 'd.pdf' }, 400, 'FILE_EMPTY'],
      ['file over the limit', { bytes: new Uint8Array(21 * 1024 * 1024), name: 'e.pdf' }, 413, 'FILE_TOO_LARGE'],
      ['DOCX zip bomb', { bytes: bomb, name: 'f.docx' }, 422, 'ZIP_BOMB'],
    ];
    const enc = path.join(DIR, '02-quyet-dinh-ke-hoach-chuyen-doi-so.encrypted.pdf');
    if (fs.existsSync(enc))
      cases.push(['encrypted PDF', { bytes: fs.readFileSync(enc), name: 'g.pdf' }, 422, 'PDF_ENCRYPTED']);
    for (const [label, file, status, code] of cases) {
      const res = await multipart('/api/incoming/upload', file);
      expect(res.statusCode, label).toBe(status);
      expect(res.json().code, label).toBe(code);
      expect(res.json().field, label).toBe('file');
      expect(res.json().message, label).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    const feb30 = await multipart(
      '/api/incoming/upload',
      { bytes: pdf, name: 'h.pdf' },
      { issuedDate: '2026-02-30', confirmDuplicate: true },
    );
    expect(feb30.statusCode).toBe(400);
    expect(feb30.json().field).toBe('issuedDate');
    const badJson = await multipart('/api/incoming/upload', { bytes: pdf, name: 'i.pdf' }, '{"issuedDate":');
    expect(badJson.json()).toMatchObject({ code: 'INVALID_JSON', field: 'data' });
    expect(await stored()).toBe(before);
  });
});
