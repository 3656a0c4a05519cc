import { flexRender, getCoreRowModel, useReactTable, type SortingState, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../shared/contract/customers';
import { columnLabel, customerColumns, SORTABLE, type ColumnEnv } from './customer-columns';

const ROW_HEIGHT = 40;

interface Props {
  total: number;
  revision: number;
  rowAt(index: number): CustomerRow | undefined;
  ensureRange(first: number, last: number): void;
  env: ColumnEnv;
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
  columnVisibility: VisibilityState;
  selected: number;
  onSelect(index: number): void;
  onOpen(row: CustomerRow): void;
}

/**
 * Only the rows on screen exist in the DOM (and in the table model), so 100k customers scroll like 100.
 * Sorting is done by the database; the header only reports which column and direction.
 */
export function VirtualCustomerTable(props: Props) {
  const { t } = useTranslation('customers');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => props.ensureRange(first, last), [first, last, props.ensureRange]);
  useEffect(() => {
    if (props.selected >= 0) virtualizer.scrollToIndex(props.selected, { align: 'auto' });
  }, [props.selected, virtualizer]);

  const loaded = items.map((item) => props.rowAt(item.index)).filter((row): row is CustomerRow => row !== undefined);
  // The table model must only change when the visible rows do: a new array each render makes
  // tanstack-table reset its state on every render, and that never settles.
  const loadedKey = `${props.revision}:${loaded.map((row) => row.id).join(',')}`;
  const visibleRows = useMemo(() => loaded, [loadedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const columns = useMemo(() => customerColumns(props.env), [props.env]);
  const table = useReactTable({
    data: visibleRows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    autoResetAll: false,
    enableMultiSort: false,
    state: { sorting: props.sorting, columnVisibility: props.columnVisibility },
    onSortingChange: (updater) => props.onSortingChange(typeof updater === 'function' ? updater(props.sorting) : updater),
  });
  const rowsById = new Map(table.getRowModel().rows.map((row) => [row.id, row]));
  const width = table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0);

  return (
    <div ref={scrollRef} data-testid="customer-table" style={{ flex: 1, overflow: 'auto', background: '#fff', border: '1px solid #f0f0f0' }}>
      <div style={{ width, minWidth: '100%' }}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 1, background: '#fafafa', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }}>
            {group.headers.map((header) => {
              const sortable = SORTABLE.has(header.column.id);
              const sorted = header.column.getIsSorted();
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  data-column={header.column.id}
                  onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
                  style={{ width: header.getSize(), flex: 'none', padding: '8px', cursor: sortable ? 'pointer' : 'default', userSelect: 'none', whiteSpace: 'nowrap' }}
                >
                  {columnLabel(t, header.column.id, header.column.columnDef.header)}
                  {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                </div>
              );
            })}
          </div>
        ))}
        {props.total === 0 ? <Empty description={t('empty')} style={{ padding: 48 }} /> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const data = props.rowAt(item.index);
            const row = data ? rowsById.get(data.id) : undefined;
            const isSelected = item.index === props.selected;
            return (
              <div
                key={item.key}
                role="row"
                data-testid={row ? 'customer-row' : 'customer-row-loading'}
                data-customer-id={data?.id}
                aria-selected={isSelected}
                onClick={() => props.onSelect(item.index)}
                onDoubleClick={() => data && props.onOpen(data)}
                style={{
                  position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${item.start}px)`,
                  display: 'flex', alignItems: 'center', borderBottom: '1px solid #f5f5f5', cursor: 'pointer',
                  background: isSelected ? '#e6f4ef' : undefined,
                }}
              >
                {row
                  ? row.getVisibleCells().map((cell) => (
                      <div key={cell.id} style={{ width: cell.column.getSize(), flex: 'none', padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
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
