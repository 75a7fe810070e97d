import crypto from 'node:crypto';
import type { Db, Queryable } from './db.js';

export type JobHandler = (q: Queryable, payload: Record<string, unknown>) => Promise<void>;

/**
 * Enqueues a job inside the caller's transaction. With a dedupe key the job is enqueued once,
 * whoever asks and however often: across instances, restarts and repeated scans.
 */
export async function enqueue(
  q: Queryable,
  name: string,
  payload: Record<string, unknown>,
  opts: { dedupeKey?: string; runAt?: Date } = {},
): Promise<boolean> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO jobs(name, payload, dedupe_key, run_at) VALUES ($1, $2, $3, coalesce($4::timestamptz, now()))
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [name, JSON.stringify(payload), opts.dedupeKey ?? null, opts.runAt?.toISOString() ?? null],
  );
  return r.length > 0;
}

interface JobRow {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export const MAX_ATTEMPTS = 5;

/**
 * Runs due jobs. A job is claimed with FOR UPDATE SKIP LOCKED, so two instances never take the
 * same one; its handler and the "done" mark commit in one transaction, so its database effects
 * happen exactly once. A claim expires after `leaseSeconds`: a job whose instance died is taken
 * again by another.
 */
export function createJobRunner(db: Db, handlers: Record<string, JobHandler>, opts: { leaseSeconds?: number } = {}) {
  const workerId = `${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const lease = opts.leaseSeconds ?? 300;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function claim(limit: number): Promise<JobRow[]> {
    return db.query<JobRow>(
      `UPDATE jobs SET status = 'running', locked_by = $1, locked_until = now() + make_interval(secs => $2),
         attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM jobs
         WHERE run_at <= now() AND (status = 'queued' OR (status = 'running' AND locked_until < now()))
         ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT $3)
       RETURNING id, name, payload, attempts`,
      [workerId, lease, limit],
    );
  }

  /** Runs every job due now; answers how many it ran. */
  async function runDue(limit = 50): Promise<number> {
    let n = 0;
    for (;;) {
      const jobs = await claim(limit);
      if (!jobs.length) return n;
      for (const j of jobs) {
        const h = handlers[j.name];
        try {
          if (!h) throw new Error(`no handler for job ${j.name}`);
          await db.tx(async (q) => {
            await h(q, j.payload);
            await q.query(
              `UPDATE jobs SET status = 'done', done_at = now(), locked_by = NULL WHERE id = $1 AND locked_by = $2`,
              [j.id, workerId],
            );
          });
          n++;
        } catch (e) {
          // Back off and retry; after MAX_ATTEMPTS the job stays failed for a person to look at.
          await db.query(
            `UPDATE jobs SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END, locked_by = NULL,
               run_at = now() + make_interval(secs => 30 * attempts), last_error = $2 WHERE id = $1`,
            [j.id, String((e as Error).message ?? e).slice(0, 2000), MAX_ATTEMPTS],
          );
        }
      }
    }
  }

  return {
    workerId,
    runDue: () => (running ??= runDue().finally(() => (running = null))),
    /** Polls every `ms`; `tick` runs first on each poll (e.g. enqueueing the periodic scan). */
    start(ms: number, tick?: () => Promise<void>) {
      const loop = async () => {
        try {
          await tick?.();
          await (running ??= runDue().finally(() => (running = null)));
        } catch {
          // A failed poll is retried on the next one.
        }
      };
      timer = setInterval(() => void loop(), ms);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
