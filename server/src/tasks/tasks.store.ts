import type { Queryable } from '../platform/db.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { appendAudit } from '../audit/audit.store.js';
import { ownUnitOnly } from '../auth/permissions.js';
import type { Viewer } from '../documents/access.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { deadlineState, onTime } from './followup.js';

export interface TaskView {
  id: string;
  content: string;
  status: string;
  leadUnit: { id: string; name: string } | null;
  leadUser: { id: string; name: string } | null;
  coUnits: { id: string; name: string }[];
  infoUnits: { id: string; name: string }[];
  deadline: string | null;
  recurring: boolean;
  deadlineState: string;
  deadlinePhrase: string | null;
  sourceDocument: { id: string; code: string | null; subject: string } | null;
  sourcePoint: string | null;
  instruction: string | null;
  assignedBy: { id: string; name: string } | null;
  createdAt: string;
  completedAt: string | null;
  onTime: boolean | null;
  result: string | null;
}

interface TaskRow {
  id: string;
  content: string;
  status: string;
  lead_unit_id: string | null;
  lead_unit_name: string | null;
  lead_user_id: string | null;
  lead_user_name: string | null;
  co_unit_ids: string[];
  info_unit_ids: string[];
  deadline: string | null;
  recurring: boolean;
  deadline_phrase: string | null;
  source_document_id: string | null;
  source_code: string | null;
  source_subject: string | null;
  source_secrecy: number | null;
  source_point: string | null;
  instruction: string | null;
  assigned_by: string | null;
  assigned_by_name: string | null;
  created_at: Date;
  completed_at: Date | null;
  on_time: boolean | null;
  result: string | null;
}

export const TASK_SELECT = `SELECT t.*, lu.name AS lead_unit_name, us.full_name AS lead_user_name, d.code AS source_code,
  d.subject AS source_subject, d.secrecy AS source_secrecy, ab.full_name AS assigned_by_name
  FROM tasks t LEFT JOIN units lu ON lu.id = t.lead_unit_id LEFT JOIN users us ON us.id = t.lead_user_id
  LEFT JOIN documents d ON d.id = t.source_document_id LEFT JOIN users ab ON ab.id = t.assigned_by`;

const OPEN = ['open', 'in_progress', 'returned'];

export interface TaskContext {
  today: string;
  nearDays: number;
  cal: WorkCalendar;
  unitNames: ReadonlyMap<string, string>;
}

export function toTaskView(r: TaskRow, ctx: TaskContext, v: Viewer): TaskView {
  const names = (ids: string[]) => ids.map((id) => ({ id, name: ctx.unitNames.get(id) ?? id }));
  // The source document's subject is shown only to people cleared for it.
  const sourceVisible = r.source_document_id && (r.source_secrecy ?? 0) <= v.clearance;
  return {
    id: r.id,
    content: r.content,
    status: r.status,
    leadUnit: r.lead_unit_id ? { id: r.lead_unit_id, name: r.lead_unit_name ?? '' } : null,
    leadUser: r.lead_user_id ? { id: r.lead_user_id, name: r.lead_user_name ?? '' } : null,
    coUnits: names(r.co_unit_ids),
    infoUnits: names(r.info_unit_ids),
    deadline: r.deadline,
    recurring: r.recurring,
    deadlineState: OPEN.includes(r.status) ? deadlineState(r.deadline, ctx.today, ctx.nearDays, ctx.cal) : 'none',
    deadlinePhrase: r.deadline_phrase,
    sourceDocument: r.source_document_id
      ? {
          id: r.source_document_id,
          code: sourceVisible ? r.source_code : null,
          subject: sourceVisible ? (r.source_subject ?? '') : '(văn bản mật)',
        }
      : null,
    sourcePoint: r.source_point,
    instruction: r.instruction,
    assignedBy: r.assigned_by ? { id: r.assigned_by, name: r.assigned_by_name ?? '' } : null,
    createdAt: new Date(r.created_at).toISOString(),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    onTime: r.on_time,
    result: r.result,
  };
}

