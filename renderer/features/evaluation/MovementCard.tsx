import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './ChartCard';
import { decimal, MOVEMENT_COLORS, MOVEMENT_KINDS, periodLabel, type EvaluationReport, type FigureEnv, type MovementKind } from './figures';

/** Per period: how many of the cohort moved up, down, stayed, changed sideways, entered or left, from its first day to its last. */
export function MovementCard({ report, env }: { report: EvaluationReport; env: FigureEnv }) {
  const { t } = useTranslation('evaluation');
  const labels = useMemo(() => report.periods.map((p) => periodLabel(env, p, report.period)), [report, env]);
  // A scheme without a class order has no up or down: those rows are left out, not shown as zero.
  const ordered = report.periods.some((p) => p.movement.upgraded !== null);
  const kinds = MOVEMENT_KINDS.filter((k) => ordered || (k !== 'upgraded' && k !== 'downgraded'));
  const value = (k: MovementKind, i: number) => report.periods[i]!.movement[k];
  const moved = report.periods.some((p) => kinds.some((k) => (p.movement[k] ?? 0) > 0));

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: report.periods.map((p) => periodLabel(env, p, report.period, true)) },
      // Customers are counted whole: a small month's scale in fifths read "0, 0, 1, 1".
      yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map((k) => ({ name: t(`movement.${k}`), type: 'bar', stack: 'movement', data: labels.map((_, i) => value(k, i)), itemStyle: { color: MOVEMENT_COLORS[k] } })),
    }),
    [labels, report, env, t],
  );

  const totals = Object.fromEntries(kinds.map((k) => [k, report.periods.reduce((sum, p) => sum + (p.movement[k] ?? 0), 0)]));
  return (
    <ChartCard
      id="movement"
      scheme={env.scheme}
      title={t('cards.movement')}
      empty={moved ? null : t('empty.movement')}
      option={option}
      height={260}
      table={
        <Table
          size="small"
          rowKey="kind"
          pagination={false}
          data-testid="table-movement"
          scroll={{ x: 'max-content' }}
          dataSource={kinds.map((kind) => ({ kind }))}
          columns={[
            { key: 'kind', title: t('columns.movement'), fixed: 'left', render: (_, row) => t(`movement.${row.kind}`) },
            { key: 'all', title: t('columns.allPeriods'), align: 'right', render: (_, row) => <strong data-testid={`movement-total-${row.kind}`}>{decimal(env.language, totals[row.kind]!, 0)}</strong> },
            ...labels.map((label, i) => ({ key: String(i), title: label, align: 'right' as const, render: (_: unknown, row: { kind: MovementKind }) => { const v = value(row.kind, i); return v === null ? '—' : decimal(env.language, v, 0); } })),
          ]}
        />
      }
    />
  );
}
