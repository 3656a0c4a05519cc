import { compactMoney, decimal, money, percent, signedPercent, type FigureEnv, type Figures, type Metric } from './figures';

type MetricKey =
  | 'customers'
  | 'revenueMinor'
  | 'revenueShare'
  | 'aovMinor'
  | 'purchaseFrequency'
  | 'followUpFrequency'
  | 'retentionRate'
  | 'churnRate'
  | 'growthRate'
  | 'yoyGrowthRate'
  | 'satisfactionAvg'
  | 'coverageRate'
  | 'grossProfitMinor';

/**
 * Every figure the dashboard draws, named as the .xlsx export names its columns (reportFigures), read from
 * the report as the main process computed it — the screen does no arithmetic of its own beyond formatting.
 */
export function reportMetrics(env: FigureEnv): Record<MetricKey, Metric> {
  const { t, language } = env;
  const label = (key: MetricKey) => t(`reportFigures:columns.${key}`);
  const count = (key: MetricKey, value: (f: Figures) => number | null | undefined): Metric => ({ key, label: label(key), value, text: (v) => decimal(language, v, 0), axis: (v) => decimal(language, v, 0), tip: (v) => decimal(language, v, 0), whole: true });
  const amount = (key: MetricKey, value: (f: Figures) => number | null | undefined): Metric => ({ key, label: label(key), value, text: (v) => money(env, v), axis: (v) => compactMoney(env, v), tip: (v) => money(env, v) });
  const share = (key: MetricKey, value: (f: Figures) => number | null | undefined): Metric => ({ key, label: label(key), value, text: (v) => percent(language, v), axis: (v) => percent(language, v, 0), tip: (v) => percent(language, v) });
  const rate = (key: MetricKey, value: (f: Figures) => number | null | undefined): Metric => ({ key, label: label(key), value, text: (v) => decimal(language, v, 2), axis: (v) => decimal(language, v, 1), tip: (v) => decimal(language, v, 2) });
  const growth = (key: MetricKey, value: (f: Figures) => number | null | undefined): Metric => ({ key, label: label(key), value, text: (v) => signedPercent(language, v), axis: (v) => signedPercent(language, v), tip: (v) => signedPercent(language, v) });
  return {
    customers: count('customers', (f) => f.customers),
    revenueMinor: amount('revenueMinor', (f) => f.revenueMinor),
    revenueShare: share('revenueShare', (f) => f.revenueShare),
    aovMinor: amount('aovMinor', (f) => f.aovMinor),
    purchaseFrequency: rate('purchaseFrequency', (f) => f.purchaseFrequency),
    followUpFrequency: rate('followUpFrequency', (f) => f.followUpFrequency),
    retentionRate: { ...share('retentionRate', (f) => f.retentionRate), text: (v, f) => `${percent(language, v)} (${f.retained}/${f.customers})` },
    churnRate: share('churnRate', (f) => f.churnRate),
    growthRate: growth('growthRate', (f) => f.growthRate),
    yoyGrowthRate: growth('yoyGrowthRate', (f) => f.yoyGrowthRate),
    // The average says how many customers it rests on: 4.8 from one customer is not 4.8 from forty.
    satisfactionAvg: { ...rate('satisfactionAvg', (f) => f.satisfactionAvg), text: (v, f) => t('evaluation:satisfactionN', { value: decimal(language, v, 2), count: f.satisfactionN }) },
    coverageRate: { ...share('coverageRate', (f) => f.coverageRate), text: (v, f) => `${percent(language, v)} (${f.covered}/${f.customers})` },
    grossProfitMinor: amount('grossProfitMinor', (f) => f.grossProfitMinor),
  };
}
