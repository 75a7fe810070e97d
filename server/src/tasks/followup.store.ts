import type { Queryable } from '../platform/db.js';
import type { Viewer } from '../documents/access.js';
import { visibleSql } from '../documents/access.js';
import { lastMonths } from '../calendar/civil-date.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { TASK_SELECT, type TaskContext, taskScopeSql, toTaskView, type TaskView } from './tasks.store.js';

export interface TaskFilter {
  status?: string;
  unitId?: string;
  leaderId?: string;
  userId?: string;
  due?: 'overdue' | 'near' | 'all';
  q?: string;
  sourceDocumentId?: string;
  page: number;
  pageSize: number;
}

export async function listTasks(
  q: Queryable,
  v: Viewer,
  f: TaskFilter,
  ctx: TaskContext,
): Promise<{ items: TaskView[]; total: number }> {
  const p: unknown[] = [];
  const where = [taskScopeSql(v, p)];
  if (f.status) where.push(`t.status = $${p.push(f.status)}`);
  if (f.unitId) where.push(`t.lead_unit_id = $${p.push(f.unitId)}`);
  if (f.userId) where.push(`t.lead_user_id = $${p.push(f.userId)}`);
  if (f.leaderId) where.push(`t.instructed_by = $${p.push(f.leaderId)}`);
  if (f.sourceDocumentId) where.push(`t.source_document_id = $${p.push(f.sourceDocumentId)}`);
  if (f.q) where.push(`lower(t.content) LIKE $${p.push(`%${f.q.toLowerCase()}%`)}`);
  if (f.due === 'overdue' || f.due === 'near') {
    where.push(`t.status IN ('open','in_progress','returned') AND t.deadline IS NOT NULL`);
    if (f.due === 'overdue') where.push(`t.deadline < $${p.push(ctx.today)}::date`);
    else {
      const limit = addWorkingDays(ctx.today, ctx.nearDays, ctx.cal);
      where.push(`t.deadline >= $${p.push(ctx.today)}::date AND t.deadline <= $${p.push(limit)}::date`);
    }
  }
  const w = where.join(' AND ');
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t WHERE ${w}`, p))[0]?.n ?? 0;
  const rows = await q.query<Parameters<typeof toTaskView>[0]>(
    `${TASK_SELECT} WHERE ${w} ORDER BY (t.status IN ('done','cancelled')), t.deadline NULLS LAST, t.created_at DESC
     LIMIT $${p.push(f.pageSize)} OFFSET $${p.push((f.page - 1) * f.pageSize)}`,
    p,
  );
  return { items: rows.map((r) => toTaskView(r, ctx, v)), total };
}

type Color = 'red' | 'orange' | 'green' | 'grey';

/**
 * A person's "việc cần làm": documents waiting for them (to present, to instruct) and the open
 * tasks they or their unit lead, coloured by deadline.
 */
export async function inbox(
  q: Queryable,
  v: Viewer & { unitId: string | null; permissions: string[] },
  ctx: TaskContext,
) {
  const items: {
    kind: string;
    id: string;
    title: string;
    deadline: string | null;
    color: Color;
    documentId?: string;
    taskId?: string;
  }[] = [];
  const p: unknown[] = [];
  const vis = visibleSql(v, p);
  if (v.permissions.includes('routing.override') && v.roles.includes('clerk')) {
    const rows = await q.query<{ id: string; subject: string; code: string | null; deadline: string | null }>(
      `SELECT d.id, d.subject, d.code, (d.route->>'deadline') AS deadline FROM documents d
       WHERE d.direction = 'in' AND d.status = 'registered' AND d.route_flow = 'SUBMIT_TO_LEADER' AND ${vis}
       ORDER BY d.created_at LIMIT 50`,
      p,
    );
    for (const r of rows)
      items.push({
        kind: 'to_present',
        id: r.id,
        documentId: r.id,
        title: `${r.code ?? ''} ${r.subject}`.trim(),
        deadline: r.deadline,
        color: 'grey',
      });
  }
  if (v.roles.some((r) => r === 'chairman' || r === 'vice_chairman')) {
    const p2: unknown[] = [v.id];
    const vis2 = visibleSql(v, p2);
    const rows = await q.query<{ id: string; subject: string; code: string | null; deadline: string | null }>(
      `SELECT d.id, d.subject, d.code, (d.route->>'deadline') AS deadline FROM documents d
       JOIN handling_steps h ON h.document_id = d.id AND h.action = 'present' AND h.to_user_id = $1
       WHERE d.status = 'presented' AND d.route_flow IS NOT NULL AND ${vis2} GROUP BY d.id ORDER BY min(h.at) LIMIT 50`,
      p2,
    );
    for (const r of rows)
      items.push({
        kind: 'to_instruct',
        id: r.id,
        documentId: r.id,
        title: `${r.code ?? ''} ${r.subject}`.trim(),
        deadline: r.deadline,
        color: 'grey',
      });
  }
  const mine = await q.query<Parameters<typeof toTaskView>[0]>(
    `${TASK_SELECT} WHERE t.status IN ('open','in_progress','returned')
       AND (t.lead_user_id = $1 OR (t.lead_user_id IS NULL AND t.lead_unit_id = $2))
     ORDER BY t.deadline NULLS LAST LIMIT 200`,
    [v.id, v.unitId],
  );
  const colorOf = (s: string): Color =>
    s === 'overdue' ? 'red' : s === 'near' ? 'orange' : s === 'ok' ? 'green' : 'grey';
  for (const r of mine) {
    const t = toTaskView(r, ctx, v);
    items.push({
      kind: 'task',
      id: t.id,
      taskId: t.id,
      documentId: t.sourceDocument?.id,
      title: t.content,
      deadline: t.deadline,
      color: colorOf(t.deadlineState),
    });
  }
  const order: Record<Color, number> = { red: 0, orange: 1, grey: 2, green: 3 };
  items.sort((a, b) => order[a.color] - order[b.color] || (a.deadline ?? '9').localeCompare(b.deadline ?? '9'));
  return {
    counts: {
      overdue: items.filter((i) => i.color === 'red').length,
      near: items.filter((i) => i.color === 'orange').length,
      open: items.filter((i) => i.kind === 'task').length,
      toPresent: items.filter((i) => i.kind === 'to_present').length,
      toInstruct: items.filter((i) => i.kind === 'to_instruct').length,
    },
    items,
  };
}

/** What leaders look at first: overdue by unit, on-time rate by month, workload by department. */
export async function overview(q: Queryable, v: Viewer, ctx: TaskContext, months: number) {
  const labels = lastMonths(ctx.today, months);
  const p: unknown[] = [ctx.today];
  const scope = taskScopeSql(v, p);
  const nearLimit = addWorkingDays(ctx.today, ctx.nearDays, ctx.cal);
  const nearI = p.push(nearLimit);
  const byUnit = await q.query<{
    unit_id: string;
    name: string;
    level: string;
    open: number;
    overdue: number;
    near: number;
    on_time: number;
    late: number;
  }>(
    `SELECT u.id AS unit_id, u.name, u.level,
       count(*) FILTER (WHERE t.status IN ('open','in_progress','returned'))::int AS open,
       count(*) FILTER (WHERE t.status IN ('open','in_progress','returned') AND t.deadline < $1::date)::int AS overdue,
       count(*) FILTER (WHERE t.status IN ('open','in_progress','returned') AND t.deadline >= $1::date AND t.deadline <= $${nearI}::date)::int AS near,
       count(*) FILTER (WHERE t.status = 'done' AND t.on_time)::int AS on_time,
       count(*) FILTER (WHERE t.status = 'done' AND t.on_time = false)::int AS late
     FROM tasks t JOIN units u ON u.id = t.lead_unit_id WHERE ${scope}
     GROUP BY u.id, u.name, u.level ORDER BY overdue DESC, open DESC`,
    p,
  );
  const p2: unknown[] = [`${labels[0]}-01`];
  const scope2 = taskScopeSql(v, p2);
  const trend = await q.query<{ month: string; on_time: number; done: number }>(
    `SELECT to_char(t.completed_on, 'YYYY-MM') AS month, count(*) FILTER (WHERE t.on_time)::int AS on_time,
       count(*) FILTER (WHERE t.on_time IS NOT NULL)::int AS done
     FROM tasks t WHERE t.status = 'done' AND t.completed_on >= $1::date AND ${scope2} GROUP BY month`,
    p2,
  );
  const p3: unknown[] = [];
  const scope3 = taskScopeSql(v, p3);
  const byLeader = await q.query<{ id: string; name: string; open: number; overdue: number }>(
    `SELECT l.id, l.full_name AS name, count(*) FILTER (WHERE t.status IN ('open','in_progress','returned'))::int AS open,
       count(*) FILTER (WHERE t.status IN ('open','in_progress','returned') AND t.deadline < $${p3.push(ctx.today)}::date)::int AS overdue
     FROM tasks t JOIN users l ON l.id = t.instructed_by WHERE ${scope3} GROUP BY l.id, l.full_name ORDER BY overdue DESC`,
    p3,
  );
  const rate = (a: number, b: number) => (a + b ? Math.round((a / (a + b)) * 1000) / 1000 : null);
  return {
    byUnit: byUnit.map((u) => ({
      unitId: u.unit_id,
      name: u.name,
      open: u.open,
      overdue: u.overdue,
      nearDue: u.near,
      doneOnTime: u.on_time,
      doneLate: u.late,
      onTimeRate: rate(u.on_time, u.late),
    })),
    byLeader,
    trend: labels.map((m) => {
      const t = trend.find((x) => x.month === m);
      return {
        month: m,
        done: t?.done ?? 0,
        onTimeRate: t && t.done ? Math.round((t.on_time / t.done) * 1000) / 1000 : null,
      };
    }),
    workloadByDepartment: byUnit
      .filter((u) => u.level === 'department')
      .map((u) => ({ unitId: u.unit_id, name: u.name, open: u.open })),
  };
}
