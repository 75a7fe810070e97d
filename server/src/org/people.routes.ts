import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UserSchema } from '../auth/user.schema.js';
import type { Db } from '../platform/db.js';
import { typed } from '../platform/http/app.js';
import { actorOf } from '../platform/http/actor.js';
import { ownUnitOnly, ROLES } from '../auth/permissions.js';
import { createPerson, listPeople, updatePerson } from './people.store.js';

const Person = UserSchema;

const PersonInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,50}$/, 'chữ thường không dấu, số, dấu chấm, gạch'),
  fullName: z.string().trim().min(2).max(200),
  position: z.string().trim().max(200).default(''),
  unitId: z.uuid().nullable(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  clearance: z.number().int().min(0).max(3),
  password: z.string().max(200),
  active: z.boolean().optional(),
});

export function peopleRoutes(app: FastifyInstance, db: Db): void {
  const r = typed(app);
  r.get(
    '/api/org/people',
    {
      config: { access: 'people.read' },
      schema: {
        tags: ['org'],
        querystring: z.object({ unitId: z.uuid().optional(), q: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(Person), total: z.number() }) },
      },
    },
    async (req) => {
      const u = req.user!;
      const items = await listPeople(db, { ...req.query, onlyUnitId: ownUnitOnly(u.roles) ? u.unitId : undefined });
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/org/people',
    { config: { access: 'users.write' }, schema: { tags: ['org'], body: PersonInput, response: { 200: Person } } },
    async (req) => db.tx((q) => createPerson(q, actorOf(req), req.body)),
  );
  r.patch(
    '/api/org/people/:id',
    {
      config: { access: 'users.write' },
      schema: {
        tags: ['org'],
        params: z.object({ id: z.uuid() }),
        body: PersonInput.omit({ username: true }).partial(),
        response: { 200: Person },
      },
    },
    async (req) => db.tx((q) => updatePerson(q, actorOf(req), req.params.id, req.body)),
  );
}
