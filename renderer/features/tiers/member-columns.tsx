import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { MemberRow } from '../../../shared/contract/segmentation';
import { FigureText } from '../../components/FigureText';
import { formatDate, formatMoney } from '../../components/format';
import { ClassTag } from './ClassTag';
import { classLabel, type ClassLabelEnv } from './labels';
import { predictionColumns } from '../prediction/prediction-columns';

const column = createColumnHelper<MemberRow>();

/** The window, bases and spellings (ClassLabelEnv) say what each class means. */
export interface MemberColumnEnv extends ClassLabelEnv {
  t: TFunction;
  language: string;
  baseCurrency: string;
  scheme: string;
  /** Set when the scheme is ranked within groups: the group column shows each row's group in words. */
  groupText?: (key: string) => string;
}

/** Column id → the server's sort key, for the columns the server can sort by. */
export const SORT_OF: Record<string, string> = {
  name: 'name',
  revenueMinor: 'revenue',
  orderCount: 'orders',
  averageOrderValueMinor: 'aov',
  followUpCount: 'followUps',
  daysSinceLastOrder: 'recency',
  lastOrderDate: 'lastOrder',
  likelihood: 'likelihood',
  pAlive: 'pAlive',
  expectedValueMinor: 'expectedValue',
  clvMinor: 'clv',
};

// Plain elements only: antd's Typography re-renders itself in a loop inside virtual rows.
export function memberColumns(env: MemberColumnEnv) {
  const { t, language, baseCurrency } = env;
  // The largest amounts are wider than their column: cut with … inside it, whole on hover (FigureText), as the other amounts.
  const money = (v: number | null) => (v === null ? '' : <FigureText text={formatMoney(v, baseCurrency, language)} />);
  return [
    column.accessor('name', { size: 160, cell: (c) => <strong>{c.getValue()}</strong> }),
    column.accessor('company', { size: 200, cell: (c) => c.getValue() ?? '' }),
    column.accessor('classKey', {
      size: env.scheme === 'rfm' ? 170 : 150,
      cell: (c) => <ClassTag scheme={env.scheme} classKey={c.getValue()} label={classLabel(t, env.scheme, c.getValue(), language, env)} />,
    }),
    ...(env.groupText
      ? [column.accessor('group', { header: t('tierSettings:list.group'), size: 120, cell: (c) => (c.getValue() ? env.groupText!(c.getValue()!) : '') })]
      : []),
    column.accessor('scores', { size: 90, cell: (c) => (c.getValue() ? t('tiers:explain.scores', c.getValue()!) : '') }),
    column.accessor('revenueMinor', { size: 210, cell: (c) => money(c.getValue()) }),
    column.accessor('orderCount', { size: 80, cell: (c) => c.getValue() }),
    column.accessor('averageOrderValueMinor', { size: 120, cell: (c) => money(c.getValue()) }),
    column.accessor('followUpCount', { size: 90, cell: (c) => c.getValue() }),
    column.accessor('daysSinceLastOrder', { size: 110, cell: (c) => (c.getValue() === null ? '' : t('tiers:days', { count: c.getValue()! })) }),
    column.accessor('lastOrderDate', { size: 120, cell: (c) => (c.getValue() ? formatDate(c.getValue()!, language) : '') }),
    ...predictionColumns(column, env),
  ];
}
