import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { typed } from '../platform/http/app.js';
import { can } from '../auth/permissions.js';
import { DocumentOut, DraftIn } from './document.schema.js';
import {
  cancelNumber,
  checkContent,
  checkDraftFormat,
  createDraft,
  issueDocument,
  listVersions,
  recallDocument,
  releaseDocument,
  signDraft,
  startCorrection,
  updateDraft,
} from './outgoing.store.js';

const Id = z.object({ id: z.uuid() });
const Violation = z.object({
  code: z.string(),
  field: z.string(),
  message: z.string(),
  messageEn: z.string(),
  citation: z.string(),
});
const Reason = z.object({ reason: z.string().trim().min(3).max(1000) });

export function outgoingRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  const r = typed(app);
  const tags = ['outgoing'];
  r.post(
    '/api/outgoing',
    { config: { access: 'outgoing.draft' }, schema: { tags, body: DraftIn, response: { 201: DocumentOut } } },
    async (req, reply) => reply.status(201).send(await db.tx((q) => createDraft(q, req.user!, req.body, clock))),
  );
  r.patch(
    '/api/outgoing/:id',
    {
      config: { access: 'outgoing.draft' },
      schema: { tags, params: Id, body: DraftIn.partial(), response: { 200: DocumentOut } },
    },
    async (req) => db.tx((q) => updateDraft(q, req.user!, req.params.id, req.body)),
  );
  r.get(
    '/api/outgoing/:id/versions',
    {
      config: { access: 'documents.read' },
      schema: {
        tags,
        params: Id,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                version: z.number(),
                subject: z.string(),
                body: z.string(),
                createdAt: z.date(),
                createdBy: z.string().nullable(),
                createdByName: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await listVersions(db, req.user!, req.params.id) }),
  );
  r.post(
    '/api/outgoing/:id/check-content',
    {
      config: { access: 'outgoing.check' },
      schema: {
        tags,
        params: Id,
        body: z.object({ approve: z.boolean(), note: z.string().max(2000).default('') }),
        response: { 200: DocumentOut },
      },
    },
    async (req) => db.tx((q) => checkContent(q, req.user!, req.params.id, req.body.approve, req.body.note)),
  );
  r.post(
    '/api/outgoing/:id/check-format',
    {
      config: { access: 'documents.read' },
      schema: {
        tags,
        description: 'Kiểm tra thể thức theo NĐ 30/2020; ghi nhận nếu người gọi là người kiểm tra và không có lỗi.',
        params: Id,
        body: z.object({ dateLine: z.string().max(200).optional() }).optional(),
        response: { 200: z.object({ violations: z.array(Violation), ok: z.boolean(), recorded: z.boolean() }) },
      },
    },
    async (req) =>
      db.tx((q) =>
        checkDraftFormat(q, req.user!, req.params.id, {
          canRecord: can(req.user!.roles, 'outgoing.check'),
          dateLine: req.body?.dateLine,
        }),
      ),
  );
  r.post(
    '/api/outgoing/:id/sign',
    {
      config: { access: 'outgoing.sign' },
      schema: {
        tags,
        params: Id,
        body: z.object({ form: z.enum(['TM.', 'KT.', 'TL.', 'Q.', 'TUQ.', '']), signerUserId: z.uuid().optional() }),
        response: { 200: DocumentOut },
      },
    },
    async (req) => db.tx((q) => signDraft(q, req.user!, req.params.id, req.body)),
  );
  r.post(
    '/api/outgoing/:id/issue',
    {
      config: { access: 'outgoing.issue' },
      schema: {
        tags,
        params: Id,
        response: {
          200: DocumentOut.extend({
            number: z.number(),
            notation: z.string(),
            code: z.string(),
            issuedDate: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const d = await db.tx((q) => issueDocument(q, req.user!, req.params.id, clock));
      return { ...d, number: d.number!, notation: d.notation!, code: d.code!, issuedDate: d.issuedDate! };
    },
  );
  r.post(
    '/api/outgoing/:id/release',
    {
      config: { access: 'outgoing.issue' },
      schema: {
        tags,
        params: Id,
        response: {
          200: z.object({
            document: DocumentOut,
            delivered: z.array(z.object({ unitId: z.string(), incomingId: z.string(), arrivalNumber: z.number() })),
          }),
        },
      },
    },
    async (req) => db.tx((q) => releaseDocument(q, req.user!, req.params.id, clock)),
  );
  r.post(
    '/api/outgoing/:id/recall',
    {
      config: { access: 'outgoing.issue' },
      schema: { tags, params: Id, body: Reason, response: { 200: DocumentOut } },
    },
    async (req) => db.tx((q) => recallDocument(q, req.user!, req.params.id, req.body.reason)),
  );
  r.post(
    '/api/outgoing/:id/cancel',
    {
      config: { access: 'outgoing.issue' },
      schema: { tags, params: Id, body: Reason, response: { 200: DocumentOut } },
    },
    async (req) => db.tx((q) => cancelNumber(q, req.user!, req.params.id, req.body.reason)),
  );
  r.post(
    '/api/outgoing/:id/correct',
    {
      config: { access: 'outgoing.draft' },
      schema: {
        tags,
        params: Id,
        body: z.object({ kind: z.enum(['format', 'content']) }),
        response: { 201: DocumentOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await db.tx((q) => startCorrection(q, req.user!, req.params.id, req.body.kind, clock))),
  );
}
