import { createColumnHelper } from '@tanstack/react-table';
import { Checkbox, Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../shared/contract/customers';
import { formatPhone } from '../../../shared/domain/phone';
import { countryName, formatDate, formatMoney, formatShortDate, formatShortLocalDay } from '../../components/format';
import { ClassTag } from '../tiers/ClassTag';
import { classLabel, type ClassLabelEnv } from '../tiers/labels';
import { PREDICTION_COLUMN_IDS, predictionColumns } from '../prediction/prediction-columns';
import { UserText } from '../../components/UserText';
import { FigureText } from '../../components/FigureText';

const column = createColumnHelper<CustomerRow>();

/** The window, bases and spellings (ClassLabelEnv) say what each tier column's class means ('none' of pyramid…). */
export interface ColumnEnv extends ClassLabelEnv {
  t: TFunction;
  language: string;
  baseCurrency: string;
  today: string;
  onFollowUp(row: CustomerRow): void;
  /** One column per scheme the user can show (built-in and custom), with its display name. */
  schemeColumns: readonly SchemeColumn[];
  /** Ticked customers for bulk actions; `onTick` gets the row's list index and whether Shift was held (a range). */
  ticked: ReadonlySet<string>;
  onTick(row: CustomerRow, index: number, range: boolean): void;
}

export interface SchemeColumn {
  scheme: string;
  /** The scheme's own name, for pickers. */
  name?: string;
  /** Header: the scheme's name, with the window it covers for order-based schemes. */
  label: string;
  /** Header tooltip: what the column is computed from. */
  tooltip?: string;
}

/** Scheme columns are `scheme:<key>`; the list asks the server for the classes of the visible ones only. */
export const schemeColumnId = (scheme: string) => `scheme:${scheme}`;
export const schemeOfColumn = (id: string): string | undefined => (id.startsWith('scheme:') ? id.slice('scheme:'.length) : undefined);

/** Column ids double as sort fields where the server can sort by them; scheme columns sort by tier. */
export const SORTABLE = new Set(['name', 'company', 'type', 'country', 'city', 'owner', 'lastContactAt', 'nextContactDate', 'orderCount', 'revenueBaseMinor', ...PREDICTION_COLUMN_IDS]);
export const isSortableColumn = (id: string) => SORTABLE.has(id) || schemeOfColumn(id) !== undefined;
/**
 * What a new user sees: the columns a stall owner works from, chosen to fit a 1366 px wide screen beside
 * the navigation with nothing to scroll (the column chooser shows the rest).
 */
export const DEFAULT_VISIBLE = [
  // Tags and the rest are one click away in Columns: with the likelihood and the pyramid shown, they would not fit.
  'select', 'name', 'company', 'phone', 'lastContactAt', 'nextContactDate', 'revenueBaseMinor', 'likelihood', schemeColumnId('pyramid'), 'actions',
];
/** Always shown, whatever the column chooser says, and kept in view while scrolling sideways. */
export const FIXED_COLUMNS = ['select', 'name'];
export const PINNED = { left: FIXED_COLUMNS, right: [] as string[] };

/** Header text: scheme columns carry their own (a custom segment's name is data, not a translation key). */
export function columnLabel(t: TFunction, id: string, header: unknown): string {
  return typeof header === 'string' ? header : t(`customers:columns.${id}`);
}

const text = (value: string | null) => value ?? '';

/** Rough header width in px: CJK characters are about twice as wide as Latin ones; padding and the sort arrow on top. */
export function headerWidth(label: string): number {
  let width = 0;
  for (const ch of label) width += /[\u2E80-\uFFEF]/u.test(ch) ? 15 : 8;
  return width + 36;
}

export function customerColumns(env: ColumnEnv) {
  const { t, language } = env;
  // Built once per set of columns, not once per cell: a page of rows arriving draws hundreds of cells.
  const followUpLabel = t('customers:followUp');
  const classLabels = new Map<string, string>();
  const classLabelOf = (scheme: string, classKey: string) => {
    const key = `${scheme}\u0000${classKey}`;
    let label = classLabels.get(key);
    if (label === undefined) {
      label = classLabel(t, scheme, classKey, language, env);
      classLabels.set(key, label);
    }
    return label;
  };
  return [
    column.display({
      id: 'select',
      header: '',
      size: 40,
      cell: (c) => (
        <span
          // The box, not the row: a click here ticks (Shift: the whole range since the last tick) and never opens the file.
          onClick={(event) => {
            event.stopPropagation();
            const index = Number((event.currentTarget.closest('[role="row"]') as HTMLElement | null)?.dataset.index ?? -1);
            env.onTick(c.row.original, index, event.shiftKey);
          }}
          style={{ display: 'inline-block', cursor: 'pointer' }}
        >
          <Checkbox checked={env.ticked.has(c.row.original.id)} aria-label={t('comfort:bulk.selectRow')} data-testid="row-tick" />
        </span>
      ),
    }),
    column.accessor('name', { size: 130, cell: (c) => <UserText text={c.getValue()} strong /> }),
    column.accessor('company', { size: 146, cell: (c) => <UserText text={text(c.getValue())} /> }),
    column.accessor('type', { size: 90, cell: (c) => t(`common:customerType.${c.getValue()}`) }),
    // Contacts are cut at the column's edge like a name ("+234 806 245 7…"), so each carries its whole value on hover.
    column.accessor('phone', { size: 134, cell: (c) => (c.getValue() ? <UserText text={formatPhone(c.getValue()!)} /> : '') }),
    column.accessor('wechat', { size: 140, cell: (c) => <UserText text={text(c.getValue())} /> }),
    column.accessor('whatsapp', { size: 160, cell: (c) => (c.getValue() ? <UserText text={formatPhone(c.getValue()!)} /> : '') }),
    column.accessor('email', { size: 220, cell: (c) => <UserText text={text(c.getValue())} /> }),
    column.accessor('country', { size: 110, cell: (c) => countryName(c.getValue(), language) }),
    column.accessor('city', { size: 100, cell: (c) => <UserText text={text(c.getValue())} /> }),
    column.accessor('locality', { size: 80, cell: (c) => (c.getValue() ? t(`common:locality.${c.getValue()}`) : '') }),
    column.accessor('tags', {
      size: 130,
      // The first tag, then "+N" for the rest (all of them on hover), so a row never shows half a badge.
      cell: (c) => {
        const tags = c.getValue();
        const shown = tags.slice(0, 1);
        return (
          <span title={tags.join(', ')}>
            {shown.map((tag) => (
              <Tag key={tag} style={{ marginInlineEnd: 4, maxWidth: tags.length > 1 ? 76 : 112, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>
                {tag}
              </Tag>
            ))}
            {tags.length > shown.length ? <Tag style={{ marginInlineEnd: 0, verticalAlign: 'middle' }}>+{tags.length - shown.length}</Tag> : null}
          </span>
        );
      },
    }),
    column.accessor('owner', { size: 90, cell: (c) => <UserText text={text(c.getValue())} /> }),
    column.accessor('source', { size: 110, cell: (c) => (c.getValue() ? t(`common:source.${c.getValue()}`, { defaultValue: c.getValue() }) : '') }),
    column.accessor('manualLevel', { size: 60, cell: (c) => (c.getValue() ? <Tag color="gold">{c.getValue()}</Tag> : '') }),
    // Dates as short numbers ("2026/11/23", "11/23/2026") of the user's own day, so they always fit their column whole.
    column.accessor('lastContactAt', { size: 96, cell: (c) => (c.getValue() ? <span data-testid="last-contact">{formatShortLocalDay(c.getValue()!, language)}</span> : '') }),
    column.accessor('nextContactDate', {
      size: 96,
      cell: (c) => {
        const date = c.getValue();
        if (!date) return '';
        // Plain elements in cells: antd's Typography re-renders itself in a loop inside virtual rows.
        return <span title={formatDate(date, language)} style={{ color: date < env.today ? '#cf1322' : date === env.today ? '#876800' : undefined }}>{formatShortDate(date, language)}</span>;
      },
    }),
    column.accessor('orderCount', { size: 80, cell: (c) => c.getValue() }),
    column.accessor('revenueBaseMinor', { size: 140, cell: (c) => <FigureText text={formatMoney(c.getValue(), env.baseCurrency, language)} /> }),
    ...predictionColumns(column, env),
    ...env.schemeColumns.map(({ scheme, label }) =>
      column.accessor((row) => row.classes[scheme], {
        id: schemeColumnId(scheme),
        header: label,
        // Wide enough for RFM's "Champions · 545", and for the header with its window ("客户金字塔（近12个月）")
        // on the two lines headers wrap to.
        size: Math.max(scheme === 'rfm' ? 170 : 130, Math.ceil(headerWidth(label) / 2) + 18),
        // A Tag, not Typography (see nextContactDate), coloured by the class's meaning. No class: an archived or deleted customer.
        cell: (c) => {
          const classKey = c.getValue();
          return classKey === undefined ? '' : <ClassTag scheme={scheme} classKey={classKey} label={classLabelOf(scheme, classKey)} />;
        },
      }),
    ),
    column.display({
      id: 'actions',
      size: 96,
      // A plain button styled as the app's small ones (components/row-action.css): dozens are created at every jump through the list.
      cell: (c) => (
        <button
          type="button"
          className="row-action row-action-cell"
          data-testid="quick-followup-button"
          onClick={(event) => {
            event.stopPropagation();
            env.onFollowUp(c.row.original);
          }}
        >
          {followUpLabel}
        </button>
      ),
    }),
  ];
}
