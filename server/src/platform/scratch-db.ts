import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A throwaway database on a PostgreSQL server (tests and benchmarks): created empty under a
 * random name, dropped whole afterwards.
 */
export async function scratchDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: () =>
      withClient(baseUrl, async (c) => {
        // A closed pool's connections may still be on their way out; forced out then, they would
        // get a FATAL after their clients stopped listening (an unhandled error in the process).
        for (let i = 0; i < 50; i++) {
          const r = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
            name,
          ]);
          if (r.rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
