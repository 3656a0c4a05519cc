import { Segmented, Table, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassTag } from '../tiers/ClassTag';
import { ChartCard } from './ChartCard';
import { classMetricOption } from './chart-options';
import { classText, figuresOf, hasValues, pagingFor, periodLabel, UNCLASSIFIED, type EvaluationReport, type FigureEnv, type Metric } from './figures';

interface Props {
  id: string;
  report: EvaluationReport;
  env: FigureEnv;
  title: ReactNode;
  /** One or more figures; with more than one, a switch picks the one drawn and tabled. */
  metrics: Metric[];
  chart: 'stacked' | 'bars' | 'lines';
  /** What data the figures need, shown when none of them has a value. */
  empty: string;
  /** Rows for the customers in no class and for everyone, under the classes. */
  withTotals?: boolean;
  footer?: ReactNode;
}

/** The widest a class's name gets in a table's first column, in pixels. */
export const CLASS_CELL_MAX = 240;

/** A class's name with who answers for it (the class's service policy), as every table's first column shows it. */
export function ClassCell({ env, classKey, responsible, maxWidth = CLASS_CELL_MAX }: { env: FigureEnv; classKey: string; responsible?: string | null; maxWidth?: number }) {
  const { t } = useTranslation('evaluation');
  return (
    // A class can be the user's own words (an industry, a custom segment): past this width its tag ends in … (whole
    // on hover) rather than widening a table that cannot scroll, which pushed the whole screen sideways at 1366 px.
    <div style={{ maxWidth }}>
      {classKey === UNCLASSIFIED || classKey === '*' ? (
        <Typography.Text>{classKey === '*' ? t('allCustomers') : classText(env, null)}</Typography.Text>
      ) : (
        <ClassTag scheme={env.scheme} classKey={classKey} label={classText(env, classKey)} />
      )}
      {responsible ? (
        <div style={{ fontSize: 12, color: '#666' }} data-testid="responsible">
          {t('responsible', { name: responsible })}
        </div>
      ) : null}
    </div>
  );
}

/** One figure per class over the periods: a chart, and the same numbers as a class × period table. */
export function ClassMetricCard({ id, report, env, title, metrics, chart, empty, withTotals, footer }: Props) {
  const [metricKey, setMetricKey] = useState(metrics[0]!.key);
  const metric = metrics.find((m) => m.key === metricKey) ?? metrics[0]!;
  const labels = useMemo(() => report.periods.map((p) => periodLabel(env, p, report.period)), [report, env]);
  const any = hasValues(report, metric);

  const option = useMemo(() => classMetricOption(report, env, metric, chart), [report, env, metric, chart]);

  const rows = [
    ...report.classes.map((c) => ({ key: c.key, responsible: c.responsible })),
    ...(withTotals ? [{ key: UNCLASSIFIED, responsible: null }, { key: '*', responsible: null }] : []),
  ];
  const cell = (classKey: string, periodIndex: number): string => {
    const period = report.periods[periodIndex]!;
    const f = classKey === '*' ? period.total : figuresOf(period, classKey);
    const v = f ? metric.value(f) : null;
    return f && v !== null && v !== undefined ? metric.text(v, f) : '—';
  };

  return (
    <ChartCard
      id={id}
      scheme={env.scheme}
      title={title}
      empty={any ? null : empty}
      option={option}
      extra={
        metrics.length > 1 ? (
          <Segmented size="small" value={metric.key} onChange={(v) => setMetricKey(String(v))} options={metrics.map((m) => ({ value: m.key, label: m.label }))} data-testid={`metric-${id}`} />
        ) : null
      }
      footer={footer}
      table={
        <Table
          size="small"
          rowKey="key"
          data-testid={`table-${id}`}
          pagination={pagingFor(rows.length)}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            { key: 'class', title: metric.label, fixed: 'left', render: (_, row) => <ClassCell env={env} classKey={row.key} responsible={row.responsible} /> },
            ...labels.map((label, i) => ({ key: String(i), title: label, align: 'right' as const, render: (_: unknown, row: { key: string }) => cell(row.key, i) })),
          ]}
        />
      }
    />
  );
}
