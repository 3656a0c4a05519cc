import { flexRender, getCoreRowModel, useReactTable, type Column, type ColumnDef, type ColumnPinningState, type Row as TableRow, type SortingState, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Tag } from 'antd';
import { memo, startTransition, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactElement, type RefObject } from 'react';
import { HeaderCell } from './HeaderCell';
import { useFocusFollowsSelection } from './use-focus-follows-selection';
import type { RowRevisions } from './use-paged-rows';
import './virtual-table.css';
import './row-action.css';

/** Also the height of .virtual-row in virtual-table.css. */
const ROW_HEIGHT = 40;
/** Rows drawn beyond each edge of the view, so a small scroll shows rows already drawn. */
const OVERSCAN = 5;

export interface VirtualTableProps<Row extends { id: string }> {
  /** data-testid of the scrolling box and of each row (a loading row gets `${rowTestId}-loading`). */
  testId: string;
  rowTestId: string;
  total: number;
  /** Says when a loaded row may have changed (usePagedRows' revisions). */
  revisions: RowRevisions;
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

/**
 * Only this table re-renders when a page of rows arrives, and as a transition: React draws the new rows
 * in slices between frames instead of in one long frame, while scrolling (urgent) goes first. Rows are
 * memoised on their data, so a page arriving draws its own rows, not every row on screen.
 */
function useRevision(revisions: RowRevisions): number {
  const [revision, setRevision] = useState(revisions.revision);
  useEffect(() => {
    setRevision(revisions.revision());
    return revisions.subscribe(() => startTransition(() => setRevision(revisions.revision())));
  }, [revisions]);
  return revision;
}

export function VirtualTable<Row extends { id: string }>(props: VirtualTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const revision = useRevision(props.revisions);
  const virtualizer = useVirtualizer({ count: props.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => props.ensureRange(first, last), [first, last, props.ensureRange]);
  useEffect(() => {
    if (props.selected !== undefined && props.selected >= 0) virtualizer.scrollToIndex(props.selected, { align: 'auto' });
  }, [props.selected, virtualizer]);
  useFocusFollowsSelection(scrollRef, props.selected);

  const loaded = items.map((item) => props.rowAt(item.index)).filter((row): row is Row => row !== undefined);
  // The table model must only change when the visible rows do: a new array each render makes
  // tanstack-table reset its state on every render, and that never settles.
  const loadedKey = `${revision}:${loaded.map((row) => row.id).join(',')}`;
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
    // A third press turns the order round again rather than dropping it: the server always sorts by something,
    // and a list left sorted with no header saying so (aria-sort "none" on every one) misstated its order.
    enableSortingRemoval: false,
    state: { sorting: props.sorting, ...(props.columnVisibility ? { columnVisibility: props.columnVisibility } : {}), ...(props.columnPinning ? { columnPinning: props.columnPinning } : {}) },
    enableColumnPinning: props.columnPinning !== undefined,
    onSortingChange: (updater) => props.onSortingChange(typeof updater === 'function' ? updater(props.sorting) : updater),
  });
  const rowsById = new Map(table.getRowModel().rows.map((row) => [row.id, row]));
  const width = table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0);
  // Whatever a row's cells are drawn from besides the row itself: the columns (and what they close over:
  // the language, the ticked set...), which are shown, which are pinned. A new value redraws every row.
  const layout = useMemo(() => ({}), [props.columns, props.columnVisibility, props.columnPinning]);
  // Clicks read the latest handlers at click time, so rows need not redraw when a handler is a new function.
  const handlers = useRef(props);
  handlers.current = props;

  return (
    // A grid of rows of cells (the header row's are column headers), as a screen reader walks a table.
    <div ref={scrollRef} role="grid" data-testid={props.testId} style={{ flex: 1, minHeight: props.minHeight, overflow: 'auto', background: '#fff', border: '1px solid #f0f0f0' }}>
      <div style={{ width, minWidth: '100%' }}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} role="row" style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 2, background: '#fafafa', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }}>
            {group.headers.map((header) => {
              const label = props.headerLabel({ id: header.column.id, header: header.column.columnDef.header });
              return (
                <HeaderCell<Row>
                  key={header.id}
                  header={header}
                  label={label}
                  title={props.headerTitle?.({ id: header.column.id, header: header.column.columnDef.header }) ?? label}
                  sortable={props.isSortable(header.column.id)}
                  style={{
                    width: header.getSize(), flex: 'none', padding: '6px 8px', userSelect: 'none',
                    // A header longer than its column wraps onto a second line ("Last / contact"), never runs into the next one.
                    lineHeight: 1.3, overflowWrap: 'break-word', overflow: 'hidden', display: 'flex', alignItems: 'center', ...pinnedStyle(header.column, '#fafafa'),
                  }}
                />
              );
            })}
          </div>
        ))}
        {props.total === 0 ? <Empty description={props.emptyText} style={{ padding: 48 }} /> : null}
        <CellWidgetStyles />
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const data = props.rowAt(item.index);
            return (
              <VirtualRow<Row>
                key={item.key}
                data={data}
                row={data ? rowsById.get(data.id) : undefined}
                index={item.index}
                start={item.start}
                selected={props.selected === undefined ? undefined : item.index === props.selected}
                layout={layout}
                rowTestId={props.rowTestId}
                handlers={handlers}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * antd builds a component's styles when its first instance mounts and forgets them when its last one
 * unmounts. A jump through a long list unmounts every row at once (their places are loading), so each
 * page arriving would build the styles of the antd widgets in the cells again (tick box, coloured tag:
 * about a fifth of drawing the rows). One hidden instance of each keeps them built while the table is shown.
 */
const CellWidgetStyles = memo(function CellWidgetStyles() {
  return (
    <div hidden aria-hidden>
      <Checkbox tabIndex={-1} />
      <Tag color="green" />
    </div>
  );
});

interface VirtualRowProps<Row extends { id: string }> {
  data: Row | undefined;
  /** The table model's row for `data`; none while its page is loading. */
  row: TableRow<Row> | undefined;
  index: number;
  start: number;
  /** undefined: the table has no selection. */
  selected: boolean | undefined;
  layout: object;
  rowTestId: string;
  handlers: RefObject<Pick<VirtualTableProps<Row>, 'onRowClick' | 'onRowDoubleClick'>>;
}

/** Rows of the table's own model are new objects whenever any page arrives; the data and the layout say whether this row changed. */
const sameRow = (a: VirtualRowProps<{ id: string }>, b: VirtualRowProps<{ id: string }>) =>
  a.data === b.data && (a.row === undefined) === (b.row === undefined) && a.index === b.index && a.start === b.start && a.selected === b.selected && a.layout === b.layout && a.rowTestId === b.rowTestId;

const VirtualRow = memo(function VirtualRow<Row extends { id: string }>({ data, row, index, start, selected, rowTestId, handlers }: VirtualRowProps<Row>) {
  return (
    <div
      role="row"
      className={selected ? 'virtual-row virtual-row-selected' : 'virtual-row'}
      data-testid={row ? rowTestId : `${rowTestId}-loading`}
      data-customer-id={data?.id}
      data-index={index}
      aria-selected={selected}
      // A row can hold the focus (not Tab's: −1), for it to come back there when a drawer opened from it closes.
      tabIndex={-1}
      onClick={() => data && handlers.current.onRowClick?.(data, index)}
      onDoubleClick={() => data && handlers.current.onRowDoubleClick?.(data)}
      style={{ transform: `translateY(${start}px)` }}
    >
      {row
        ? row.getVisibleCells().map((cell) => (
            <div key={cell.id} role="gridcell" className="virtual-cell" style={cellStyle(cell.column, selected)}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </div>
          ))
        : // A row whose page is on its way: a plain grey bar, as cheap to draw as a row can be (the list draws dozens at every jump).
          <div role="gridcell" className="virtual-row-loading-bar" />}
    </div>
  );
}, sameRow as never) as <Row extends { id: string }>(props: VirtualRowProps<Row>) => ReactElement;

/** A cell's own width, and where it sticks when its column is pinned (everything else: .virtual-cell). */
function cellStyle<Row>(column: Column<Row, unknown>, selected: boolean | undefined): CSSProperties {
  const width = column.getSize();
  return column.getIsPinned() ? { width, ...pinnedStyle(column, selected ? '#e6f4ef' : '#fff') } : { width };
}
