import { Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { formatMoney } from '../../components/format';
import { ClassTag } from './ClassTag';
import { groupRfmCells, type SummaryRow } from './rfm-groups';
import { classLabel, type ClassLabelEnv } from './labels';
import { shareCell } from './share-cell';

type Overview = OutputOf<'segments:overview'>;

interface Props {
  overview: Overview;
  selected: string | undefined;
  onSelect(classKey: string | undefined): void;
  /** The window, bases and spellings the page read once (use-tier-settings.ts); today's wording until read. */
  labels?: ClassLabelEnv;
}

/**
 * Each class with its count, window revenue and revenue share; a click narrows the member list to it.
 * RFM's cells are grouped under their R×F segment (a click on a segment opens it), never 70 bare codes.
 */
export function ClassSummary({ overview, selected, onSelect, labels = {} }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const language = i18n.language;
  // Long vocabularies (125 RFM codes, 250 countries) list only what occurs; short ones show empty tiers too.
  const classes = overview.classes.length > 12 ? overview.classes.filter((c) => c.count > 0) : overview.classes;
  const rows: SummaryRow[] = overview.scheme === 'rfm' ? groupRfmCells(classes) : classes;
  const isGroup = (row: SummaryRow) => row.classKey.startsWith('segment:');
  return (
    <Table<SummaryRow>
      size="small"
      data-testid="class-summary"
      rowKey="classKey"
      pagination={false}
      scroll={{ y: 260 }}
      dataSource={rows}
      expandable={{ expandRowByClick: true, indentSize: 12 }}
      rowClassName={(row) => (row.classKey === selected ? 'ant-table-row-selected' : '')}
      onRow={(row) =>
        ({
          onClick: isGroup(row) ? undefined : () => onSelect(row.classKey === selected ? undefined : row.classKey),
          style: { cursor: 'pointer' },
          'data-class': row.classKey,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'classKey',
          title: t('columns.classKey'),
          render: (_, row) =>
            isGroup(row) ? (
              <ClassTag scheme="rf_segment" classKey={row.classKey.slice('segment:'.length)} label={classLabel(t, 'rf_segment', row.classKey.slice('segment:'.length), language, labels)} />
            ) : (
              <ClassTag scheme={overview.scheme} classKey={row.classKey} label={classLabel(t, overview.scheme, row.classKey, language, labels)} />
            ),
        },
        { key: 'count', title: t('columns.count'), dataIndex: 'count', align: 'right', width: 110 },
        {
          key: 'revenueMinor',
          title: t('columns.revenueMinor'),
          align: 'right',
          width: 170,
          render: (_, row) => formatMoney(row.revenueMinor, overview.baseCurrency, language),
        },
        {
          key: 'revenueShare',
          title: t('columns.revenueShare'),
          width: 200,
          render: (_, row) => {
            // From the amounts, not the stored share: a group row sums its cells' revenue.
            const cell = shareCell(row.revenueMinor, overview.revenueMinor, language);
            return cell ? <Progress percent={cell.bar} aria-label={t('columns.revenueShare')} format={() => cell.text} status="normal" size="small" /> : '—';
          },
        },
      ]}
    />
  );
}
