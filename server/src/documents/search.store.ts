import type { Queryable } from '../platform/db.js';
import type { Viewer } from './access.js';
import { visibleSql } from './access.js';
import { ownUnitOnly } from '../auth/permissions.js';
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
  /** False when a search matched more than EXACT_COUNT_CAP documents: total and facets then cover the first ones. */
  totalExact: boolean;
  facets: Facets;
}

/** Beyond this many matches a search's total and facets come from a sample, and say so. */
export const EXACT_COUNT_CAP = 10_000;

/**
 * Lists and searches one register's documents. Visibility is part of every WHERE clause, so
 * secret documents a viewer may not see are absent from the items and from every count.
 * Plain lists (filters on year, type, status, urgency only) take their totals and facets from
 * document_counts; searches count their matches, exactly up to EXACT_COUNT_CAP.
 */
export async function searchDocuments(q: Queryable, v: Viewer, f: DocumentFilter): Promise<DocumentPage> {
  const register = f.registerUnitId && !ownUnitOnly(v.roles) ? f.registerUnitId : v.orgUnitId;
  const p: unknown[] = [f.direction, register];
  const where = ['d.direction = $1', 'd.register_unit_id = $2', visibleSql(v, p)];
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
  if (f.issuer) {
    const i = p.push(`%${f.issuer.toLowerCase()}%`);
    where.push(`lower(d.issuer_name) LIKE $${i}`);
  }
  const w = where.join(' AND ');
  const order =
    f.sort === 'relevance' && ts
      ? `${rank} DESC, d.created_at DESC`
      : f.sort === 'oldest'
        ? f.direction === 'in'
          ? 'd.year, d.arrival_number'
          : 'd.created_at'
        : f.direction === 'in'
          ? 'd.year DESC, d.arrival_number DESC'
          : 'd.created_at DESC';
  const filterParams = [...p];
  const limitI = p.push(f.pageSize);
  const offsetI = p.push((f.page - 1) * f.pageSize);
  const rows = await q.query<DocRow>(
    `SELECT ${DOC_COLUMNS} FROM documents d WHERE ${w} ORDER BY ${order} LIMIT $${limitI} OFFSET $${offsetI}`,
    p,
  );
  const plainList = !f.q?.trim() && !f.from && !f.to && !f.field && !f.issuer;
  const counted = plainList ? await countsFromTable(q, v, register, f) : await countsByScan(q, w, filterParams);
  return { items: rows.map((r) => toView(r)), ...counted };
}

type Counted = { total: number; totalExact: boolean; facets: Facets };

async function countsFromTable(q: Queryable, v: Viewer, register: string | null, f: DocumentFilter): Promise<Counted> {
  const p: unknown[] = [f.direction, register, v.clearance];
  const where = ['direction = $1', 'register_unit_id = $2', 'secrecy <= $3'];
  if (f.type) where.push(`type = $${p.push(f.type)}`);
  if (f.status) where.push(`status = $${p.push(f.status)}`);
  if (f.urgency !== undefined) where.push(`urgency = $${p.push(f.urgency)}`);
  if (f.year) where.push(`year = $${p.push(f.year)}`);
  const rows = await q.query<{ type: string; status: string; urgency: number; field: string; n: number }>(
    `SELECT type, status, urgency, field, sum(n)::int AS n FROM document_counts WHERE ${where.join(' AND ')}
     GROUP BY type, status, urgency, field HAVING sum(n) <> 0`,
    p,
  );
  const facets: Facets = { type: {}, status: {}, urgency: {}, field: {} };
  let total = 0;
  const add = (m: Record<string, number>, k: string, n: number) => (m[k] = (m[k] ?? 0) + n);
  for (const r of rows) {
    if (r.field === '') {
      total += r.n;
      add(facets.type, r.type, r.n);
      add(facets.status, r.status, r.n);
      add(facets.urgency, String(r.urgency), r.n);
    } else add(facets.field, r.field, r.n);
  }
  return { total, totalExact: true, facets };
}

async function countsByScan(q: Queryable, w: string, p: unknown[]): Promise<Counted> {
  const capI = p.length + 1;
  const facetRows = await q.query<{ k: string; v: string; n: number }>(
    `WITH m AS (SELECT d.type, d.status, d.urgency, d.field_codes FROM documents d WHERE ${w} LIMIT $${capI})
     SELECT 'total' AS k, '' AS v, count(*)::int AS n FROM m
     UNION ALL SELECT 'type', type, count(*)::int FROM m GROUP BY type
     UNION ALL SELECT 'status', status, count(*)::int FROM m GROUP BY status
     UNION ALL SELECT 'urgency', urgency::text, count(*)::int FROM m GROUP BY urgency
     UNION ALL SELECT 'field', f, count(*)::int FROM m, unnest(m.field_codes) f GROUP BY f`,
    [...p, EXACT_COUNT_CAP + 1],
  );
  const facets: Facets = { type: {}, status: {}, urgency: {}, field: {} };
  let total = 0;
  for (const r of facetRows) {
    if (r.k === 'total') total = r.n;
    else facets[r.k as keyof Facets][r.v] = r.n;
  }
  const capped = total > EXACT_COUNT_CAP;
  return { total: capped ? EXACT_COUNT_CAP : total, totalExact: !capped, facets };
}
