import type { ColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { FigureText } from '../../components/FigureText';
import { formatMoney } from '../../components/format';
import { PAliveText } from './PAliveText';
import { scoreText } from './chance-text';

/** The customer list's prediction columns; their ids are also the list's sort fields. */
export const PREDICTION_COLUMN_IDS = ['likelihood', 'pAlive', 'expectedValueMinor', 'clvMinor'] as const;

interface PredictionFields {
  likelihood?: number | null;
  pAlive?: number | null;
  expectedValueMinor?: number | null;
  clvMinor?: number | null;
}

/** Headers come from the prediction namespace (columnLabel shows a string header as is). Empty before the first recompute. */
export function predictionColumns<Row extends PredictionFields>(column: ColumnHelper<Row>, env: { t: TFunction; language: string; baseCurrency: string }) {
  const { t, language, baseCurrency } = env;
  // The largest amounts are wider than their column: cut with … inside it, whole on hover (FigureText).
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '' : <FigureText text={formatMoney(v, baseCurrency, language)} />);
  return [
    // The score is 100 × the chance of a purchase in the next 90 days: a percentage, as Today shows it.
    column.accessor((r) => r.likelihood ?? null, { id: 'likelihood', header: t('prediction:score'), size: 88, cell: (c) => (c.getValue() === null ? '' : <span data-testid="cell-likelihood">{scoreText(c.getValue()!, t, language)}</span>) }),
    // A row with a likelihood but no P(alive) is a one-time buyer's: not estimated, said so (PAliveText).
    column.accessor((r) => r.pAlive ?? null, {
      id: 'pAlive',
      header: t('prediction:pAlive'),
      size: 90,
      cell: (c) => (c.getValue() === null && (c.row.original.likelihood ?? null) === null ? '' : <PAliveText pAlive={c.getValue()} estimated={c.getValue() !== null} />),
    }),
    column.accessor((r) => r.expectedValueMinor ?? null, { id: 'expectedValueMinor', header: t('prediction:expectedValue'), size: 120, cell: (c) => money(c.getValue()) }),
    column.accessor((r) => r.clvMinor ?? null, { id: 'clvMinor', header: t('prediction:clv'), size: 130, cell: (c) => money(c.getValue()) }),
  ];
}
