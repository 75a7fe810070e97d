import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { typed } from '../platform/http/app.js';
import type { BlobStorage } from '../files/storage.js';
import { DocumentOut } from './document.schema.js';
import { loadDocument } from './document.store.js';
import { yearlyRegister } from './register.store.js';
import { registerPdf } from './register.pdf.js';
import { yearInVietnam } from './numbering.js';

const TraceRow = z.object({
  at: z.string(),
  actorName: z.string(),
  actorUsername: z.string(),
  action: z.string(),
  detail: z.unknown(),
});

export function documentRoutes(app: FastifyInstance, db: Db, storage: BlobStorage, clock: Clock): void {
  const r = typed(app);
  r.get(
    '/api/registers/:direction',
    {
      config: { access: 'documents.read' },
      schema: {
        tags: ['documents'],
        params: z.object({ direction: z.enum(['in', 'out']) }),
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          format: z.enum(['json', 'pdf']).default('json'),
        }),
        response: { 200: z.object({ year: z.number(), direction: z.enum(['in', 'out']), rows: z.array(DocumentOut) }) },
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? yearInVietnam(clock.now());
      const rows = await yearlyRegister(db, req.user!, req.params.direction, year);
      if (req.query.format === 'pdf') {
        const organ = req.user!.orgUnitId
          ? ((await db.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [req.user!.orgUnitId]))[0]
              ?.name ?? '')
          : '';
        const pdf = await registerPdf(req.params.direction, year, organ, rows);
        const name = `so-van-ban-${req.params.direction === 'in' ? 'den' : 'di'}-${year}.pdf`;
        // Bytes, not the JSON schema of this route: bypass its serializer.
        return (reply as unknown as FastifyReply)
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}"`)
          .serializer((x: Buffer) => x as unknown as string)
          .send(pdf);
      }
      return { year, direction: req.params.direction, rows };
    },
  );
  r.get(
    '/api/documents/:id',
    {
      config: { access: 'documents.read' },
      schema: {
        tags: ['documents'],
        params: z.object({ id: z.uuid() }),
        response: {
          200: DocumentOut.extend({
            trace: z.array(TraceRow),
            deliveries: z.array(
              z.object({
                unitId: z.string(),
                unitName: z.string(),
                documentId: z.string(),
                arrivalNumber: z.number().nullable(),
                status: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const doc = await loadDocument(db, req.user!, req.params.id);
      // The trace is the document's own audit rows: who did what, when.
      const trace = await db.query<{
        at: Date;
        actor_name: string;
        full_name: string | null;
        action: string;
        after: unknown;
      }>(
        `SELECT a.at, a.actor_name, u.full_name, a.action, a.after FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         WHERE a.entity = 'document' AND a.entity_id = $1 ORDER BY a.id`,
        [doc.id],
      );
      // The sender sees where its released document stands in each recipient's register (NĐ 30/2020, Phụ lục VI).
      const deliveries =
        doc.direction === 'out'
          ? await db.query<{
              unitId: string;
              unitName: string;
              documentId: string;
              arrivalNumber: number | null;
              status: string;
            }>(
              `SELECT d.register_unit_id AS "unitId", u.name AS "unitName", d.id AS "documentId", d.arrival_number AS "arrivalNumber",
                 d.status FROM documents d JOIN units u ON u.id = d.register_unit_id WHERE d.source_document_id = $1 ORDER BY u.name`,
              [doc.id],
            )
          : [];
      return {
        ...doc,
        deliveries,
        trace: trace.map((t) => ({
          at: new Date(t.at).toISOString(),
          actorName: t.full_name ?? t.actor_name,
          actorUsername: t.actor_name,
          action: t.action,
          detail: t.after,
        })),
      };
    },
  );
  r.get(
    '/api/documents/:id/files/:sha256',
    {
      config: { access: 'documents.read' },
      schema: { tags: ['documents'], params: z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }) },
    },
    async (req, reply) => {
      // Visibility first: a file is downloadable only through a document the caller may see.
      const doc = await loadDocument(db, req.user!, req.params.id);
      const f = doc.files.find((x) => x.sha256 === req.params.sha256);
      if (!f) throw notFound('tệp');
      const bytes = await storage.get(f.sha256);
      const disposition = (req.query as { download?: string }).download ? 'attachment' : 'inline';
      return reply
        .header('content-type', f.mime)
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=0')
        .send(bytes);
    },
  );
}
