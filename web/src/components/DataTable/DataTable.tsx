import { useMemo, useState, type ReactNode } from 'react';
import { Button, CloseButton, Group, Loader, Paper, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { cellText, filterRows, nextSort, sortRows } from './logic';
import type { Column, SortState } from './types';
import { todayIso } from '../../lib/date';

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Text shown next to the filter, e.g. "96 đơn vị". */
  countLabel: (count: number) => string;
  exportName: string;
  sheetName: string;
  exportTitle?: string;
  filterPlaceholder?: string;
  initialSort?: SortState | null;
  loading?: boolean;
  /** Extra controls shown left of the filter. */
  toolbar?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
  rowAttributes?: (row: T) => Record<string, string | undefined>;
  onRowClick?: (row: T) => void;
  testId?: string;
  minWidth?: number;
  /** Show the in-page text filter (default true); off for server-searched tables. */
  showFilter?: boolean;
  /** Rows to export instead of the visible ones, e.g. every page of a server search. */
  exportRows?: () => Promise<readonly T[]>;
  /** Replaces the count text (e.g. the server's total rather than the rows on this page). */
  countText?: string;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const { rows, columns } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const [exporting, setExporting] = useState(false);

  const shown = useMemo(() => columns.filter((c) => !c.hidden), [columns]);
  const visible = useMemo(
    () => sortRows(filterRows(rows, columns, query), columns, sort),
    [rows, columns, query, sort],
  );

  const onExport = async () => {
    setExporting(true);
    try {
      const { exportXlsx } = await import('./exportXlsx');
      const cols = columns.filter((c) => c.exportable !== false);
      const fileName = `${props.exportName}-${todayIso()}.xlsx`;
      const source = props.exportRows ? sortRows(await props.exportRows(), columns, sort) : visible;
      exportXlsx({
        fileName,
        sheetName: props.sheetName,
        title: props.exportTitle,
        headers: cols.map((c) => c.header),
        rows: source.map((row) => cols.map((c) => c.value(row))),
      });
      notifications.show({ message: t('table.exported', { file: fileName }), color: 'green' });
    } catch (e) {
      notifications.show({ message: e instanceof Error ? e.message : t('common.error'), color: 'red' });
    } finally {
      setExporting(false);
    }
  };

  const testId = props.testId ?? 'data-table';

  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap" align="flex-end">
          {props.toolbar}
          {props.showFilter !== false && (
            <TextInput
              placeholder={props.filterPlaceholder ?? t('table.filter')}
              aria-label={props.filterPlaceholder ?? t('table.filter')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={300}
              rightSection={
                query ? (
                  <CloseButton size="sm" aria-label={t('table.clearFilter')} onClick={() => setQuery('')} />
                ) : null
              }
              data-testid={`${testId}-filter`}
            />
          )}
        </Group>
        <Group gap="sm">
          {props.loading && <Loader size="xs" />}
          <Text size="sm" c="dimmed" data-testid={`${testId}-count`}>
            {props.countText ?? props.countLabel(visible.length)}
          </Text>
          <Button
            variant="light"
            color="green"
            onClick={() => void onExport()}
            loading={exporting}
            data-testid={`${testId}-export`}
          >
            {t('common.exportExcel')}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={props.minWidth ?? 600}>
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {shown.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
                return (
                  <Table.Th
                    key={c.key}
                    style={{ width: c.width, textAlign: c.align }}
                    aria-sort={c.sortable === false ? undefined : ariaSort}
                  >
                    {c.sortable === false ? (
                      c.header
                    ) : (
                      <button
                        type="button"
                        className="dh-sort-button"
                        onClick={() => setSort((s) => nextSort(s, c.key))}
                        title={active && sort.dir === 'asc' ? t('common.sortDesc') : t('common.sortAsc')}
                        data-testid={`${testId}-sort-${c.key}`}
                      >
                        {c.header}
                        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                      </button>
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={shown.length}>
                  <Text c="dimmed" ta="center" py="md" data-testid={`${testId}-empty`}>
                    {props.loading ? t('app.loading') : t('common.noData')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              visible.map((row) => (
                <Table.Tr
                  key={props.rowKey(row)}
                  className={props.rowClassName?.(row)}
                  data-testid={`${testId}-row`}
                  data-row-key={props.rowKey(row)}
                  onClick={props.onRowClick ? () => props.onRowClick?.(row) : undefined}
                  style={props.onRowClick ? { cursor: 'pointer' } : undefined}
                  {...props.rowAttributes?.(row)}
                >
                  {shown.map((c) => (
                    <Table.Td key={c.key} style={{ textAlign: c.align }}>
                      {c.render ? c.render(row) : cellText(c.value(row))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
