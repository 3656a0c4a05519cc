import { Alert, Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { formatDate } from '../../components/format';
import { ChartCard } from './ChartCard';
import { HEATMAP_GRID, heatmapOption, MATRIX_MAX, sankeyHeight, sankeyOption } from './chart-options';
import { ClassCell } from './ClassMetricCard';
import { classText, decimal, money, MOVEMENT_COLORS, MOVEMENT_KINDS, type FigureEnv } from './figures';
import { MigrationCellList, type MigrationCell } from './MigrationCellList';
import { MigrationMembers, type MigrationCellRef } from './MigrationMembers';

type Migration = OutputOf<'reports:migration'>;
type Measure = 'customers' | 'revenue';

const keyOf = (c: string | null) => c ?? '';

/** Who moved between classes from one day to another: heatmap, Sankey, the matrix as a table, and a cell's customers. */
export function MigrationCard({ env, scheme, defaultFrom, defaultTo }: { env: FigureEnv; scheme: string; defaultFrom: string; defaultTo: string }) {
  const { t } = useTranslation('evaluation');
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [measure, setMeasure] = useState<Measure>('customers');
  const [data, setData] = useState<Migration | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cell, setCell] = useState<MigrationCellRef | null>(null);

  useEffect(() => {
    setFrom(defaultFrom);
    setTo(defaultTo);
  }, [defaultFrom, defaultTo]);

  useEffect(() => {
    let cancelled = false;
    setCell(null);
    api('reports:migration', { scheme, from, to })
      .then((next) => {
        if (cancelled) return;
        setData(next);
        setError(null);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setData(null);
        setError(errorText(e, t));
      });
    return () => {
      cancelled = true;
    };
  }, [scheme, from, to, t]);

  // Rows and columns: the scheme's classes best first, then "in no class" when someone was.
  const axis = useMemo(() => {
    if (!data) return [] as (string | null)[];
    const keys: (string | null)[] = data.classes.map((c) => c.key);
    return data.cells.some((c) => c.from === null || c.to === null) ? [...keys, null] : keys;
  }, [data]);
  const responsible = new Map(data?.classes.map((c) => [c.key, c.responsible]) ?? []);
  const cellAt = (f: string | null, to_: string | null) => data?.cells.find((c) => c.from === f && c.to === to_);
  const measureOf = (c: { customers: number; revenueMinor: number }) => (measure === 'customers' ? c.customers : c.revenueMinor);
  const measureText = (v: number) => (measure === 'customers' ? decimal(env.language, v, 0) : money(env, v));

  const heatmap = useMemo(() => {
    if (!data) return {};
    const cells = data.cells.map((c) => ({ to: axis.indexOf(c.to), from: axis.indexOf(c.from), value: measureOf(c) }));
    return heatmapOption(axis.map((c) => classText(env, c)), cells, { toName: t('migration.to', { date: formatDate(data.toSnapshot, env.language) }), valueText: measureText, counts: measure === 'customers' });
    // measureOf/measureText follow measure and env.
  }, [data, axis, env, measure, t]);

  const sankey = useMemo(() => (data ? sankeyOption(data.cells, axis, env) : {}), [data, axis, env]);

  const pick = (f: string | null, to_: string | null) => setCell(cellAt(f, to_) ? { from: f, to: to_ } : null);
  const picker = (value: string, set: (v: string) => void, testId: string) => (
    <DatePicker size="small" allowClear={false} value={dayjs(value)} onChange={(d) => d && set(d.format('YYYY-MM-DD'))} data-testid={testId} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
  );
  const controls = (
    <Space wrap>
      <span>{t('migration.between')}</span>
      {picker(from, setFrom, 'migration-from')}
      <span>→</span>
      {picker(to, setTo, 'migration-to')}
      <Segmented size="small" value={measure} onChange={(v) => setMeasure(v as Measure)} options={[{ value: 'customers', label: t('migration.customers') }, { value: 'revenue', label: t('migration.revenue') }]} data-testid="migration-measure" />
    </Space>
  );

  if (error || !data || data.cells.length === 0) {
    return (
      <Card size="small" title={t('cards.migration')} extra={controls} data-testid="card-migration">
        {error ? <Alert type="info" showIcon title={error} description={t('empty.migration')} data-testid="empty-migration" /> : data ? <Empty description={t('empty.migration')} data-testid="empty-migration" /> : null}
      </Card>
    );
  }
  const totals = data.totals;
  const wide = axis.length > MATRIX_MAX;
  const cellButton = (c: MigrationCell) => {
    const selected = cell && cell.from === c.from && cell.to === c.to;
    return (
      <Button
        type={selected ? 'primary' : 'link'}
        size="small"
        onClick={() => pick(c.from, c.to)}
        data-testid={`migration-cell-${keyOf(c.from) || '_'}-${keyOf(c.to) || '_'}`}
        data-customers={c.customers}
        style={{ color: selected ? undefined : MOVEMENT_COLORS[c.direction] }}
      >
        {decimal(env.language, c.customers, 0)} · {money(env, c.revenueMinor)}
      </Button>
    );
  };
  const cellList = (clickable: boolean) => <MigrationCellList env={env} cells={data.cells} testId={clickable ? 'table-migration' : 'table-sankey'} cellButton={clickable ? cellButton : undefined} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('cards.migration')} extra={controls} data-testid="card-migration">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('migration.snapshots', { from: formatDate(data.fromSnapshot, env.language), to: formatDate(data.toSnapshot, env.language) })}
        </Typography.Paragraph>
        <Row gutter={[16, 8]} data-testid="migration-totals" data-scheme={data.scheme} data-from={data.from} data-to={data.to}>
          {MOVEMENT_KINDS.map((k) => (
            <Col key={k} xs={8} md={4}>
              <Statistic title={t(`movement.${k}`)} value={totals[k] ?? '—'} styles={{ content: { color: MOVEMENT_COLORS[k], fontSize: 20 } }} data-testid={`migration-total-${k}`} />
            </Col>
          ))}
        </Row>
      </Card>
      <ChartCard
        id="migration-heatmap"
        scheme={scheme}
        title={t('cards.heatmap')}
        option={heatmap}
        height={HEATMAP_GRID.top + HEATMAP_GRID.bottom + Math.min(36 * axis.length, 720)}
        onChartClick={(e) => {
          const [x, y] = e.data as number[];
          pick(axis[y!] ?? null, axis[x!] ?? null);
        }}
        footer={<Typography.Text type="secondary">{t('migration.clickHint')}</Typography.Text>}
        table={
          wide ? cellList(true) : (
            <Table
              size="small"
              rowKey={(row) => keyOf(row.from)}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="table-migration"
              dataSource={axis.map((f) => ({ from: f }))}
              columns={[
                { key: 'from', title: t('migration.fromTo'), fixed: 'left', render: (_, row) => <ClassCell env={env} classKey={keyOf(row.from)} responsible={row.from ? responsible.get(row.from) : null} /> },
                ...axis.map((to_) => ({
                  key: keyOf(to_),
                  title: classText(env, to_),
                  align: 'right' as const,
                  render: (_: unknown, row: { from: string | null }) => {
                    const c = cellAt(row.from, to_);
                    return c ? cellButton(c) : '·';
                  },
                })),
              ]}
            />
          )
        }
      />
      {cell ? <MigrationMembers env={env} scheme={scheme} from={from} to={to} cell={cell} /> : null}
      <ChartCard
        id="migration-sankey"
        scheme={scheme}
        title={t('cards.sankey')}
        option={sankey}
        height={sankeyHeight(axis.length)}
        table={cellList(false)}
      />
    </Space>
  );
}
