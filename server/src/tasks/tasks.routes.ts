import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { typed } from '../platform/http/app.js';
import { IsoDate } from '../documents/document.schema.js';
import { taskContext } from './context.store.js';
import { documentStep, handlingView, instructDocument, presentDocument } from './handling.store.js';
import { inbox, listTasks, overview } from './followup.store.js';
import {
  assignTask,
  completeTask,
  createTask,
  loadTask,
  progressTask,
  returnTask,
  taskReports,
} from './tasks.store.js';

const Ref = z.object({ id: z.string(), name: z.string() });
export const TaskOut = z.object({
  id: z.string(),
  content: z.string(),
  status: z.string(),
  leadUnit: Ref.nullable(),
  leadUser: Ref.nullable(),
  coUnits: z.array(Ref),
  infoUnits: z.array(Ref),
  deadline: z.string().nullable(),
  recurring: z.boolean(),
  deadlineState: z.string(),
  deadlinePhrase: z.string().nullable(),
  sourceDocument: z.object({ id: z.string(), code: z.string().nullable(), subject: z.string() }).nullable(),
  sourcePoint: z.string().nullable(),
  instruction: z.string().nullable(),
  assignedBy: Ref.nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  result: z.string().nullable(),
});
const Id = z.object({ id: z.uuid() });

