import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '../../../shared/contract/segmentation';
import { VirtualTable } from '../../components/VirtualTable';
import type { RowRevisions } from '../../components/use-paged-rows';
import { periodText, windowText } from './labels';
import { memberColumns, SORT_OF, type MemberColumnEnv } from './member-columns';

/** Figures counted in the analysis window: their headers say which window. */
const WINDOW_COLUMNS = new Set(['revenueMinor', 'orderCount', 'averageOrderValueMinor', 'followUpCount']);

interface Props {
  total: number;
  revisions: RowRevisions;
  rowAt(index: number): MemberRow | undefined;
  ensureRange(first: number, last: number): void;
  env: MemberColumnEnv;
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
  /** The row ↑↓ moved to (-1: none). */
  selected: number;
  onOpen(row: MemberRow, index: number): void;
}

/** The members of a class; a click (or Enter on the selected row) opens the explanation. The server sorts. */
export function MemberTable(props: Props) {
  const { t } = useTranslation('tiers');
  const columns = useMemo(() => memberColumns(props.env) as ColumnDef<MemberRow, never>[], [props.env]);
  return (
    <VirtualTable<MemberRow>
      testId="member-table"
      rowTestId="member-row"
      total={props.total}
      revisions={props.revisions}
      rowAt={props.rowAt}
      ensureRange={props.ensureRange}
      columns={columns}
      headerLabel={(c) =>
        // Revenue names its window in the header; the other window figures say it in their tooltip, so headers stay short.
        c.id === 'revenueMinor' && props.env.window
          ? t('tierLabels:columnWindow', { label: t('tierLabels:memberColumns.revenueMinor'), window: windowText(t, props.env.window) })
          : typeof c.header === 'string'
            ? c.header
            : t(`columns.${c.id}`)
      }
      headerTitle={(c) => (WINDOW_COLUMNS.has(c.id) && props.env.window ? t('tierLabels:countedIn', { window: periodText(t, props.env.window) }) : undefined)}
      isSortable={(id) => id in SORT_OF}
      sorting={props.sorting}
      onSortingChange={props.onSortingChange}
      emptyText={t('empty')}
      selected={props.selected}
      onRowClick={(row, index) => props.onOpen(row, index)}
      minHeight={240}
    />
  );
}
