import { fold, viCollator } from '../../lib/text';
import type { CellValue, Column, SortState } from './types';

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '✓' : '';
  return String(v);
}

export function filterRows<T>(rows: readonly T[], columns: readonly Column<T>[], query: string): T[] {
  const needle = fold(query.trim());
  if (!needle) return [...rows];
  const terms = needle.split(/\s+/);
  const cols = columns.filter((c) => c.filterable !== false);
  return rows.filter((row) => {
    const hay = fold(cols.map((c) => cellText(c.value(row))).join(' \u0001 '));
    return terms.every((term) => hay.includes(term));
  });
}

export function compareValues(a: CellValue, b: CellValue): number {
  const an = a === null || a === undefined || a === '';
  const bn = b === null || b === undefined || b === '';
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return viCollator.compare(String(a), String(b));
}

export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: SortState | null): T[] {
  const out = [...rows];
  if (!sort) return out;
  const col = columns.find((c) => c.key === sort.key);
  if (!col) return out;
  const factor = sort.dir === 'asc' ? 1 : -1;
  // Array.prototype.sort is stable, so equal values keep the server order.
  return out.sort((x, y) => factor * compareValues(col.value(x), col.value(y)));
}

export function nextSort(current: SortState | null, key: string): SortState {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}
