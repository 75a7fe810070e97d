import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import { typed } from '../platform/http/app.js';
import { actorOf } from '../platform/http/actor.js';
import { isValidIsoDate, todayInVietnam } from '../calendar/civil-date.js';
import { assignmentHistory, assignmentsOn, changeAssignment } from './assignments.store.js';

const IsoDate = z.string().refine(isValidIsoDate, 'ngày dạng YYYY-MM-DD');

const Assignment = z.object({
  id: z.string(),
  leader: z.object({ id: z.string(), fullName: z.string(), position: z.string() }),
  fields: z.array(z.object({ code: z.string(), name: z.string() })),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  agencies: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() })),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string(),
});

export function assignmentRoutes(app: FastifyInstance, db: Db): void {
  const r = typed(app);
  r.get(
    '/api/org/assignments',
    {
      config: { access: 'org.read' },
      schema: {
        tags: ['org'],
        querystring: z.object({ date: IsoDate.optional() }),
        response: { 200: z.object({ items: z.array(Assignment), total: z.number(), date: z.string() }) },
      },
    },
    async (req) => {
      const date = req.query.date ?? todayInVietnam();
      const items = await assignmentsOn(db, date);
      return { items, total: items.length, date };
    },
  );
  r.get(
    '/api/org/assignments/history',
    {
      config: { access: 'org.read' },
      schema: {
        tags: ['org'],
        querystring: z.object({ leaderId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(Assignment), total: z.number() }) },
      },
    },
    async (req) => {
      const items = await assignmentHistory(db, req.query.leaderId);
      return { items, total: items.length };
    },
  );
  r.put(
    '/api/org/assignments/:leaderId',
    {
      config: { access: 'assignments.write' },
      schema: {
        tags: ['org'],
        params: z.object({ leaderId: z.uuid() }),
        body: z.object({
          fieldCodes: z.array(z.string().min(1)).max(60),
          areaCodes: z.array(z.string().min(1)).max(60),
          agencyIds: z.array(z.uuid()).max(60),
          validFrom: IsoDate,
          note: z.string().max(1000).optional(),
        }),
        response: { 200: Assignment },
      },
    },
    async (req) => db.tx((q) => changeAssignment(q, actorOf(req), req.params.leaderId, req.body)),
  );
}
