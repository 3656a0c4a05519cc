import type { Header } from '@tanstack/react-table';
import type { CSSProperties } from 'react';

/** aria-sort's words for tanstack's sort state; a sortable column not sorted now is "none". */
const ARIA_SORT = { asc: 'ascending', desc: 'descending', none: 'none' } as const;

interface Props<Row> {
  header: Header<Row, unknown>;
  label: string;
  title: string;
  sortable: boolean;
  style: CSSProperties;
}

/**
 * A virtual table's column header. A sortable one holds a button, so Tab reaches it and Enter or Space
 * sorts (a bare header answered the mouse only), and it says its order in aria-sort. The click is taken
 * on the whole header, as before; the button's own click (from the keyboard too) bubbles up to it.
 */
export function HeaderCell<Row>({ header, label, title, sortable, style }: Props<Row>) {
  const sorted = header.column.getIsSorted();
  const arrow = sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : '';
  return (
    <div
      role="columnheader"
      data-column={header.column.id}
      aria-sort={sortable ? ARIA_SORT[sorted || 'none'] : undefined}
      title={title}
      onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
      style={{ ...style, cursor: sortable ? 'pointer' : 'default' }}
    >
      {sortable ? (
        <button type="button" className="virtual-sort">
          {label}
          <span aria-hidden>{arrow}</span>
        </button>
      ) : (
        label
      )}
    </div>
  );
}
