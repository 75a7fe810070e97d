import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { typed } from '../platform/http/app.js';
import { DocumentOut, DocumentPageOut, IncomingIn, ListQuery } from './document.schema.js';
import { registerIncoming, updateIncoming } from './incoming.store.js';
import { registrationBatch } from './registration-batch.js';
import { searchDocuments } from './search.store.js';
import { DOCUMENT_TYPES } from './types.js';
import { createUnitDirectory } from '../org/unit-directory.js';
import type { Routing } from '../routing/service.js';
import { routeOnRegister, routeOnUpdate } from '../routing/register-hook.js';
import { RouteBriefOut, RouteOut } from '../routing/route.schema.js';

export function incomingRoutes(app: FastifyInstance, db: Db, clock: Clock, routing: Routing | null): void {
  const r = typed(app);
  const units = createUnitDirectory();
  r.post(
    '/api/incoming',
    {
      config: { access: 'incoming.register' },
      schema: {
        tags: ['documents'],
        description: 'Đăng ký văn bản đến (JSON). Tải tệp: /api/incoming/upload.',
        body: IncomingIn,
        response: { 201: DocumentOut.extend({ route: RouteBriefOut.nullable() }) },
      },
    },
    async (req, reply) => {
      const r = routing
        ? routeOnRegister(routing, req.user!.clearance, { references: req.body.references, text: req.body.text })
        : null;
      // No transaction around it: registration writes with one statement, grouped with the
      // other registrations of the moment (registration-batch.ts).
      const doc = await registerIncoming(db, req.user!, req.body, {
        clock,
        route: r ?? undefined,
        units,
        batch: registrationBatch(db),
      });
      return reply.status(201).send({ ...doc, route: r?.route ?? null });
    },
  );
  r.patch(
    '/api/incoming/:id',
    {
      config: { access: 'incoming.register' },
      schema: {
        tags: ['documents'],
        description: 'Sửa thông tin văn bản đến; luồng xử lý được tính lại nếu chưa ai xử lý.',
        params: z.object({ id: z.uuid() }),
        body: IncomingIn.omit({ confirmDuplicate: true }).partial(),
        response: { 200: DocumentOut.extend({ route: RouteOut.nullable() }) },
      },
    },
    async (req) => {
      const r = routing ? routeOnUpdate(routing, req.user!.clearance) : null;
      const doc = await db.tx((q) =>
        updateIncoming(q, req.user!, req.params.id, req.body, { clock, afterUpdate: r?.hook }),
      );
      return { ...doc, route: r?.out.route ?? null };
    },
  );
  for (const direction of ['in', 'out'] as const) {
    r.get(
      direction === 'in' ? '/api/incoming' : '/api/outgoing',
      {
        config: { access: 'documents.read' },
        schema: { tags: ['documents'], querystring: ListQuery, response: { 200: DocumentPageOut } },
      },
      async (req) => {
        const page = await searchDocuments(db, req.user!, { ...req.query, direction });
        return { ...page, page: req.query.page, pageSize: req.query.pageSize };
      },
    );
  }
  r.get(
    '/api/documents/types',
    {
      config: { access: 'documents.read' },
      schema: {
        tags: ['documents'],
        response: {
          200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) }),
        },
      },
    },
    async () => ({ items: DOCUMENT_TYPES.map(([code, name, nameEn]) => ({ code, name, nameEn })) }),
  );
}
