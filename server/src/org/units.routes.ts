import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import { typed } from '../platform/http/app.js';
import { actorOf } from '../platform/http/actor.js';
import {
  createField,
  createUnit,
  getUnit,
  listAreas,
  listFields,
  listUnits,
  UNIT_LEVELS,
  updateField,
  updateUnit,
} from './units.store.js';

const Unit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: z.enum(UNIT_LEVELS),
  type: z.string(),
  parentId: z.string().nullable(),
  orgId: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  fieldCodes: z.array(z.string()),
  active: z.boolean(),
});

const UnitInput = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(2).max(300),
  shortName: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N}]+$/u, 'chỉ gồm chữ và số, không dấu cách'),
  level: z.enum(UNIT_LEVELS),
  type: z.string().trim().min(1).max(60),
  parentId: z.uuid().nullable().optional(),
  // Mã định danh theo QĐ 20/2020/QĐ-TTg, e.g. 000.00.00.H53
  orgId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{3}\.[A-Z0-9]{2}\.[A-Z0-9]{2}\.[A-Z0-9]{3}$/, 'dạng 000.00.00.H53')
    .nullable()
    .optional(),
  areaCode: z.string().trim().min(1).nullable().optional(),
  fieldCodes: z.array(z.string().min(1)).max(50).optional(),
  active: z.boolean().optional(),
});

const Field = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
const list = <T extends z.ZodTypeAny>(t: T) => z.object({ items: z.array(t), total: z.number() });

export function unitRoutes(app: FastifyInstance, db: Db): void {
  const r = typed(app);
  r.get(
    '/api/org/units',
    {
      config: { access: 'org.read' },
      schema: {
        tags: ['org'],
        querystring: z.object({
          level: z.enum(UNIT_LEVELS).optional(),
          parentId: z.uuid().optional(),
          areaCode: z.string().optional(),
          q: z.string().max(100).optional(),
        }),
        response: { 200: list(Unit) },
      },
    },
    async (req) => {
      const items = await listUnits(db, req.query);
      return { items, total: items.length };
    },
  );
  r.get(
    '/api/org/units/:id',
    {
      config: { access: 'org.read' },
      schema: { tags: ['org'], params: z.object({ id: z.uuid() }), response: { 200: Unit } },
    },
    async (req) => getUnit(db, req.params.id),
  );
  r.post(
    '/api/org/units',
    { config: { access: 'org.write' }, schema: { tags: ['org'], body: UnitInput, response: { 200: Unit } } },
    async (req) => db.tx((q) => createUnit(q, actorOf(req), req.body)),
  );
  r.patch(
    '/api/org/units/:id',
    {
      config: { access: 'org.write' },
      schema: { tags: ['org'], params: z.object({ id: z.uuid() }), body: UnitInput.partial(), response: { 200: Unit } },
    },
    async (req) => db.tx((q) => updateUnit(q, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/org/fields',
    { config: { access: 'org.read' }, schema: { tags: ['org'], response: { 200: list(Field) } } },
    async () => {
      const items = await listFields(db);
      return { items, total: items.length };
    },
  );
  r.post(
    '/api/org/fields',
    {
      config: { access: 'org.write' },
      schema: {
        tags: ['org'],
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'chữ in hoa không dấu, số, gạch dưới'),
          name: z.string().trim().min(2).max(200),
          nameEn: z.string().trim().max(200).default(''),
        }),
        response: { 200: Field },
      },
    },
    async (req) => db.tx((q) => createField(q, actorOf(req), req.body)),
  );
  r.patch(
    '/api/org/fields/:code',
    {
      config: { access: 'org.write' },
      schema: {
        tags: ['org'],
        params: z.object({ code: z.string() }),
        body: z.object({
          name: z.string().trim().min(2).max(200).optional(),
          nameEn: z.string().trim().max(200).optional(),
        }),
        response: { 200: Field },
      },
    },
    async (req) => db.tx((q) => updateField(q, actorOf(req), req.params.code, req.body)),
  );
  r.get(
    '/api/org/areas',
    {
      config: { access: 'org.read' },
      schema: {
        tags: ['org'],
        response: { 200: list(z.object({ code: z.string(), name: z.string(), communeCount: z.number() })) },
      },
    },
    async () => {
      const items = await listAreas(db);
      return { items, total: items.length };
    },
  );
}
