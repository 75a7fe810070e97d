import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import { typed } from '../platform/http/app.js';
import { listAudit, verifyAuditChain } from './audit.store.js';

const Row = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export function auditRoutes(app: FastifyInstance, db: Db): void {
  const r = typed(app);
  r.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: z.object({
          entity: z.string().max(60).optional(),
          entityId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(Row), total: z.number() }) },
      },
    },
    async (req) => listAudit(db, req.query),
  );
  r.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBrokenId: z.number().nullable() }) },
      },
    },
    async () => {
      const v = await verifyAuditChain(db);
      return { ok: v.firstBrokenId === null, ...v };
    },
  );
}
