import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { intarray } from '@electric-sql/pglite/contrib/intarray';

export type Row = Record<string, unknown>;

/** The one database surface every store uses: the same SQL runs on PGlite and PostgreSQL. */
export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgresql';
  /** Runs fn in one transaction; a throw rolls everything back, so nothing is half-written. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs fn while holding a session-level advisory lock on a dedicated connection, so
   * that several app instances on one database serialise (e.g. migrations).
   */
  withLock<T>(key: number, fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function clientQueryable(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    query: async <R>(s: string, p: unknown[] = []) => (await client.query(s, p)).rows as R[],
    exec: async (s: string) => {
      await client.query(s);
    },
  };
}

interface LiteLike {
  query<R>(s: string, p?: unknown[]): Promise<{ rows: R[] }>;
  exec(s: string): Promise<unknown>;
}

function liteQueryable(t: LiteLike): Queryable {
  return {
    query: async <R>(s: string, p: unknown[] = []) => (await t.query<R>(s, p)).rows,
    exec: async (s: string) => {
      await t.exec(s);
    },
  };
}

class PgDb implements Db {
  readonly kind = 'postgresql' as const;
  constructor(private pool: pg.Pool) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const r = await this.pool.query(sql, params);
    return r.rows as T[];
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const q = clientQueryable(client);
      const out = await fn(q);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async withLock<T>(key: number, fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const q = clientQueryable(client);
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      return await fn(q);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  // PGlite is one connection: transactions and locks must not interleave with other queries.
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private lite: PGlite) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.serial(async () => (await this.lite.query<T>(sql, params)).rows);
  }

  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.serial(() => this.lite.transaction(async (t) => fn(liteQueryable(t))));
  }

  withLock<T>(_key: number, fn: (q: Queryable) => Promise<T>): Promise<T> {
    // One PGlite process owns its data directory, so the serial queue is the lock.
    return this.serial(() => fn(liteQueryable(this.lite)));
  }

  exec(sql: string): Promise<void> {
    return this.serial(async () => {
      await this.lite.exec(sql);
    });
  }

  async close(): Promise<void> {
    await this.serial(() => this.lite.close());
  }
}

// Return dates as 'YYYY-MM-DD' strings: a calendar date has no time zone, and JS Date would invent one.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function openDb(opts: { databaseUrl?: string; dataDir?: string; memory?: boolean }): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: Number(process.env.DB_POOL_SIZE ?? 10) });
    return new PgDb(pool);
  }
  let dir: string | undefined;
  if (!opts.memory) {
    dir = path.join(opts.dataDir ?? './data', 'db');
    fs.mkdirSync(dir, { recursive: true });
  }
  const lite = await PGlite.create(dir, {
    extensions: { unaccent, pg_trgm, intarray },
    parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
  });
  return new PgliteDb(lite);
}
