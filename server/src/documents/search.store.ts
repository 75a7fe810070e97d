import type { Queryable } from '../platform/db.js';
import type { Viewer } from './access.js';
import { visibleSql } from './access.js';
import { DOC_COLUMNS, type DocRow, type DocumentView, toView } from './document.store.js';
import { parseQuery, toTsQuery } from './search.js';

export interface DocumentFilter {
  direction: 'in' | 'out';
  q?: string;
  from?: string;
  to?: string;
  type?: string;
  field?: string;
  status?: string;
  urgency?: number;
  issuer?: string;
  year?: number;
  registerUnitId?: string;
  page: number;
  pageSize: number;
  sort?: 'newest' | 'oldest' | 'relevance';
}

export interface Facets {
  type: Record<string, number>;
  status: Record<string, number>;
  urgency: Record<string, number>;
  field: Record<string, number>;
}

export interface DocumentPage {
  items: DocumentView[];
  total: number;
  facets: Facets;
}

/**
 * Lists and searches one direction's documents. Visibility is part of the WHERE clause, so
 * secret documents a viewer may not see are absent from the items and from every count.
 */
export async function searchDocuments(q: Queryable, v: Viewer, f: DocumentFilter): Promise<DocumentPage> {
  const p: unknown[] = [f.direction];
  const where = ['d.direction = $1', visibleSql(v, p)];
  const pq = parseQuery(f.q);
  let rank = '0';
  if (pq.code) {
    const i = p.push(pq.code);
    where.push(`(d.code_norm = $${i} OR d.referenced_codes @> ARRAY[$${i}]::text[])`);
  }
  const ts = toTsQuery(pq.words);
  if (ts) {
    const i = p.push(ts);
    where.push(`d.search @@ to_tsquery('simple', $${i})`);
    rank = `ts_rank(d.search, to_tsquery('simple', $${i}))`;
  }
  // Dates filter on the arrival date for incoming documents and on the issue date for outgoing ones.
  const dateCol = f.direction === 'in' ? 'd.arrival_date' : 'coalesce(d.issued_date, d.created_at::date)';
  if (f.from) where.push(`${dateCol} >= $${p.push(f.from)}::date`);
  if (f.to) where.push(`${dateCol} <= $${p.push(f.to)}::date`);
  if (f.type) where.push(`d.type = $${p.push(f.type)}`);
  if (f.field) where.push(`d.field_codes @> ARRAY[$${p.push(f.field)}]::text[]`);
  if (f.status) where.push(`d.status = $${p.push(f.status)}`);
  if (f.urgency !== undefined) where.push(`d.urgency = $${p.push(f.urgency)}`);
  if (f.year) where.push(`d.year = $${p.push(f.year)}`);
  if (f.registerUnitId) where.push(`d.register_unit_id = $${p.push(f.registerUnitId)}`);
  if (f.issuer) {
    const i = p.push(`%${f.issuer.toLowerCase()}%`);
    where.push(`lower(d.issuer_name) LIKE $${i}`);
  }
  const w = where.join(' AND ');
  const order =
    f.sort === 'relevance' && ts
      ? `${rank} DESC, d.created_at DESC`
      : f.sort === 'oldest'
        ? 'd.year, d.arrival_number NULLS LAST, d.created_at'
        : f.direction === 'in'
          ? 'd.year DESC, d.arrival_number DESC'
          : 'd.created_at DESC';
  const limitI = p.push(f.pageSize);
  const offsetI = p.push((f.page - 1) * f.pageSize);
  const rows = await q.query<DocRow>(
    `SELECT ${DOC_COLUMNS} FROM documents d WHERE ${w} ORDER BY ${order} LIMIT $${limitI} OFFSET $${offsetI}`,
    p,
  );
  const fp = p.slice(0, limitI - 1);
  const facetRows = await q.query<{ k: string; v: string; n: number }>(
    `WITH m AS (SELECT d.type, d.status, d.urgency, d.field_codes FROM documents d WHERE ${w})
     SELECT 'total' AS k, '' AS v, count(*)::int AS n FROM m
     UNION ALL SELECT 'type', type, count(*)::int FROM m GROUP BY type
     UNION ALL SELECT 'status', status, count(*)::int FROM m GROUP BY status
     UNION ALL SELECT 'urgency', urgency::text, count(*)::int FROM m GROUP BY urgency
     UNION ALL SELECT 'field', f, count(*)::int FROM m, unnest(m.field_codes) f GROUP BY f`,
    fp,
  );
  const facets: Facets = { type: {}, status: {}, urgency: {}, field: {} };
  let total = 0;
  for (const r of facetRows) {
    if (r.k === 'total') total = r.n;
    else facets[r.k as keyof Facets][r.v] = r.n;
  }
  return { items: rows.map((r) => toView(r)), total, facets };
}
