import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { AppError, invalid } from '../platform/errors.js';
import { typed } from '../platform/http/app.js';
import type { BlobStorage } from '../files/storage.js';
import { extractFields } from '../extraction/extract.js';
import { DEFAULT_MAX_BYTES, type FileText, textFromFile } from '../extraction/text-from-file.js';
import { ocrStatus } from '../extraction/ocr.js';
import { DocumentOut, IncomingIn } from './document.schema.js';
import { incomingFromExtraction } from './from-extraction.js';
import { registerIncoming } from './incoming.store.js';
import { registrationBatch } from './registration-batch.js';
import type { Routing } from '../routing/service.js';
import { routeOnRegister } from '../routing/register-hook.js';
import { RouteBriefOut } from '../routing/route.schema.js';

const MIME: Record<FileText['kind'], string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

interface Upload {
  bytes: Buffer;
  name: string;
  data: string | null;
  text: string | null;
}

/** Reads a file's text, refusing a name whose extension contradicts the content. */
async function readText(up: Upload): Promise<FileText> {
  const ft = await textFromFile(up.bytes, { fileName: up.name });
  if (ft.warnings.includes('NAME_MISMATCH')) {
    throw new AppError('FILE_NAME_MISMATCH', 415, 'file', { name: up.name, kind: ft.kind.toUpperCase() });
  }
  return ft;
}

/** Reads a multipart request: one `file`, and optional `data` (JSON) and `text` fields. */
async function readMultipart(req: FastifyRequest): Promise<Upload> {
  const out: Upload = { bytes: Buffer.alloc(0), name: '', data: null, text: null };
  let gotFile = false;
  try {
    for await (const part of req.parts({ limits: { fileSize: DEFAULT_MAX_BYTES, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        out.bytes = await part.toBuffer();
        out.name = part.filename || 'tep';
        gotFile = true;
      } else if (part.fieldname === 'data') out.data = String(part.value);
      else if (part.fieldname === 'text') out.text = String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('FILE_TOO_LARGE', 413, 'file', { max: DEFAULT_MAX_BYTES });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw invalid('file', 'VALIDATION_FAILED', { detail: 'chỉ gửi một tệp mỗi lần' });
    throw e;
  }
  if (!gotFile && out.text === null) throw invalid('file', 'FILE_REQUIRED');
  return out;
}

const fieldsOut = z.record(z.string(), z.unknown());

export function uploadRoutes(app: FastifyInstance, db: Db, clock: Clock, storage: BlobStorage, routing: Routing): void {
  const r = typed(app);

  r.get(
    '/api/ocr/status',
    {
      config: { access: 'documents.read' },
      schema: { tags: ['documents'], response: { 200: z.object({ available: z.boolean(), message: z.string() }) } },
    },
    async () => {
      const s = await ocrStatus();
      return {
        available: s.available,
        message: s.available
          ? `OCR tiếng Việt sẵn sàng (${s.version ?? 'tesseract'}).`
          : `OCR chưa sẵn sàng trên máy chủ: ${s.reason ?? 'thiếu tesseract-ocr hoặc tesseract-ocr-vie'}. Bản quét phải nhập tay; PDF số và DOCX vẫn đọc được.`,
      };
    },
  );

  r.post(
    '/api/extract',
    {
      // Writes nothing: anyone who reads documents may have a file read (conclusions import, registration).
      config: { access: 'documents.read' },
      schema: {
        tags: ['documents'],
        description:
          'Đọc văn bản (multipart `file`, hoặc JSON {text}) và trích xuất các trường kèm độ tin cậy. Không lưu gì.',
        response: {
          200: z.object({
            fields: fieldsOut,
            text: z.string(),
            source: z.string(),
            pages: z.number(),
            ocrAvailable: z.boolean(),
            warnings: z.array(z.unknown()),
          }),
        },
      },
    },
    async (req) => {
      let text: string;
      let source = 'text';
      let pages = 1;
      let warnings: unknown[] = [];
      if (req.isMultipart()) {
        const up = await readMultipart(req);
        if (up.bytes.length || up.text === null) {
          const ft = await readText(up);
          text = ft.text;
          source = ft.method;
          pages = ft.pages;
          warnings = ft.warnings;
        } else text = up.text;
      } else {
        const body = z.object({ text: z.string().min(1).max(2_000_000) }).safeParse(req.body);
        if (!body.success)
          throw invalid('text', body.error.issues[0]?.code === 'invalid_type' ? 'REQUIRED' : 'VALIDATION_FAILED');
        text = body.data.text;
      }
      const x = extractFields(text);
      const { warnings: extractionWarnings, ...fields } = x;
      return {
        fields,
        text,
        source,
        pages,
        ocrAvailable: (await ocrStatus()).available,
        warnings: [...warnings, ...extractionWarnings],
      };
    },
  );

  r.post(
    '/api/incoming/upload',
    {
      config: { access: 'incoming.register' },
      schema: {
        tags: ['documents'],
        description:
          'Đăng ký văn bản đến từ tệp (multipart `file` + `data` JSON tùy chọn). Trường thiếu lấy từ kết quả trích xuất.',
        response: { 201: DocumentOut.extend({ route: RouteBriefOut.nullable() }) },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw invalid('file', 'FILE_REQUIRED');
      const up = await readMultipart(req);
      if (!up.bytes.length && up.text !== null) throw invalid('file', 'FILE_REQUIRED');
      const ft = await readText(up);
      let data: Record<string, unknown> = {};
      if (up.data) {
        try {
          data = JSON.parse(up.data) as Record<string, unknown>;
        } catch {
          throw invalid('data', 'INVALID_JSON');
        }
      }
      const fromText = incomingFromExtraction(extractFields(ft.text));
      const parsed = IncomingIn.safeParse({ ...fromText, pages: ft.pages, ...data, text: ft.text });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const missing = issue.code === 'invalid_type' && /undefined/.test(issue.message);
        throw invalid(
          issue.path.join('.') || 'data',
          missing ? 'REQUIRED' : 'VALIDATION_FAILED',
          missing ? {} : { detail: issue.message },
        );
      }
      const sha256 = await storage.put(up.bytes);
      const routed = routeOnRegister(routing, req.user!.clearance, {
        references: parsed.data.references,
        text: parsed.data.text,
      });
      try {
        const doc = await registerIncoming(db, req.user!, parsed.data, {
          clock,
          route: routed,
          batch: registrationBatch(db),
          source: 'upload',
          files: [{ sha256, name: up.name, mime: MIME[ft.kind], size: up.bytes.length }],
        });
        return reply.status(201).send({ ...doc, route: routed.route });
      } catch (e) {
        // Nothing half-written: bytes that no document references go again.
        const used = await db.query('SELECT 1 FROM document_files WHERE sha256 = $1 LIMIT 1', [sha256]);
        if (!used.length) await storage.delete(sha256);
        throw e;
      }
    },
  );
}
