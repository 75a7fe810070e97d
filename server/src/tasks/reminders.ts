import type { Queryable } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { enqueue, type JobHandler } from '../platform/jobs.js';
import { createDraft } from '../documents/outgoing.store.js';
import { viDate } from '../calendar/civil-date.js';
import { remindersDue } from './followup.js';
import { workingDaysBetween } from '../calendar/working-days.js';
import { taskContext } from './context.store.js';

export interface Mailer {
  send(m: { to: string; subject: string; text: string; messageId: string }): Promise<void>;
}

const OPEN = `('open', 'in_progress', 'returned')`;

/** Who hears about a task: the person it was given to, else the heads of its lead unit, else its members. */
async function recipientsOf(
  q: Queryable,
  task: { lead_user_id: string | null; lead_unit_id: string | null },
): Promise<string[]> {
  if (task.lead_user_id) return [task.lead_user_id];
  if (!task.lead_unit_id) return [];
  const heads = await q.query<{ id: string }>(
    `SELECT id FROM users WHERE unit_id = $1 AND active AND (roles && ARRAY['dept_head','office_leader','agency_user','commune_user'])`,
    [task.lead_unit_id],
  );
  if (heads.length) return heads.map((h) => h.id);
  const members = await q.query<{ id: string }>('SELECT id FROM users WHERE unit_id = $1 AND active', [
    task.lead_unit_id,
  ]);
  if (members.length) return members.map((u) => u.id);
  // A unit with no account yet: the Office's leaders, who follow every task, hear of it.
  return (await q.query<{ id: string }>(`SELECT id FROM users WHERE 'office_leader' = ANY(roles) AND active`)).map(
    (u) => u.id,
  );
}

/**
 * The follow-up jobs. `scan` runs every minute on one instance (its dedupe key is the minute):
 * it enqueues each reminder a task has earned and each unit's urging document, under stable
 * keys, so a reminder goes out once however many scans, instances or restarts see it.
 */
