import type { Queryable } from '../platform/db.js';

/**
 * Marks the organisation data as changed, inside the caller's transaction. Every instance
 * compares this number with the one its routing caches were built from.
 */
export async function bumpRoutingGeneration(q: Queryable): Promise<void> {
  await q.query(
    `INSERT INTO app_meta(key, value) VALUES ('routing_generation', '1')
     ON CONFLICT (key) DO UPDATE SET value = (app_meta.value::bigint + 1)::text`,
  );
}

export async function routingGeneration(q: Queryable): Promise<string> {
  const r = await q.query<{ value: string }>(`SELECT value FROM app_meta WHERE key = 'routing_generation'`);
  return r[0]?.value ?? '0';
}
