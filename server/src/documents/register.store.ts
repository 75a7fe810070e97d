import type { Queryable } from '../platform/db.js';
import { type Viewer, visibleSql } from './access.js';
import { DOC_COLUMNS, type DocRow, type DocumentView, toView } from './document.store.js';

/**
 * The yearly register (sổ đăng ký văn bản đến / đi, NĐ 30/2020 Phụ lục IV): every entry of the
 * viewer's organisation for the year, in number order. Cancelled numbers stay in the register.
 */
export async function yearlyRegister(
  q: Queryable,
  v: Viewer,
  direction: 'in' | 'out',
  year: number,
): Promise<DocumentView[]> {
  const p: unknown[] = [direction, year];
  const where = [`d.direction = $1`, `d.year = $2`, visibleSql(v, p)];
  if (v.orgUnitId) where.push(`d.register_unit_id = $${p.push(v.orgUnitId)}`);
  if (direction === 'out') where.push('d.number IS NOT NULL');
  const order = direction === 'in' ? 'd.arrival_number' : 'd.series, d.number';
  const rows = await q.query<DocRow>(
    `SELECT ${DOC_COLUMNS} FROM documents d WHERE ${where.join(' AND ')} ORDER BY ${order}`,
    p,
  );
  return rows.map((r) => toView(r));
}
