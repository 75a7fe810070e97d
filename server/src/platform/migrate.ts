import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** Arbitrary but fixed: every instance takes the same advisory lock before migrating. */
export const MIGRATION_LOCK_KEY = 7_302_026;

/**
 * Applies pending SQL migrations in name order, each in its own transaction, while
 * holding an advisory lock: a second instance started at the same time waits, then
 * finds nothing left to do.
 * @returns the names applied by this call
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  return db.withLock(MIGRATION_LOCK_KEY, (q) => applyMigrations(q, dir));
}

/** The caller must hold MIGRATION_LOCK_KEY. */
export async function applyMigrations(q: Queryable, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  {
    await q.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await q.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const f of files) {
      if (done.has(f)) continue;
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      await q.exec('BEGIN');
      try {
        await q.exec(sql);
        await q.query('INSERT INTO schema_migrations(name) VALUES ($1)', [f]);
        await q.exec('COMMIT');
      } catch (e) {
        await q.exec('ROLLBACK');
        throw new Error(`Migration ${f} failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(f);
    }
    return applied;
  }
}
