import type { Queryable } from '../../platform/db.js';
import { DEMO_CATALOGUE, DEMO_POLICY } from './demo-policy.js';

/** Publishes the starting policy and catalogue on a database that has none. Runs under the migration lock. */
export async function seedRoutingIfEmpty(q: Queryable): Promise<boolean> {
  const n = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM routing_policies');
  if ((n[0]?.n ?? 0) > 0) return false;
  await q.query(
    `INSERT INTO routing_policies(status, policy, note, published_at) VALUES ('published', $1, $2, now())`,
    [JSON.stringify(DEMO_POLICY), 'Chính sách phân luồng ban đầu của tỉnh (dữ liệu mẫu)'],
  );
  for (const [i, e] of DEMO_CATALOGUE.entries()) {
    await q.query(
      `INSERT INTO competence_catalogue(field_code, matter, request_kinds, level, advice_agency, basis, guidance, sort)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [e.field, e.matter, e.requestKinds, e.level, e.adviceAgency, e.basis, e.guidance, i],
    );
  }
  return true;
}
