export { DataTable } from './DataTable';
export type { DataTableProps } from './DataTable';
export type { Column, SortState, CellValue } from './types';