/** Agency and commune users see the tasks their organisation leads or co-operates on. */
export function taskScopeSql(v: Viewer, p: unknown[]): string {
  if (!ownUnitOnly(v.roles)) return 'true';
  const i = p.push(v.orgUnitId);
  return `(t.lead_unit_id = $${i} OR $${i} = ANY(t.co_unit_ids) OR $${i} = ANY(t.info_unit_ids))`;
}

export async function loadTask(
  q: Queryable,
  v: Viewer,
  id: string,
  ctx: TaskContext,
  forUpdate = false,
): Promise<TaskView> {
  const p: unknown[] = [id];
  const scope = taskScopeSql(v, p);
  const r = (
    await q.query<TaskRow>(`${TASK_SELECT} WHERE t.id = $1 AND ${scope} ${forUpdate ? 'FOR UPDATE OF t' : ''}`, p)
  )[0];
  if (!r) throw notFound('nhiệm vụ');
  return toTaskView(r, ctx, v);
}

export interface NewTask {
  content: string;
  leadUnitId: string | null;
  leadUserId?: string | null;
  coUnitIds?: string[];
  infoUnitIds?: string[];
  deadline?: string | null;
  recurring?: boolean;
  deadlinePhrase?: string | null;
  sourceDocumentId?: string | null;
  sourcePoint?: string | null;
  instruction?: string | null;
  instructedBy?: string | null;
}

async function checkUnits(q: Queryable, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const found = await q.query<{ id: string }>('SELECT id FROM units WHERE id = ANY($1::uuid[])', [ids]);
  const bad = ids.find((id) => !found.some((f) => f.id === id));
  if (bad) throw invalid(field, 'UNKNOWN_REFERENCE', { value: bad });
}

