import { describe, expect, it } from 'vitest';
import { filterRows, nextSort, sortRows } from './logic';
import type { Column } from './types';

interface Row {
  code: string;
  name: string;
  n: number | null;
}

const rows: Row[] = [
  { code: '21025', name: 'Phường Cẩm Thành', n: 3 },
  { code: '21548', name: 'Đặc khu Lý Sơn', n: null },
  { code: '21034', name: 'Xã An Phú', n: 10 },
  { code: '2100', name: 'Xã Bình Sơn', n: 2 },
];
const columns: Column<Row>[] = [
  { key: 'code', header: 'Mã', value: (r) => r.code },
  { key: 'name', header: 'Tên', value: (r) => r.name },
  { key: 'n', header: 'N', value: (r) => r.n },
];

describe('filterRows', () => {
  it('ignores case and Vietnamese diacritics', () => {
    expect(filterRows(rows, columns, 'cam thanh').map((r) => r.code)).toEqual(['21025']);
    expect(filterRows(rows, columns, 'DAC KHU').map((r) => r.code)).toEqual(['21548']);
    expect(filterRows(rows, columns, 'đặc').map((r) => r.code)).toEqual(['21548']);
  });
  it('requires every term', () => {
    expect(filterRows(rows, columns, 'xa son').map((r) => r.code)).toEqual(['2100']);
  });
  it('returns everything for a blank query', () => {
    expect(filterRows(rows, columns, '  ')).toHaveLength(4);
  });
  it('skips non-filterable columns', () => {
    const cols = columns.map((c) => (c.key === 'code' ? { ...c, filterable: false } : c));
    expect(filterRows(rows, cols, '21025')).toHaveLength(0);
  });
});

describe('sortRows', () => {
  it('sorts numeric strings naturally', () => {
    expect(sortRows(rows, columns, { key: 'code', dir: 'asc' }).map((r) => r.code)).toEqual([
      '2100',
      '21025',
      '21034',
      '21548',
    ]);
  });
  it('uses Vietnamese collation', () => {
    expect(sortRows(rows, columns, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual([
      'Đặc khu Lý Sơn',
      'Phường Cẩm Thành',
      'Xã An Phú',
      'Xã Bình Sơn',
    ]);
  });
  it('puts empty values last and reverses on desc', () => {
    expect(sortRows(rows, columns, { key: 'n', dir: 'asc' }).map((r) => r.n)).toEqual([2, 3, 10, null]);
    expect(sortRows(rows, columns, { key: 'n', dir: 'desc' }).map((r) => r.n)).toEqual([null, 10, 3, 2]);
  });
  it('toggles direction on the same column', () => {
    expect(nextSort(null, 'a')).toEqual({ key: 'a', dir: 'asc' });
    expect(nextSort({ key: 'a', dir: 'asc' }, 'a')).toEqual({ key: 'a', dir: 'desc' });
    expect(nextSort({ key: 'a', dir: 'desc' }, 'b')).toEqual({ key: 'b', dir: 'asc' });
  });
});
