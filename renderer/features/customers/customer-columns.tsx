import { createColumnHelper } from '@tanstack/react-table';
import { Button, Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../shared/contract/customers';
import { formatPhone } from '../../../shared/domain/phone';
import { countryName, formatDate, formatMoney } from '../../components/format';
import { classLabel } from '../tiers/labels';
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
}

export interface SchemeColumn {
  scheme: string;
  label: string;
}

/** Scheme columns are `scheme:<key>`; the list asks the server for the classes of the visible ones only. */
export const schemeColumnId = (scheme: string) => `scheme:${scheme}`;
export const schemeOfColumn = (id: string): string | undefined => (id.startsWith('scheme:') ? id.slice('scheme:'.length) : undefined);

/** Column ids double as sort fields where the server can sort by them. */
export const SORTABLE = new Set(['name', 'company', 'type', 'country', 'city', 'owner', 'lastContactAt', 'nextContactDate', 'orderCount', 'revenueBaseMinor', ...PREDICTION_COLUMN_IDS]);
export const DEFAULT_VISIBLE = [
  'name', 'company', 'type', 'phone', 'wechat', 'city', 'locality', 'tags', 'owner', 'lastContactAt', 'nextContactDate', 'revenueBaseMinor', 'likelihood',
  schemeColumnId('pyramid'), schemeColumnId('value'), 'actions',
];

/** Header text: scheme columns carry their own (a custom segment's name is data, not a translation key). */
export function columnLabel(t: TFunction, id: string, header: unknown): string {
  return typeof header === 'string' ? header : t(`customers:columns.${id}`);
}

/** Classes that say "not in any tier" stay grey so the tiered customers stand out. */
const UNRANKED = new Set(['none', 'unknown', 'non_member']);

const text = (value: string | null) => value ?? '';

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
    column.accessor('lastContactAt', { size: 120, cell: (c) => (c.getValue() ? formatDate(c.getValue()!.slice(0, 10), language) : '') }),
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
    column.accessor('revenueBaseMinor', { size: 130, cell: (c) => formatMoney(c.getValue(), env.baseCurrency, language) }),
    ...predictionColumns(column, env),
    ...env.schemeColumns.map(({ scheme, label }) =>
      column.accessor((row) => row.classes[scheme], {
        id: schemeColumnId(scheme),
        header: label,
        size: scheme === 'rfm' ? 80 : 120,
        // A Tag, not Typography (see nextContactDate). No class: an archived or deleted customer.
        cell: (c) => {
          const classKey = c.getValue();
          return classKey === undefined ? '' : <Tag color={UNRANKED.has(classKey) ? undefined : 'green'}>{classLabel(t, scheme, classKey, language)}</Tag>;
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
