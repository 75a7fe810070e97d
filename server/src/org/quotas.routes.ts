import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import { typed } from '../platform/http/app.js';
import { actorOf } from '../platform/http/actor.js';
import { ownUnitOnly } from '../auth/permissions.js';
import { todayInVietnam } from '../calendar/civil-date.js';
import { listQuotas, upsertQuota } from './quotas.store.js';

const Quota = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number(),
  approvedCivil: z.number(),
  approvedPublic: z.number(),
  actualCivil: z.number(),
  actualPublic: z.number(),
  overQuota: z.boolean(),
});
const Year = z.coerce.number().int().min(2000).max(2100);
const Count = z.number().int().min(0).max(100000);

export function quotaRoutes(app: FastifyInstance, db: Db): void {
  const r = typed(app);
  r.get(
    '/api/org/quotas',
    {
      config: { access: 'quotas.read' },
      schema: {
        tags: ['org'],
        querystring: z.object({ year: Year.optional() }),
        response: { 200: z.object({ items: z.array(Quota), total: z.number(), year: z.number() }) },
      },
    },
    async (req) => {
      const year = req.query.year ?? Number(todayInVietnam().slice(0, 4));
      const u = req.user!;
      const items = await listQuotas(db, year, ownUnitOnly(u.roles) ? u.unitId : undefined);
      return { items, total: items.length, year };
    },
  );
  r.put(
    '/api/org/quotas',
    {
      config: { access: 'quotas.write' },
      schema: {
        tags: ['org'],
        body: z.object({
          unitId: z.uuid(),
          year: Year,
          approvedCivil: Count,
          approvedPublic: Count,
          actualCivil: Count,
          actualPublic: Count,
        }),
        response: { 200: Quota },
      },
    },
    async (req) => db.tx((q) => upsertQuota(q, actorOf(req), req.body)),
  );
}