export async function createTask(q: Queryable, v: Viewer, t: NewTask, kind = 'create'): Promise<string> {
  if (!t.content.trim()) throw invalid('content', 'REQUIRED');
  if (!t.leadUnitId && !t.leadUserId) throw invalid('leadUnitId', 'REQUIRED');
  await checkUnits(
    q,
    [t.leadUnitId, ...(t.coUnitIds ?? []), ...(t.infoUnitIds ?? [])].filter((x): x is string => !!x),
    'leadUnitId',
  );
  if (t.leadUserId && !(await q.query('SELECT 1 FROM users WHERE id = $1', [t.leadUserId])).length) {
    throw invalid('leadUserId', 'UNKNOWN_REFERENCE', { value: t.leadUserId });
  }
  const rows = await q.query<{ id: string }>(
    `INSERT INTO tasks(content, lead_unit_id, lead_user_id, co_unit_ids, info_unit_ids, deadline, recurring, deadline_phrase,
       source_document_id, source_point, instruction, instructed_by, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [
      t.content.trim(),
      t.leadUnitId,
      t.leadUserId ?? null,
      t.coUnitIds ?? [],
      t.infoUnitIds ?? [],
      t.deadline ?? null,
      t.recurring ?? false,
      t.deadlinePhrase ?? null,
      t.sourceDocumentId ?? null,
      t.sourcePoint ?? null,
      t.instruction ?? null,
      t.instructedBy ?? null,
      v.id,
    ],
  );
  const id = rows[0]!.id;
  await q.query(`INSERT INTO task_reports(task_id, user_id, kind, note) VALUES ($1,$2,$3,$4)`, [
    id,
    v.id,
    kind,
    t.instruction ?? '',
  ]);
  await appendAudit(q, { id: v.id, name: v.username }, kind, 'task', id, null, t);
  return id;
}

async function report(q: Queryable, v: Viewer, id: string, kind: string, note: string, percent?: number | null) {
  await q.query(`INSERT INTO task_reports(task_id, user_id, kind, note, percent) VALUES ($1,$2,$3,$4,$5)`, [
    id,
    v.id,
    kind,
    note,
    percent ?? null,
  ]);
}

/**
 * Who may work a task: the person it was given to, members of its lead unit (or of the
 * organisation leading it), and the Office's leaders and admins, who follow every task.
 */
export function assertMayWork(v: Viewer & { unitId?: string | null }, t: TaskView): void {
  if (v.roles.includes('admin') || v.roles.includes('office_leader')) return;
  if (t.leadUser?.id === v.id) return;
  if (t.leadUnit && (t.leadUnit.id === v.unitId || t.leadUnit.id === v.orgUnitId)) return;
  throw new AppError('NOT_YOUR_TASK', 403);
}

function assertOpen(t: TaskView): void {
  if (!OPEN.includes(t.status)) throw new AppError('TASK_CLOSED', 409, undefined, { status: t.status });
}

export async function assignTask(
  q: Queryable,
  v: Viewer,
  id: string,
  userId: string,
  note: string,
  ctx: TaskContext,
): Promise<TaskView> {
  const before = await loadTask(q, v, id, ctx, true);
  assertOpen(before);
  const u = (await q.query<{ id: string }>('SELECT id FROM users WHERE id = $1 AND active', [userId]))[0];
  if (!u) throw invalid('userId', 'UNKNOWN_REFERENCE', { value: userId });
  await q.query(
    `UPDATE tasks SET lead_user_id = $2, assigned_by = $3, status = 'open', updated_at = now() WHERE id = $1`,
    [id, userId, v.id],
  );
  await report(q, v, id, 'assign', note);
  const after = await loadTask(q, v, id, ctx);
  await appendAudit(q, { id: v.id, name: v.username }, 'assign', 'task', id, before, after);
  return after;
}

export async function progressTask(
  q: Queryable,
  v: Viewer & { unitId?: string | null },
  id: string,
  note: string,
  percent: number | null,
  ctx: TaskContext,
): Promise<TaskView> {
  const before = await loadTask(q, v, id, ctx, true);
  assertOpen(before);
  assertMayWork(v, before);
  await q.query(`UPDATE tasks SET status = 'in_progress', updated_at = now() WHERE id = $1`, [id]);
  await report(q, v, id, 'progress', note, percent);
  const after = await loadTask(q, v, id, ctx);
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    'progress',
    'task',
    id,
    { status: before.status },
    { status: after.status, note, percent },
  );
  return after;
}

export async function completeTask(
  q: Queryable,
  v: Viewer & { unitId?: string | null },
  id: string,
  done: { result: string; evidenceDocumentId?: string | null; evidenceText?: string | null },
  ctx: TaskContext,
): Promise<TaskView> {
  const before = await loadTask(q, v, id, ctx, true);
  assertOpen(before);
  assertMayWork(v, before);
  if (
    done.evidenceDocumentId &&
    !(await q.query('SELECT 1 FROM documents WHERE id = $1', [done.evidenceDocumentId])).length
  ) {
    throw invalid('evidence.documentId', 'UNKNOWN_REFERENCE', { value: done.evidenceDocumentId });
  }
  await q.query(
    `UPDATE tasks SET status = 'done', completed_at = now(), completed_on = $2, on_time = $3, result = $4,
       evidence_document_id = $5, evidence_text = $6, updated_at = now() WHERE id = $1`,
    [
      id,
      ctx.today,
      onTime(before.deadline, ctx.today),
      done.result,
      done.evidenceDocumentId ?? null,
      done.evidenceText ?? null,
    ],
  );
  await report(q, v, id, 'complete', done.result, 100);
  const after = await loadTask(q, v, id, ctx);
  await appendAudit(q, { id: v.id, name: v.username }, 'complete', 'task', id, before, after);
  return after;
}

export async function returnTask(
  q: Queryable,
  v: Viewer & { unitId?: string | null },
  id: string,
  reason: string,
  ctx: TaskContext,
): Promise<TaskView> {
  const before = await loadTask(q, v, id, ctx, true);
  assertOpen(before);
  assertMayWork(v, before);
  // Back to whoever assigned it; the person it was given to is released.
  await q.query(`UPDATE tasks SET status = 'returned', lead_user_id = NULL, updated_at = now() WHERE id = $1`, [id]);
  await report(q, v, id, 'return', reason);
  const after = await loadTask(q, v, id, ctx);
  await appendAudit(q, { id: v.id, name: v.username }, 'return', 'task', id, before, after);
  return after;
}

export async function taskReports(q: Queryable, id: string) {
  return q.query<{ at: Date; userName: string | null; kind: string; note: string; percent: number | null }>(
    `SELECT r.at, u.full_name AS "userName", r.kind, r.note, r.percent FROM task_reports r LEFT JOIN users u ON u.id = r.user_id
     WHERE r.task_id = $1 ORDER BY r.id`,
    [id],
  );
}
