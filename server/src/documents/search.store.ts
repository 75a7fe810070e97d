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
  /** False when total and facets are not exact: capped at EXACT_COUNT_CAP, or estimated (totalEstimated). */
  totalExact: boolean;
  /** True when total and facets are estimated from a sample (a broad search in a large register). */
  totalEstimated?: boolean;
  facets: Facets;
}

/** Beyond this many matches a search's total and facets come from a sample, and say so. */
export const EXACT_COUNT_CAP = 10_000;

/**
 * Lists and searches one register's documents. Visibility is part of every WHERE clause, so
 * secret documents a viewer may not see are absent from the items and from every count.
 * Plain lists (filters on year, type, status, urgency only) take their totals and facets from
 * document_counts. Searches count their matches exactly up to EXACT_COUNT_CAP, except broad
 * word searches in a large register, whose total and facets are estimated from a sample and
 * whose newest matches are found by walking the register (estimateBroad, newestMatches).
 */
export async function searchDocuments(q: Queryable, v: Viewer, f: DocumentFilter): Promise<DocumentPage> {
  const register = f.registerUnitId && !ownUnitOnly(v.roles) ? f.registerUnitId : v.orgUnitId;
  const p: unknown[] = [f.direction, register];
  const where = ['d.direction = $1', 'd.register_unit_id = $2', visibleSql(v, p)];
  const pq = parseQuery(f.q);
  let rank = '0';
  if (pq.code) {
    // The documents with that code, or citing it, are few: look them up by their indexes first.
    // As one OR condition the planner guesses thousands of matches and walks the whole register.
    const ids = await q.query<{ id: string }>(
      `SELECT id FROM documents WHERE code_norm = $1 UNION SELECT id FROM documents WHERE referenced_codes @> ARRAY[$1]::text[]
       LIMIT ${EXACT_COUNT_CAP}`,
      [pq.code],
    );
    where.push(`d.id = ANY($${p.push(ids.map((r) => r.id))}::uuid[])`);
  }
  const ts = toTsQuery(pq.words);
  let tsI = 0;
  if (ts) {
    tsI = p.push(ts);
    rank = `ts_rank(d.search, to_tsquery('simple', $${tsI}))`;
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
  const offset = (f.page - 1) * f.pageSize;
  const tsCond = ts ? `d.search @@ to_tsquery('simple', $${tsI})` : '';

  const newestFirst = f.sort !== 'relevance' && f.sort !== 'oldest';
  const baseWhere = where.join(' AND ');
  // The word condition adds no parameter (its $ was pushed above): every query shares these.
  const filterParams = [...p];
  if (ts) where.push(tsCond);
  const w = where.join(' AND ');
  const tableCounted = !f.from && !f.to && !f.field && !f.issuer;
  const broad = ts && tableCounted ? await estimateBroad(q, v, register, f, baseWhere, tsCond, filterParams) : null;
  // A broad search's newest matches are near the top of the register; a narrow one's are not.
  const walked =
    broad && newestFirst ? await newestMatches(q, baseWhere, order, tsCond, filterParams, f.pageSize, offset) : null;
  const limitI = p.push(f.pageSize);
  const offsetI = p.push(offset);
  const rows =
    walked ??
    (await q.query<DocRow>(
      `SELECT ${DOC_COLUMNS} FROM documents d WHERE ${w} ORDER BY ${order} LIMIT $${limitI} OFFSET $${offsetI}`,
      p,
    ));
  const counted =
    broad ??
    (!f.q?.trim() && tableCounted ? await countsFromTable(q, v, register, f) : await countsByScan(q, w, filterParams));
  return { items: rows.map((r) => toView(r)), ...counted };
}

/** How far a newest-first text search walks the register before it asks the full-text index. */
export const NEWEST_WALK = 10_000;
/** Registers up to this size are always counted exactly. */
export const EXACT_REGISTER_SIZE = 20_000;
/** Rows a count estimate samples, and the matches in the sample that make a search broad. */
const SAMPLE_ROWS = 20_000;
const BROAD_SAMPLE_MATCHES = 50;
/** The sample's share of the table, from the planner's row count, read in the same statement. */
const SAMPLE_PERCENT = `SELECT least(100, greatest(0.01, ${SAMPLE_ROWS} / greatest(reltuples, 1) * 100))::float4
  FROM pg_class WHERE oid = 'documents'::regclass`;

/**
 * The newest matching documents, found by walking the register newest first. Most searches a
 * clerk types match many documents ("giao đất", "xây dựng"): the full-text index would hand all
 * of them back (tens of thousands at a million documents) to be sorted, while the walk fills a
 * page within a few hundred rows. Null when the page is not within the first NEWEST_WALK
 * documents; the caller then asks the index, which is fast for rare words.
 */
async function newestMatches(
  q: Queryable,
  baseWhere: string,
  order: string,
  tsCond: string,
  p: unknown[],
  pageSize: number,
  offset: number,
): Promise<DocRow[] | null> {
  // The inner LIMIT bounds the walk; the outer one stops it as soon as the page is full.
  const rows = await q.query<DocRow>(
    `SELECT ${DOC_COLUMNS} FROM (SELECT ${DOC_COLUMNS}, ${tsCond} AS hit FROM documents d WHERE ${baseWhere}
       ORDER BY ${order} LIMIT ${NEWEST_WALK}) d
     WHERE d.hit ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`,
    p,
  );
  return rows.length === pageSize ? rows : null;
}

/**
 * Total and facets of a broad search in a large register, estimated from a fixed sample of the
 * table (TABLESAMPLE … REPEATABLE: the same sample for every page of a search). Counting
 * 40,000 matches exactly means visiting 40,000 rows; a 20,000-row sample answers within a few
 * percent. Estimates say so (totalExact: false; the page shows "khoảng"). Null for a small
 * register or a search with few matches in the sample: those are counted exactly.
 */
async function estimateBroad(
  q: Queryable,
  v: Viewer,
  register: string | null,
  f: DocumentFilter,
  baseWhere: string,
  tsCond: string,
  p: unknown[],
): Promise<Counted | null> {
  const all = await countsFromTable(q, v, register, f);
  if (all.total <= EXACT_REGISTER_SIZE) return null;
  const stats = await q.query<FacetRow>(
    `WITH s AS MATERIALIZED (SELECT d.type, d.status, d.urgency, d.field_codes, ${tsCond} AS hit
       FROM documents d TABLESAMPLE SYSTEM ((${SAMPLE_PERCENT})) REPEATABLE (1) WHERE ${baseWhere}),
     m AS (SELECT * FROM s WHERE hit)
     SELECT 'sampled' AS k, '' AS v, count(*)::int AS n FROM s
     UNION ALL ${FACET_ROWS}`,
    p,
  );
  const sampled = stats.find((r) => r.k === 'sampled')?.n ?? 0;
  const matched = readFacets(stats);
  if (matched.total < BROAD_SAMPLE_MATCHES || sampled === 0) return null;
  const scale = all.total / sampled;
  for (const m of Object.values(matched.facets) as Record<string, number>[]) {
    for (const k of Object.keys(m)) m[k] = Math.round(m[k]! * scale);
  }
  return {
    total: Math.round(matched.total * scale),
    totalExact: false,
    totalEstimated: true,
    facets: matched.facets,
  };
}

type FacetRow = { k: string; v: string; n: number };

/** The total and facet counts of the rows of a CTE named m, one (facet, value, count) row each. */
const FACET_ROWS = `SELECT 'total' AS k, '' AS v, count(*)::int AS n FROM m
     UNION ALL SELECT 'type', type, count(*)::int FROM m GROUP BY type
     UNION ALL SELECT 'status', status, count(*)::int FROM m GROUP BY status
     UNION ALL SELECT 'urgency', urgency::text, count(*)::int FROM m GROUP BY urgency
     UNION ALL SELECT 'field', f, count(*)::int FROM m, unnest(m.field_codes) f GROUP BY f`;

function readFacets(rows: FacetRow[]): { total: number; facets: Facets } {
  const facets: Facets = { type: {}, status: {}, urgency: {}, field: {} };
  let total = 0;
  for (const r of rows) {
    if (r.k === 'total') total = r.n;
    else if (r.k in facets) facets[r.k as keyof Facets][r.v] = r.n;
  }
  return { total, facets };
}

type Counted = { total: number; totalExact: boolean; totalEstimated?: boolean; facets: Facets };

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
  const rows = await q.query<FacetRow>(
    `WITH m AS (SELECT d.type, d.status, d.urgency, d.field_codes FROM documents d WHERE ${w} LIMIT $${capI})
     ${FACET_ROWS}`,
    [...p, EXACT_COUNT_CAP + 1],
  );
  const { total, facets } = readFacets(rows);
  const capped = total > EXACT_COUNT_CAP;
  return { total: capped ? EXACT_COUNT_CAP : total, totalExact: !capped, facets };
}
