import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '../../../shared/contract/segmentation';
import { memberColumns, SORT_OF, type MemberColumnEnv } from './member-columns';

const ROW_HEIGHT = 40;

interface Props {
  total: number;
  revision: number;
  rowAt(index: number): MemberRow | undefined;
  ensureRange(first: number, last: number): void;
  env: MemberColumnEnv;
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
  onOpen(row: MemberRow): void;
}

/** The members of a class: only the rows on screen exist (VirtualCustomerTable's pattern); the server sorts. */
export function MemberTable(props: Props) {
  const { t } = useTranslation('tiers');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => props.ensureRange(first, last), [first, last, props.ensureRange]);

  const loaded = items.map((item) => props.rowAt(item.index)).filter((row): row is MemberRow => row !== undefined);
  // The table model may only change when the visible rows do: a new array on every render makes
  // tanstack-table reset its state each time, and that never settles.
  const loadedKey = `${props.revision}:${loaded.map((row) => row.id).join(',')}`;
  const visibleRows = useMemo(() => loaded, [loadedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const columns = useMemo(() => memberColumns(props.env), [props.env]);
  const table = useReactTable({
    data: visibleRows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    autoResetAll: false,
    enableMultiSort: false,
    state: { sorting: props.sorting },
    onSortingChange: (updater) => props.onSortingChange(typeof updater === 'function' ? updater(props.sorting) : updater),
  });
  const rowsById = new Map(table.getRowModel().rows.map((row) => [row.id, row]));
  const width = table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0);

  return (
    <div ref={scrollRef} data-testid="member-table" style={{ flex: 1, minHeight: 240, overflow: 'auto', background: '#fff', border: '1px solid #f0f0f0' }}>
      <div style={{ width, minWidth: '100%' }}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 1, background: '#fafafa', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }}>
            {group.headers.map((header) => {
              const sortable = header.column.id in SORT_OF;
              const sorted = header.column.getIsSorted();
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  data-column={header.column.id}
                  onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
                  style={{ width: header.getSize(), flex: 'none', padding: 8, cursor: sortable ? 'pointer' : 'default', userSelect: 'none', whiteSpace: 'nowrap' }}
                >
                  {t(`columns.${header.column.id}`)}
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
            return (
              <div
                key={item.key}
                role="row"
                data-testid={row ? 'member-row' : 'member-row-loading'}
                data-customer-id={data?.id}
                onClick={() => data && props.onOpen(data)}
                style={{
                  position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${item.start}px)`,
                  display: 'flex', alignItems: 'center', borderBottom: '1px solid #f5f5f5', cursor: 'pointer',
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