export function followupJobs(clock: Clock, mailer: Mailer | null): Record<string, JobHandler> {
  return {
    async scan(q) {
      const ctx = await taskContext(q, clock);
      const tasks = await q.query<{ id: string; deadline: string; lead_unit_id: string | null }>(
        `SELECT id, deadline::text AS deadline, lead_unit_id FROM tasks WHERE status IN ${OPEN} AND deadline IS NOT NULL AND NOT recurring`,
      );
      const overdueByUnit = new Map<string, string[]>();
      for (const t of tasks) {
        for (const r of remindersDue(t, ctx.today, ctx.settings.reminderOffsets, ctx.cal)) {
          await enqueue(
            q,
            'remind',
            { taskId: t.id, kind: r.kind, offset: r.offset },
            { dedupeKey: `remind:${r.key}` },
          );
        }
        // Urging starts once a task is `urgeAfterDays` working days late (data, see context.store.ts).
        if (t.lead_unit_id && ctx.today > t.deadline) {
          const lateWorking = workingDaysBetween(t.deadline, ctx.today, ctx.cal);
          if (lateWorking >= ctx.settings.urgeAfterDays)
            overdueByUnit.set(t.lead_unit_id, [...(overdueByUnit.get(t.lead_unit_id) ?? []), t.id]);
        }
      }
      for (const [unitId, ids] of overdueByUnit) {
        const sorted = [...ids].sort();
        // The same set of overdue tasks is urged once; a new overdue task makes a new set.
        await enqueue(q, 'urge', { unitId, taskIds: sorted }, { dedupeKey: `urge:${unitId}:${sorted.join(',')}` });
      }
    },

    async remind(q, p) {
      const taskId = String(p.taskId);
      const task = (
        await q.query<{
          id: string;
          content: string;
          deadline: string | null;
          lead_user_id: string | null;
          lead_unit_id: string | null;
          status: string;
        }>(
          `SELECT id, content, deadline::text AS deadline, lead_user_id, lead_unit_id, status FROM tasks WHERE id = $1`,
          [taskId],
        )
      )[0];
      if (!task || !['open', 'in_progress', 'returned'].includes(task.status)) return;
      const overdue = p.kind === 'overdue';
      const title = overdue
        ? `Nhiệm vụ quá hạn (hạn ${viDate(task.deadline)})`
        : `Nhiệm vụ sắp đến hạn: còn ${String(p.offset)} ngày làm việc (hạn ${viDate(task.deadline)})`;
      for (const userId of await recipientsOf(q, task)) {
        const key = `${overdue ? 'overdue' : `before:${String(p.offset)}`}:${taskId}:${userId}`;
        const n = await q.query<{ id: number }>(
          `INSERT INTO notifications(user_id, kind, title, body, task_id, dedupe_key) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
          [userId, overdue ? 'task_overdue' : 'task_near', title, task.content.slice(0, 500), taskId, key],
        );
        if (n[0] && mailer) await enqueue(q, 'email', { notificationId: n[0].id }, { dedupeKey: `email:${n[0].id}` });
      }
    },

    async email(q, p) {
      if (!mailer) return;
      const n = (
        await q.query<{ id: number; title: string; body: string; email: string | null; emailed_at: Date | null }>(
          `SELECT n.id, n.title, n.body, u.email, n.emailed_at FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
          [p.notificationId],
        )
      )[0];
      if (!n?.email || n.emailed_at) return;
      // Sent before the job commits: at least once; the Message-ID lets mail clients drop a repeat.
      await mailer.send({
        to: n.email,
        subject: `[Điều hành] ${n.title}`,
        text: n.body,
        messageId: `<notification-${n.id}@dieuhanh>`,
      });
      await q.query('UPDATE notifications SET emailed_at = now() WHERE id = $1', [n.id]);
    },

    async urge(q, p) {
      const unitId = String(p.unitId);
      const ids = (p.taskIds as string[]) ?? [];
      const tasks = await q.query<{
        id: string;
        content: string;
        deadline: string;
        status: string;
        source_point: string | null;
      }>(
        `SELECT id, content, deadline::text AS deadline, status, source_point FROM tasks WHERE id = ANY($1::uuid[]) ORDER BY deadline, created_at`,
        [ids],
      );
      const still = tasks.filter((t) => ['open', 'in_progress', 'returned'].includes(t.status));
      if (!still.length) return;
      const unit = (
        await q.query<{ code: string; name: string }>('SELECT code, name FROM units WHERE id = $1', [unitId])
      )[0]!;
      const office = (
        await q.query<{ code: string }>(`SELECT code FROM units WHERE level = 'office' ORDER BY sort LIMIT 1`)
      )[0];
      const system = (
        await q.query<{ id: string; username: string }>(
          `SELECT id, username FROM users WHERE 'admin' = ANY(roles) ORDER BY sort LIMIT 1`,
        )
      )[0]!;
      const lines = still.map(
        (t, i) =>
          `${i + 1}. ${t.content} (hạn ${viDate(t.deadline)}${t.source_point ? `; mục ${t.source_point}` : ''}).`,
      );
      // Drafted by the system for the Office to check and sign (TL.); it enters the outgoing flow as a draft.
      const draft = await createDraft(
        q,
        { id: system.id, username: system.username, roles: ['admin'], clearance: 3, orgUnitId: null },
        {
          type: 'CV',
          subject: `V/v đôn đốc thực hiện nhiệm vụ quá hạn của ${unit.name}`,
          issuer: office ? { unitCode: office.code } : undefined,
          body: [
            `Kính gửi: ${unit.name}.`,
            '',
            `Theo dõi trên Hệ thống Quản lý văn bản và điều hành, đến ngày ${viDate((await taskContext(q, clock)).today)}, ${unit.name} còn ${still.length} nhiệm vụ đã quá thời hạn giải quyết:`,
            ...lines,
            '',
            `Đề nghị ${unit.name} khẩn trương thực hiện, báo cáo kết quả; trường hợp không thể hoàn thành, báo cáo rõ lý do và đề xuất thời hạn.`,
          ].join('\n'),
          recipients: [{ unitCode: unit.code }, 'Lưu: VT.'],
          signer: { form: 'TL.', position: 'Chánh Văn phòng' },
        },
        clock,
      );
      await q.query(`INSERT INTO urging_documents(unit_id, document_id, task_ids) VALUES ($1,$2,$3)`, [
        unitId,
        draft.id,
        still.map((t) => t.id),
      ]);
    },
  };
}

/** Enqueues this minute's scan; every instance may ask, one scan runs. */
export async function enqueueScan(q: Queryable, clock: Clock): Promise<void> {
  const minute = clock.now().toISOString().slice(0, 16);
  await enqueue(q, 'scan', {}, { dedupeKey: `scan:${minute}` });
}
