import { createColumnHelper } from '@tanstack/react-table';
import { Button, Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../shared/contract/customers';
import { formatPhone } from '../../../shared/domain/phone';
import { countryName, formatDate, formatLocalDay, formatMoney } from '../../components/format';
import { ClassTag } from '../tiers/ClassTag';
import { classLabel, type TierWindow } from '../tiers/labels';
import { PREDICTION_COLUMN_IDS, predictionColumns } from '../prediction/prediction-columns';

const column = createColumnHelper<CustomerRow>();

export interface ColumnEnv {
  t: TFunction;
  language: string;
  baseCurrency: string;
  today: string;
  onFollowUp(row: CustomerRow): void;
  /** One column per scheme the user can show (built-in and custom), with its display name. */
  schemeColumns: readonly SchemeColumn[];
  /** The analysis window, named on the 'no orders' class of window schemes. */
  window?: TierWindow;
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
export const DEFAULT_VISIBLE = [
  'name', 'company', 'type', 'phone', 'wechat', 'city', 'locality', 'tags', 'owner', 'lastContactAt', 'nextContactDate', 'revenueBaseMinor', 'likelihood',
  schemeColumnId('pyramid'), schemeColumnId('value'), 'actions',
];

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
  return [
    column.accessor('name', { size: 150, cell: (c) => <strong>{c.getValue()}</strong> }),
    column.accessor('company', { size: 220, cell: (c) => text(c.getValue()) }),
    column.accessor('type', { size: 90, cell: (c) => t(`common:customerType.${c.getValue()}`) }),
    column.accessor('phone', { size: 160, cell: (c) => (c.getValue() ? formatPhone(c.getValue()!) : '') }),
    column.accessor('wechat', { size: 140, cell: (c) => text(c.getValue()) }),
    column.accessor('whatsapp', { size: 160, cell: (c) => (c.getValue() ? formatPhone(c.getValue()!) : '') }),
    column.accessor('email', { size: 220, cell: (c) => text(c.getValue()) }),
    column.accessor('country', { size: 110, cell: (c) => countryName(c.getValue(), language) }),
    column.accessor('city', { size: 100, cell: (c) => text(c.getValue()) }),
    column.accessor('locality', { size: 80, cell: (c) => (c.getValue() ? t(`common:locality.${c.getValue()}`) : '') }),
    column.accessor('tags', { size: 150, cell: (c) => c.getValue().map((tag) => <Tag key={tag}>{tag}</Tag>) }),
    column.accessor('owner', { size: 90, cell: (c) => text(c.getValue()) }),
    column.accessor('source', { size: 110, cell: (c) => (c.getValue() ? t(`common:source.${c.getValue()}`, { defaultValue: c.getValue() }) : '') }),
    column.accessor('manualLevel', { size: 60, cell: (c) => (c.getValue() ? <Tag color="gold">{c.getValue()}</Tag> : '') }),
    column.accessor('lastContactAt', { size: 120, cell: (c) => (c.getValue() ? formatLocalDay(c.getValue()!, language) : '') }),
    column.accessor('nextContactDate', {
      size: 120,
      cell: (c) => {
        const date = c.getValue();
        if (!date) return '';
        // Plain elements in cells: antd's Typography re-renders itself in a loop inside virtual rows.
        return <span style={{ color: date < env.today ? '#cf1322' : date === env.today ? '#d48806' : undefined }}>{formatDate(date, language)}</span>;
      },
    }),
    column.accessor('orderCount', { size: 80, cell: (c) => c.getValue() }),
    column.accessor('revenueBaseMinor', { size: 150, cell: (c) => formatMoney(c.getValue(), env.baseCurrency, language) }),
    ...predictionColumns(column, env),
    ...env.schemeColumns.map(({ scheme, label }) =>
      column.accessor((row) => row.classes[scheme], {
        id: schemeColumnId(scheme),
        header: label,
        // Wide enough for the header with its window ("客户金字塔（近12个月）") and RFM's "Champions · 545".
        size: Math.max(scheme === 'rfm' ? 170 : 130, headerWidth(label)),
        // A Tag, not Typography (see nextContactDate), coloured by the class's meaning. No class: an archived or deleted customer.
        cell: (c) => {
          const classKey = c.getValue();
          return classKey === undefined ? '' : <ClassTag scheme={scheme} classKey={classKey} label={classLabel(t, scheme, classKey, language, env.window)} />;
        },
      }),
    ),
    column.display({
      id: 'actions',
      size: 90,
      cell: (c) => (
        <Button
          size="small"
          data-testid="quick-followup-button"
          onClick={(event) => {
            event.stopPropagation();
            env.onFollowUp(c.row.original);
          }}
        >
          {t('customers:followUp')}
        </Button>
      ),
    }),
  ];
}
