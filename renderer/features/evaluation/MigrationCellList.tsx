import { Table } from 'antd';
import type { ReactNode } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { UserText } from '../../components/UserText';
import { CLASS_CELL_MAX } from './ClassMetricCard';
import { classText, decimal, money, MOVEMENT_COLORS, type FigureEnv } from './figures';
import './evaluation.css';

export type MigrationCell = OutputOf<'reports:migration'>['cells'][number];

const keyOf = (c: string | null) => c ?? '';

/**
 * The non-empty cells of a migration as rows: under the Sankey, and instead of the matrix when a scheme has too many
 * classes for one. With `cellButton` each row's figures open the cell's customers.
 */
export function MigrationCellList({ env, cells, testId, cellButton }: { env: FigureEnv; cells: MigrationCell[]; testId: string; cellButton?: (c: MigrationCell) => ReactNode }) {
  const t = (key: string) => env.t(`evaluation:${key}`);
  return (
    <Table
      size="small"
      rowKey={(c) => `${keyOf(c.from)}>${keyOf(c.to)}`}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid={testId}
      dataSource={cells}
      // Beside a long class name a column of short words took what was left: "新进入" went down it a character a line, and
      // a long name wrapped over several lines. A class keeps to one line, cut with … (whole on hover); the change and
      // the figures never wrap, and their titles only between words.
      columns={[
        { key: 'from', title: t('migration.fromClass'), render: (_, c) => <UserText text={classText(env, c.from)} style={{ maxWidth: CLASS_CELL_MAX }} /> },
        { key: 'to', title: t('migration.toClass'), render: (_, c) => <UserText text={classText(env, c.to)} style={{ maxWidth: CLASS_CELL_MAX }} /> },
        { key: 'direction', title: t('columns.movement'), className: 'evaluation-figure', render: (_, c) => <span style={{ color: MOVEMENT_COLORS[c.direction] }}>{t(`movement.${c.direction}`)}</span> },
        cellButton
          ? { key: 'cell', title: `${t('columns.customers')} · ${t('columns.revenueInRange')}`, align: 'right' as const, className: 'evaluation-figure', render: (_: unknown, c: MigrationCell) => cellButton(c) }
          : { key: 'customers', title: t('columns.customers'), align: 'right' as const, className: 'evaluation-figure', render: (_: unknown, c: MigrationCell) => decimal(env.language, c.customers, 0) },
        ...(cellButton ? [] : [{ key: 'revenue', title: t('columns.revenueInRange'), align: 'right' as const, className: 'evaluation-figure', render: (_: unknown, c: MigrationCell) => money(env, c.revenueMinor) }]),
      ]}
    />
  );
}
