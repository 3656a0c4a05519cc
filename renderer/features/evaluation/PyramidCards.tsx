import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../shared/domain/dates';
import { formatDate } from '../../components/format';
import { ChartCard } from './ChartCard';
import { pyramidOption } from './chart-options';
import { ClassCell } from './ClassMetricCard';
import { decimal, money, pagingFor, percent, type EvaluationReport, type FigureEnv } from './figures';
import { revenueTitle } from './range-words';
import './evaluation.css';

/** A class's name beside the pyramid, in pixels: the table shares the card's width with the chart. */
const SIDE_CLASS_CELL_MAX = 200;

/**
 * The chosen scheme on the report's last day: customers per class, drawn top (best) to bottom, with revenue
 * share. Titled with the scheme's name (`schemeName`, a custom segment's own), not always "Customer pyramid".
 */
export function PyramidCard({ report, env, schemeName }: { report: EvaluationReport; env: FigureEnv; schemeName: string }) {
  const { t } = useTranslation('evaluation');
  const { pyramid } = report;
  const responsible = new Map(report.classes.map((c) => [c.key, c.responsible]));
  const customers = pyramid.levels.reduce((sum, l) => sum + l.customers, 0);
  const levels = pyramid.levels.filter((l) => l.customers > 0);
  const share = (v: number | null) => (v === null ? '—' : percent(env.language, v));
  const revenue = revenueTitle(env, report.periods, localDateOf(new Date()));

  const option = useMemo(() => pyramidOption(report, env), [report, env]);

  return (
    <ChartCard
      id="pyramid"
      scheme={env.scheme}
      title={t('cards.pyramid', { scheme: schemeName, date: formatDate(pyramid.asOf, env.language) })}
      empty={customers === 0 ? t('empty.pyramid') : null}
      option={option}
      height={Math.min(Math.max(240, 52 * levels.length), 640)}
      layout="side"
      table={
        // Figures never wrap, their titles only between words: squeezed beside the class names, "客户数" went down its
        // column a character a line. Names are cut sooner than in a full-width table; one still too wide scrolls inside
        // its card (English ran past the card's edge) — in a plain box: Table's scroll.x repeats every title in a hidden row.
        <div className="evaluation-table-scroll">
          <Table
            size="small"
            rowKey="classKey"
            data-testid="table-pyramid"
            dataSource={pyramid.levels}
            pagination={pagingFor(pyramid.levels.length)}
            columns={[
              { key: 'class', title: t('columns.class'), render: (_, l) => <ClassCell env={env} classKey={l.classKey} responsible={responsible.get(l.classKey)} maxWidth={SIDE_CLASS_CELL_MAX} /> },
              { key: 'customers', title: t('columns.customers'), align: 'right', className: 'evaluation-figure', render: (_, l) => decimal(env.language, l.customers, 0) },
              { key: 'customerShare', title: t('columns.customerShare'), align: 'right', className: 'evaluation-figure', render: (_, l) => (customers ? percent(env.language, l.customers / customers) : '—') },
              { key: 'revenue', title: <span data-testid="pyramid-revenue-title">{revenue}</span>, align: 'right', className: 'evaluation-figure', render: (_, l) => money(env, l.revenueMinor) },
              { key: 'revenueShare', title: t('columns.revenueShare'), align: 'right', className: 'evaluation-figure', render: (_, l) => share(l.revenueShare) },
            ]}
          />
        </div>
      }
    />
  );
}

/** The share of the range's revenue that the top x % of customers bring: the Pareto curve, with the 10 % steps tabled. */
export function ParetoCard({ report, env }: { report: EvaluationReport; env: FigureEnv }) {
  const { t } = useTranslation('evaluation');
  const points = report.pareto;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? percent(env.language, v) : '—') },
      grid: { left: 8, right: 24, top: 24, bottom: 32, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 1, name: t('pareto.x'), nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: (v: number) => percent(env.language, v, 0) } },
      yAxis: { type: 'value', min: 0, max: (v: { max: number }) => Math.max(1, v.max), axisLabel: { formatter: (v: number) => percent(env.language, v, 0) } },
      series: [
        { name: t('pareto.curve'), type: 'line', showSymbol: false, data: points.map((p) => [p.customerShare, p.revenueShare]), lineStyle: { color: '#1f6f5c', width: 2 }, itemStyle: { color: '#1f6f5c' }, areaStyle: { color: 'rgba(31,111,92,0.08)' } },
        { name: t('pareto.even'), type: 'line', showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { color: '#bbb', type: 'dashed' }, itemStyle: { color: '#bbb' } },
      ],
    }),
    [points, env, t],
  );
  // The curve's points at 10 %, 20 % … 100 % of customers.
  const steps = points.filter((p) => Math.round(p.customerShare * 100) % 10 === 0 && p.customerShare > 0);
  return (
    <ChartCard
      id="pareto"
      scheme={env.scheme}
      title={t('cards.pareto')}
      empty={points.length === 0 || report.pyramid.revenueMinor <= 0 ? t('empty.pareto') : null}
      option={option}
      height={260}
      table={
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          data-testid="table-pareto"
          scroll={{ x: 'max-content' }}
          dataSource={[{ key: 'revenue' }]}
          columns={[
            { key: 'label', title: t('pareto.top'), fixed: 'left', render: () => t('pareto.revenueShare') },
            ...steps.map((p) => ({ key: String(p.customerShare), title: percent(env.language, p.customerShare, 0), align: 'right' as const, render: () => percent(env.language, p.revenueShare) })),
          ]}
        />
      }
    />
  );
}