export function taskRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  const r = typed(app);
  const tags = ['tasks'];

  r.get(
    '/api/documents/:id/handling',
    {
      config: { access: 'documents.read' },
      schema: {
        tags,
        params: Id,
        response: {
          200: z.object({
            state: z.string(),
            steps: z.array(
              z.object({
                at: z.string(),
                actorName: z.string().nullable(),
                action: z.string(),
                toUserName: z.string().nullable(),
                toUnitName: z.string().nullable(),
                note: z.string(),
                taskId: z.string().nullable(),
              }),
            ),
            tasks: z.array(
              z.object({
                id: z.string(),
                status: z.string(),
                deadline: z.string().nullable(),
                leadUnitName: z.string().nullable(),
                leadUserName: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => handlingView(db, req.user!, req.params.id),
  );
  r.post(
    '/api/documents/:id/present',
    {
      config: { access: 'routing.override' },
      schema: {
        tags,
        params: Id,
        body: z.object({ leaderId: z.uuid().optional(), note: z.string().max(2000).default('') }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      await db.tx((q) => presentDocument(q, req.user!, req.params.id, req.body.leaderId ?? null, req.body.note));
      return { ok: true };
    },
  );
  r.post(
    '/api/documents/:id/instruct',
    {
      config: { access: 'tasks.instruct' },
      schema: {
        tags,
        description:
          'Ý kiến chỉ đạo của lãnh đạo: đơn vị/người chủ trì, phối hợp, để biết, hạn xử lý (NĐ 30/2020, Điều 24).',
        params: Id,
        body: z.object({
          instruction: z.string().trim().min(2).max(5000),
          lead: z.object({ unitId: z.uuid().nullable().optional(), userId: z.uuid().nullable().optional() }),
          coUnitIds: z.array(z.uuid()).max(50).default([]),
          infoUnitIds: z.array(z.uuid()).max(200).default([]),
          deadline: IsoDate.nullable().optional(),
        }),
        response: { 200: TaskOut },
      },
    },
    async (req) =>
      db.tx(async (q) => {
        const id = await instructDocument(q, req.user!, req.params.id, req.body);
        return loadTask(q, req.user!, id, await taskContext(q, clock));
      }),
  );

  r.post(
    '/api/tasks',
    {
      config: { access: 'tasks.create' },
      schema: {
        tags,
        body: z.object({
          content: z.string().trim().min(3).max(5000),
          leadUnitId: z.uuid(),
          coUnitIds: z.array(z.uuid()).max(50).default([]),
          deadline: IsoDate.nullable().optional(),
          recurring: z.boolean().default(false),
          sourceDocumentId: z.uuid().optional(),
          sourcePoint: z.string().max(20).optional(),
        }),
        response: { 201: TaskOut },
      },
    },
    async (req, reply) => {
      const t = await db.tx(async (q) => {
        const id = await createTask(q, req.user!, req.body);
        return loadTask(q, req.user!, id, await taskContext(q, clock));
      });
      return reply.status(201).send(t);
    },
  );
  r.get(
    '/api/tasks',
    {
      config: { access: 'documents.read' },
      schema: {
        tags,
        querystring: z.object({
          status: z.string().max(20).optional(),
          unitId: z.uuid().optional(),
          leaderId: z.uuid().optional(),
          userId: z.uuid().optional(),
          sourceDocumentId: z.uuid().optional(),
          due: z.enum(['overdue', 'near', 'all']).optional(),
          q: z.string().max(200).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.object({ items: z.array(TaskOut), total: z.number() }) },
      },
    },
    async (req) => listTasks(db, req.user!, req.query, await taskContext(db, clock)),
  );
  r.get(
    '/api/tasks/:id',
    {
      config: { access: 'documents.read' },
      schema: {
        tags,
        params: Id,
        response: {
          200: TaskOut.extend({
            reports: z.array(
              z.object({
                at: z.date(),
                userName: z.string().nullable(),
                kind: z.string(),
                note: z.string(),
                percent: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const t = await loadTask(db, req.user!, req.params.id, await taskContext(db, clock));
      return { ...t, reports: await taskReports(db, t.id) };
    },
  );
  const step = (
    path: string,
    access: 'tasks.assign' | 'tasks.work',
    body: z.ZodTypeAny,
    run: (
      q: Parameters<Parameters<Db['tx']>[0]>[0],
      req: { user: NonNullable<import('fastify').FastifyRequest['user']>; id: string; body: never },
      ctx: Awaited<ReturnType<typeof taskContext>>,
    ) => Promise<z.infer<typeof TaskOut>>,
  ) =>
    r.post(path, { config: { access }, schema: { tags, params: Id, body, response: { 200: TaskOut } } }, async (req) =>
      db.tx(async (q) => {
        const ctx = await taskContext(q, clock);
        return run(q, { user: req.user!, id: (req.params as { id: string }).id, body: req.body as never }, ctx);
      }),
    );
  step(
    '/api/tasks/:id/assign',
    'tasks.assign',
    z.object({ userId: z.uuid(), note: z.string().max(2000).default('') }),
    async (q, req, ctx) => {
      const b = req.body as { userId: string; note: string };
      const t = await assignTask(q, req.user, req.id, b.userId, b.note, ctx);
      await documentStep(q, req.user, req.id, 'assign', b.note, b.userId);
      return t;
    },
  );
  step(
    '/api/tasks/:id/progress',
    'tasks.work',
    z.object({
      note: z.string().trim().min(2).max(5000),
      percent: z.number().int().min(0).max(100).nullable().optional(),
    }),
    async (q, req, ctx) => {
      const b = req.body as { note: string; percent?: number | null };
      const t = await progressTask(q, req.user, req.id, b.note, b.percent ?? null, ctx);
      await documentStep(q, req.user, req.id, 'progress', b.note);
      return t;
    },
  );
  step(
    '/api/tasks/:id/complete',
    'tasks.work',
    z.object({
      result: z.string().trim().min(2).max(5000),
      evidence: z.object({ documentId: z.uuid().optional(), text: z.string().max(5000).optional() }).optional(),
    }),
    async (q, req, ctx) => {
      const b = req.body as { result: string; evidence?: { documentId?: string; text?: string } };
      const t = await completeTask(
        q,
        req.user,
        req.id,
        { result: b.result, evidenceDocumentId: b.evidence?.documentId, evidenceText: b.evidence?.text },
        ctx,
      );
      await documentStep(q, req.user, req.id, 'complete', b.result);
      return t;
    },
  );
  step(
    '/api/tasks/:id/return',
    'tasks.work',
    z.object({ reason: z.string().trim().min(5).max(2000) }),
    async (q, req, ctx) => {
      const b = req.body as { reason: string };
      const t = await returnTask(q, req.user, req.id, b.reason, ctx);
      await documentStep(q, req.user, req.id, 'return', b.reason);
      return t;
    },
  );

  r.get(
    '/api/inbox',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        response: {
          200: z.object({
            counts: z.object({
              overdue: z.number(),
              near: z.number(),
              open: z.number(),
              toPresent: z.number(),
              toInstruct: z.number(),
            }),
            items: z.array(
              z.object({
                kind: z.string(),
                id: z.string(),
                title: z.string(),
                deadline: z.string().nullable(),
                color: z.string(),
                documentId: z.string().optional(),
                taskId: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => inbox(db, req.user!, await taskContext(db, clock)),
  );
  r.get(
    '/api/followup/overview',
    {
      config: { access: 'documents.read' },
      schema: { tags, querystring: z.object({ months: z.coerce.number().int().min(1).max(24).default(6) }) },
    },
    async (req) => overview(db, req.user!, await taskContext(db, clock), req.query.months),
  );
  r.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        response: {
          200: z.object({
            unread: z.number(),
            items: z.array(
              z.object({
                id: z.number(),
                kind: z.string(),
                title: z.string(),
                body: z.string(),
                taskId: z.string().nullable(),
                at: z.date(),
                read: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const items = await db.query<{
        id: number;
        kind: string;
        title: string;
        body: string;
        taskId: string | null;
        at: Date;
        read: boolean;
      }>(
        `SELECT id, kind, title, body, task_id AS "taskId", at, read_at IS NOT NULL AS read FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 100`,
        [req.user!.id],
      );
      return { unread: items.filter((i) => !i.read).length, items };
    },
  );
  r.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        params: z.object({ id: z.coerce.number().int() }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      // Only one's own notifications: the user id is part of the condition.
      await db.query('UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2', [
        req.params.id,
        req.user!.id,
      ]);
      return { ok: true };
    },
  );
}
