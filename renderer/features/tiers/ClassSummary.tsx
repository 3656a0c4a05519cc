import { Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { formatMoney } from '../../components/format';
import { classLabel } from './labels';

type Overview = OutputOf<'segments:overview'>;

interface Props {
  overview: Overview;
  selected: string | undefined;
  onSelect(classKey: string | undefined): void;
}

/** Each class with its count, window revenue and revenue share; a click narrows the member list to it. */
export function ClassSummary({ overview, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const language = i18n.language;
  // Long vocabularies (125 RFM codes, 250 countries) list only what occurs; short ones show empty tiers too.
  const classes = overview.classes.length > 12 ? overview.classes.filter((c) => c.count > 0) : overview.classes;
  return (
    <Table
      size="small"
      data-testid="class-summary"
      rowKey="classKey"
      pagination={false}
      scroll={{ y: 260 }}
      dataSource={classes}
      rowClassName={(row) => (row.classKey === selected ? 'ant-table-row-selected' : '')}
      onRow={(row) => ({ onClick: () => onSelect(row.classKey === selected ? undefined : row.classKey), style: { cursor: 'pointer' }, 'data-class': row.classKey }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'classKey', title: t('columns.classKey'), render: (_, row) => classLabel(t, overview.scheme, row.classKey, language) },
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
          render: (_, row) => <Progress percent={Math.round(row.revenueShare * 1000) / 10} size="small" />,
        },
      ]}
    />
  );
}
