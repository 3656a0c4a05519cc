import { flexRender, getCoreRowModel, useReactTable, type Column, type ColumnDef, type ColumnPinningState, type SortingState, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton } from 'antd';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';

const ROW_HEIGHT = 40;

export interface VirtualTableProps<Row extends { id: string }> {
  /** data-testid of the scrolling box and of each row (a loading row gets `${rowTestId}-loading`). */
  testId: string;
  rowTestId: string;
  total: number;
  /** Changes whenever a loaded row may have changed (usePagedRows' revision). */
  revision: number;
  rowAt(index: number): Row | undefined;
  ensureRange(first: number, last: number): void;
  columns: ColumnDef<Row, never>[];
  headerLabel(column: { id: string; header: unknown }): string;
  /** A header's tooltip (what the column covers), when it has one. */
  headerTitle?(column: { id: string; header: unknown }): string | undefined;
  isSortable(columnId: string): boolean;
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
  columnVisibility?: VisibilityState;
  /** Columns that stay in view while the table scrolls sideways (the name, say). */
  columnPinning?: ColumnPinningState;
  emptyText: string;
  selected?: number;
  onRowClick?(row: Row, index: number): void;
  onRowDoubleClick?(row: Row): void;
  minHeight?: number;
}

/**
 * A server-sorted table where only the rows on screen exist in the DOM and in the table model, so
 * 100k rows scroll like 100. Rows come page by page from usePagedRows.
 */
/** A pinned column sticks to the left edge, over the cells that scroll under it (so it needs a background). */
function pinnedStyle<Row>(column: Column<Row, unknown>, background: string): CSSProperties {
  if (column.getIsPinned() !== 'left') return {};
  const last = column.getIsLastColumn('left');
  return { position: 'sticky', left: column.getStart('left'), zIndex: 1, background, boxShadow: last ? 'inset -1px 0 0 #f0f0f0, 4px 0 6px -4px rgba(0,0,0,0.12)' : undefined };
}

export function VirtualTable<Row extends { id: string }>(props: VirtualTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => props.ensureRange(first, last), [first, last, props.ensureRange]);
  useEffect(() => {
    if (props.selected !== undefined && props.selected >= 0) virtualizer.scrollToIndex(props.selected, { align: 'auto' });
  }, [props.selected, virtualizer]);

  const loaded = items.map((item) => props.rowAt(item.index)).filter((row): row is Row => row !== undefined);
  // The table model must only change when the visible rows do: a new array each render makes
  // tanstack-table reset its state on every render, and that never settles.
  const loadedKey = `${props.revision}:${loaded.map((row) => row.id).join(',')}`;
  const visibleRows = useMemo(() => loaded, [loadedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const table = useReactTable({
    data: visibleRows,
    // Cells are typed per column where they are defined; the table itself only routes them.
    columns: props.columns as ColumnDef<Row, unknown>[],
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    autoResetAll: false,
    enableMultiSort: false,
    state: { sorting: props.sorting, ...(props.columnVisibility ? { columnVisibility: props.columnVisibility } : {}), ...(props.columnPinning ? { columnPinning: props.columnPinning } : {}) },
    enableColumnPinning: props.columnPinning !== undefined,
    onSortingChange: (updater) => props.onSortingChange(typeof updater === 'function' ? updater(props.sorting) : updater),
  });
  const rowsById = new Map(table.getRowModel().rows.map((row) => [row.id, row]));
  const width = table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0);

  return (
    <div ref={scrollRef} data-testid={props.testId} style={{ flex: 1, minHeight: props.minHeight, overflow: 'auto', background: '#fff', border: '1px solid #f0f0f0' }}>
      <div style={{ width, minWidth: '100%' }}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 2, background: '#fafafa', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }}>
            {group.headers.map((header) => {
              const sortable = props.isSortable(header.column.id);
              const sorted = header.column.getIsSorted();
              const label = props.headerLabel({ id: header.column.id, header: header.column.columnDef.header });
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  data-column={header.column.id}
                  title={props.headerTitle?.({ id: header.column.id, header: header.column.columnDef.header }) ?? label}
                  onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
                  style={{
                    width: header.getSize(), flex: 'none', padding: '6px 8px', cursor: sortable ? 'pointer' : 'default', userSelect: 'none',
                    // A header longer than its column wraps onto a second line ("Last / contact"), never runs into the next one.
                    lineHeight: 1.3, overflowWrap: 'break-word', overflow: 'hidden', display: 'flex', alignItems: 'center', ...pinnedStyle(header.column, '#fafafa'),
                  }}
                >
                  {label}
                  {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                </div>
              );
            })}
          </div>
        ))}
        {props.total === 0 ? <Empty description={props.emptyText} style={{ padding: 48 }} /> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const data = props.rowAt(item.index);
            const row = data ? rowsById.get(data.id) : undefined;
            const isSelected = item.index === props.selected;
            return (
              <div
                key={item.key}
                role="row"
                data-testid={row ? props.rowTestId : `${props.rowTestId}-loading`}
                data-customer-id={data?.id}
                data-index={item.index}
                aria-selected={props.selected === undefined ? undefined : isSelected}
                onClick={() => data && props.onRowClick?.(data, item.index)}
                onDoubleClick={() => data && props.onRowDoubleClick?.(data)}
                style={{
                  position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${item.start}px)`,
                  display: 'flex', alignItems: 'center', borderBottom: '1px solid #f5f5f5', cursor: 'pointer',
                  background: isSelected ? '#e6f4ef' : undefined,
                }}
              >
                {row
                  ? row.getVisibleCells().map((cell) => (
                      <div
                        key={cell.id}
                        style={{
                          width: cell.column.getSize(), flex: 'none', padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap',
                          alignSelf: 'stretch', lineHeight: `${ROW_HEIGHT - 1}px`, ...pinnedStyle(cell.column, isSelected ? '#e6f4ef' : '#fff'),
                        }}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </div>
                    ))
                  : <Skeleton.Input active size="small" style={{ margin: '0 8px', width: 300 }} />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
