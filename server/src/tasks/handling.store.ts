import type { Queryable } from '../platform/db.js';
import { AppError, invalid } from '../platform/errors.js';
import { appendAudit } from '../audit/audit.store.js';
import type { Viewer } from '../documents/access.js';
import { loadDocument } from '../documents/document.store.js';
import { createTask } from './tasks.store.js';

/**
 * The handling chain of an incoming document (NĐ 30/2020, Điều 23–24): presented to the leader
 * named by its route, the leader's instruction (lead, co-operating, for information, deadline)
 * becomes tasks, the department passes them to a specialist, who reports and completes.
 * Document status: registered → presented → assigned → done.
 */
export async function presentDocument(q: Queryable, v: Viewer, id: string, leaderId: string | null, note: string) {
  const doc = await loadDocument(q, v, id, true);
  if (doc.direction !== 'in') throw invalid('id', 'NOT_INCOMING');
  if (!['registered', 'presented'].includes(doc.status))
    throw new AppError('HANDLING_STATE', 409, undefined, { status: doc.status });
  let to = leaderId;
  if (!to) {
    const r = (
      await q.query<{ leader: { id: string } | null }>(
        `SELECT route->'leader' AS leader FROM documents WHERE id = $1`,
        [id],
      )
    )[0];
    to = r?.leader?.id ?? null;
  }
  if (!to) throw invalid('leaderId', 'REQUIRED');
  const leader = (await q.query<{ id: string }>(`SELECT id FROM users WHERE id = $1 AND active`, [to]))[0];
  if (!leader) throw invalid('leaderId', 'UNKNOWN_REFERENCE', { value: to });
  await q.query(
    `UPDATE documents SET status = 'presented', route_acted = route_flow IS NOT NULL, updated_at = now() WHERE id = $1`,
    [id],
  );
  await q.query(
    `INSERT INTO handling_steps(document_id, actor_id, action, to_user_id, note) VALUES ($1,$2,'present',$3,$4)`,
    [id, v.id, to, note],
  );
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    'present',
    'document',
    id,
    { status: doc.status },
    { status: 'presented', leaderId: to, note },
  );
}

export interface Instruction {
  instruction: string;
  lead: { unitId?: string | null; userId?: string | null };
  coUnitIds: string[];
  infoUnitIds: string[];
  deadline?: string | null;
}

export async function instructDocument(q: Queryable, v: Viewer, id: string, i: Instruction): Promise<string> {
  const doc = await loadDocument(q, v, id, true);
  if (doc.direction !== 'in') throw invalid('id', 'NOT_INCOMING');
  if (['done', 'recalled'].includes(doc.status))
    throw new AppError('HANDLING_STATE', 409, undefined, { status: doc.status });
  if (i.deadline && doc.arrivalDate && i.deadline < doc.arrivalDate)
    throw invalid('deadline', 'DEADLINE_BEFORE_ARRIVAL');
  let leadUnitId = i.lead.unitId ?? null;
  if (!leadUnitId && i.lead.userId) {
    leadUnitId =
      (await q.query<{ unit_id: string | null }>('SELECT unit_id FROM users WHERE id = $1', [i.lead.userId]))[0]
        ?.unit_id ?? null;
  }
  const taskId = await createTask(
    q,
    v,
    {
      content: `${doc.typeName} ${doc.code ?? ''} của ${doc.issuer.name}: ${doc.subject}`.replace(/\s+/g, ' '),
      leadUnitId,
      leadUserId: i.lead.userId ?? null,
      coUnitIds: i.coUnitIds,
      infoUnitIds: i.infoUnitIds,
      deadline: i.deadline ?? doc.dueDate ?? null,
      sourceDocumentId: id,
      instruction: i.instruction,
      instructedBy: v.id,
    },
    'instruct',
  );
  await q.query(
    `UPDATE documents SET status = 'assigned', route_acted = route_flow IS NOT NULL, updated_at = now() WHERE id = $1`,
    [id],
  );
  await q.query(
    `INSERT INTO handling_steps(document_id, actor_id, action, to_user_id, to_unit_id, note, task_id) VALUES ($1,$2,'instruct',$3,$4,$5,$6)`,
    [id, v.id, i.lead.userId ?? null, leadUnitId, i.instruction, taskId],
  );
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    'instruct',
    'document',
    id,
    { status: doc.status },
    { status: 'assigned', ...i, taskId },
  );
  return taskId;
}

/** Records a task step on its source document's chain, so the document's trace shows it. */
export async function documentStep(
  q: Queryable,
  v: Viewer,
  taskId: string,
  action: string,
  note: string,
  toUserId: string | null = null,
) {
  const t = (
    await q.query<{ source_document_id: string | null }>('SELECT source_document_id FROM tasks WHERE id = $1', [taskId])
  )[0];
  if (!t?.source_document_id) return;
  await q.query(
    `INSERT INTO handling_steps(document_id, actor_id, action, to_user_id, note, task_id) VALUES ($1,$2,$3,$4,$5,$6)`,
    [t.source_document_id, v.id, action, toUserId, note, taskId],
  );
  await appendAudit(q, { id: v.id, name: v.username }, action, 'document', t.source_document_id, null, {
    taskId,
    note,
    toUserId,
  });
  if (action === 'complete') {
    // The document is done when every task from it is done.
    const open = await q.query(
      `SELECT 1 FROM tasks WHERE source_document_id = $1 AND status <> 'done' AND status <> 'cancelled' LIMIT 1`,
      [t.source_document_id],
    );
    if (!open.length)
      await q.query(`UPDATE documents SET status = 'done', updated_at = now() WHERE id = $1`, [t.source_document_id]);
  }
}

export async function handlingView(q: Queryable, v: Viewer, id: string) {
  const doc = await loadDocument(q, v, id);
  const steps = await q.query<{
    at: Date;
    actor: string | null;
    action: string;
    to_user: string | null;
    to_unit: string | null;
    note: string;
    task_id: string | null;
  }>(
    `SELECT h.at, a.full_name AS actor, h.action, tu.full_name AS to_user, un.name AS to_unit, h.note, h.task_id
     FROM handling_steps h LEFT JOIN users a ON a.id = h.actor_id LEFT JOIN users tu ON tu.id = h.to_user_id
     LEFT JOIN units un ON un.id = h.to_unit_id WHERE h.document_id = $1 ORDER BY h.id`,
    [id],
  );
  const tasks = await q.query<{
    id: string;
    status: string;
    deadline: string | null;
    lead_unit: string | null;
    lead_user: string | null;
  }>(
    `SELECT t.id, t.status, t.deadline, u.name AS lead_unit, p.full_name AS lead_user FROM tasks t
     LEFT JOIN units u ON u.id = t.lead_unit_id LEFT JOIN users p ON p.id = t.lead_user_id WHERE t.source_document_id = $1 ORDER BY t.created_at`,
    [id],
  );
  return {
    state: doc.status,
    steps: steps.map((s) => ({
      at: new Date(s.at).toISOString(),
      actorName: s.actor,
      action: s.action,
      toUserName: s.to_user,
      toUnitName: s.to_unit,
      note: s.note,
      taskId: s.task_id,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      status: t.status,
      deadline: t.deadline,
      leadUnitName: t.lead_unit,
      leadUserName: t.lead_user,
    })),
  };
}
