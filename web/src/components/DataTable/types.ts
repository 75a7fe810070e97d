import type { ReactNode } from 'react';

export type CellValue = string | number | boolean | null | undefined;

export interface Column<T> {
  /** Stable key, also used for sorting state. */
  key: string;
  header: string;
  /** Plain value used for filtering, sorting and Excel export. */
  value: (row: T) => CellValue;
  /** Optional custom cell rendering (defaults to the plain value). */
  render?: (row: T) => ReactNode;
  sortable?: boolean;
  filterable?: boolean;
  exportable?: boolean;
  /** Not rendered, but still filtered on and exported (e.g. shown inside another cell). */
  hidden?: boolean;
  align?: 'left' | 'right' | 'center';
  width?: number | string;
}

export type SortDir = 'asc' | 'desc';

export interface SortState {
  key: string;
  dir: SortDir;
}
