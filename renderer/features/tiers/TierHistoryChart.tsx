import { Select, Space, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { EChart } from '../../components/charts/EChart';
import { formatDate } from '../../components/format';
import { historyChartOption } from './history-chart-option';
import { historyClasses } from './history-classes';
import { classLabel } from './labels';
import { useClassLabelEnv } from './use-tier-settings';

/**
 * The customer's class over time in one scheme, as a step line over the stored change points (a class holds
 * until the next one; the last holds until today), with the same change points in a table beneath.
 */
export function TierHistoryChart({ history, schemes, today }: { history: OutputOf<'segments:history'>; schemes: readonly string[]; today: string }) {
  const { t, i18n } = useTranslation('evaluation');
  const labelEnv = useClassLabelEnv();
  const language = i18n.language;
  const withHistory = schemes.filter((s) => (history.schemes[s]?.length ?? 0) > 0);
  const [scheme, setScheme] = useState<string>(withHistory[0] ?? 'pyramid');
  const changes = useMemo(() => history.schemes[scheme] ?? [], [history, scheme]);
  const label = useCallback((classKey: string | null) => (classKey === null ? t('history.unclassified') : classLabel(t, scheme, classKey, language, labelEnv)), [t, scheme, language, labelEnv]);

  const { option, height } = useMemo(() => {
    // Top class at the top: the category axis draws its first entry at the bottom.
    const classes = historyClasses(scheme, changes).reverse();
    const last = changes.at(-1);
    const points: [string, string][] = changes.map((c) => [c.asOf, label(c.classKey)]);
    if (last && last.asOf < today) points.push([today, label(last.classKey)]);
    return historyChartOption(classes.map(label), points);
  }, [scheme, changes, today, label]);

  if (withHistory.length === 0) return <Typography.Text type="secondary">{t('history.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="tier-history">
      <Space wrap>
        <Typography.Text strong>{t('history.title')}</Typography.Text>
        <Select
          aria-label={t('scheme')}
          data-testid="tier-history-scheme"
          style={{ width: 200 }}
          value={scheme}
          onChange={setScheme}
          options={withHistory.map((s) => ({ value: s, label: t(`tiers:schemes.${s}`) }))}
        />
      </Space>
      <EChart option={option} height={height} testId="tier-history-chart" />
      <Table
        size="small"
        pagination={false}
        rowKey="asOf"
        data-testid="tier-history-table"
        dataSource={[...changes].reverse()}
        columns={[
          { key: 'asOf', title: t('history.since'), render: (_, row) => formatDate(row.asOf, language) },
          { key: 'class', title: t('history.class'), render: (_, row) => label(row.classKey) },
        ]}
      />
    </Space>
  );
}
