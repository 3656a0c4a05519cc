import type { ColumnDef, SortingState, VisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../shared/contract/customers';
import { VirtualTable } from '../../components/VirtualTable';
import type { RowRevisions } from '../../components/use-paged-rows';
import { columnLabel, customerColumns, isSortableColumn, PINNED, schemeOfColumn, type ColumnEnv } from './customer-columns';

interface Props {
  total: number;
  revisions: RowRevisions;
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
 * The customer list: a click opens the customer's file (as in a mail or contacts app); ↑↓ and Enter do the
 * same from the keyboard; the tick box column selects for bulk actions. Name stays in view when scrolling sideways.
 */
export function VirtualCustomerTable(props: Props) {
  const { t } = useTranslation('customers');
  const columns = useMemo(() => customerColumns(props.env) as ColumnDef<CustomerRow, never>[], [props.env]);
  return (
    <VirtualTable<CustomerRow>
      testId="customer-table"
      rowTestId="customer-row"
      total={props.total}
      revisions={props.revisions}
      rowAt={props.rowAt}
      ensureRange={props.ensureRange}
      columns={columns}
      headerLabel={(c) => columnLabel(t, c.id, c.header)}
      headerTitle={(c) => {
        const scheme = schemeOfColumn(c.id);
        return scheme ? props.env.schemeColumns.find((s) => s.scheme === scheme)?.tooltip : undefined;
      }}
      isSortable={isSortableColumn}
      sorting={props.sorting}
      onSortingChange={props.onSortingChange}
      columnVisibility={props.columnVisibility}
      columnPinning={PINNED}
      emptyText={t('empty')}
      selected={props.selected}
      onRowClick={(row, index) => {
        props.onSelect(index);
        props.onOpen(row);
      }}
    />
  );
}
