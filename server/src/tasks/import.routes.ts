import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { AppError, invalid } from '../platform/errors.js';
import { typed } from '../platform/http/app.js';
import { IsoDate } from '../documents/document.schema.js';
import { taskContext } from './context.store.js';
import { parseConclusions } from './conclusions.js';
import { createTask, loadTask } from './tasks.store.js';
import { TaskOut } from './tasks.routes.js';

const Ref = z.object({ id: z.string(), name: z.string() });
const Preview = z.object({
  content: z.string(),
  leadUnit: Ref.nullable(),
  coUnits: z.array(Ref),
  deadline: z.string().nullable(),
  recurring: z.boolean(),
  source: z.object({ point: z.string() }),
  deadlinePhrase: z.string().nullable(),
  context: z.string().nullable(),
  flags: z.array(z.string()),
});
const Edited = z.object({
  content: z.string().trim().min(3).max(5000),
  leadUnit: z.object({ id: z.uuid() }).nullable(),
  coUnits: z
    .array(z.object({ id: z.uuid() }))
    .max(50)
    .default([]),
  deadline: IsoDate.nullable(),
  recurring: z.boolean().default(false),
  source: z.object({ point: z.string().max(20) }),
  deadlinePhrase: z.string().nullable().optional(),
});

/**
 * Import of a conclusions notice (thông báo kết luận): its numbered points and bullets become
 * tasks. Without `confirm` it writes nothing and answers the preview; with `confirm:true` it
 * saves the (possibly edited) tasks, each keeping its source point.
 */
export function importRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  typed(app).post(
    '/api/tasks/import-conclusions',
    {
      config: { access: 'tasks.create' },
      schema: {
        tags: ['tasks'],
        body: z.object({
          text: z.string().max(500_000),
          issuedDate: IsoDate.optional(),
          confirm: z.boolean().optional(),
          sourceDocumentId: z.uuid().optional(),
          tasks: z.array(Edited).max(500).optional(),
        }),
        response: {
          200: z
            .object({ tasks: z.array(Preview), issuedDate: z.string().nullable() })
            .or(z.object({ tasks: z.array(TaskOut) })),
        },
      },
    },
    async (req) => {
      const b = req.body;
      const units = await db.query<{ id: string; name: string; shortName: string }>(
        `SELECT id, name, short_name AS "shortName" FROM units WHERE active`,
      );
      const ctx = await taskContext(db, clock);
      const parsed = parseConclusions(b.text, { issuedDate: b.issuedDate, units, calendar: ctx.cal });
      if (parsed.problems.includes('EMPTY_TEXT')) throw invalid('text', 'EMPTY_TEXT');
      if (parsed.problems.includes('NO_TASKS') && !b.tasks?.length) throw invalid('text', 'NO_TASKS');
      if (parsed.problems.includes('BAD_ISSUED_DATE')) throw invalid('issuedDate', 'VALIDATION_FAILED');
      const preview = parsed.tasks.map((t) => ({
        content: t.content,
        leadUnit: t.leadUnit,
        coUnits: t.coUnits,
        deadline: t.deadline,
        recurring: t.recurring,
        source: { point: t.point },
        deadlinePhrase: t.deadlinePhrase,
        context: t.context,
        // The import page names a missing deadline DEADLINE_MISSING.
        flags: t.flags.map((f) => (f === 'NO_DEADLINE' ? 'DEADLINE_MISSING' : f)),
      }));
      if (!b.confirm) return { tasks: preview, issuedDate: parsed.issuedDate };
      // Confirmed: the edited rows when sent, else the preview as it stands; every row needs a lead unit.
      const rows = b.tasks ?? preview.map((t) => ({ ...t, leadUnit: t.leadUnit ? { id: t.leadUnit.id } : null }));
      const missing = rows.findIndex((t) => !t.leadUnit);
      if (missing >= 0) throw invalid(`tasks.${missing}.leadUnit`, 'REQUIRED');
      if (
        b.sourceDocumentId &&
        !(await db.query('SELECT 1 FROM documents WHERE id = $1', [b.sourceDocumentId])).length
      ) {
        throw new AppError('UNKNOWN_REFERENCE', 400, 'sourceDocumentId', { value: b.sourceDocumentId });
      }
      const saved = await db.tx(async (q) => {
        const out = [];
        for (const t of rows) {
          const id = await createTask(
            q,
            req.user!,
            {
              content: t.content,
              leadUnitId: t.leadUnit!.id,
              coUnitIds: t.coUnits.map((c) => c.id),
              deadline: t.deadline,
              recurring: t.recurring,
              deadlinePhrase: t.deadlinePhrase ?? null,
              sourceDocumentId: b.sourceDocumentId ?? null,
              sourcePoint: t.source.point,
            },
            'import',
          );
          out.push(await loadTask(q, req.user!, id, ctx));
        }
        return out;
      });
      return { tasks: saved };
    },
  );
}
