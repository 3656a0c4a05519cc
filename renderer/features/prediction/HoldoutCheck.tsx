import { Alert, Button, Col, DatePicker, Row, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Holdout } from '../../../shared/contract/prediction';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { formatDate, formatShortDate } from '../../components/format';
import { EChart } from '../../components/charts/EChart';

const ACTUAL = '#1f6f5c';
const PREDICTED = '#d48806';

/** Split at a date, predict the period after it from the one before, and show both side by side with the numbers. */
export function HoldoutCheck() {
  const { t, i18n } = useTranslation('prediction');
  const [split, setSplit] = useState<Dayjs>(() => dayjs().subtract(6, 'month'));
  const [until, setUntil] = useState<Dayjs | null>(null);
  const [result, setResult] = useState<Holdout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const number = (v: number, digits = 2) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);

  const run = async () => {
    setRunning(true);
    try {
      setResult(await api('prediction:holdout', { split: split.format('YYYY-MM-DD'), until: until ? until.format('YYYY-MM-DD') : undefined }));
      setError(null);
    } catch (e) {
      // The last check's result was for other dates: left under the error it would read as this one's.
      setResult(null);
      setError(errorText(e, t));
    } finally {
      setRunning(false);
    }
  };

  const series = (name: string, color: string, type: 'bar' | 'line', data: number[]) => ({ name, type, data, itemStyle: { color }, lineStyle: { color }, showSymbol: false });
  const frequencyOption = useMemo(
    () =>
      result && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('holdout.actual'), t('holdout.predicted')] },
        grid: { left: 40, right: 16, top: 36, bottom: 40 },
        xAxis: { type: 'category', name: t('holdout.x'), nameLocation: 'middle', nameGap: 24, data: result.byFrequency.map((b) => (b.x === 7 ? '7+' : String(b.x))) },
        yAxis: { type: 'value' },
        series: [series(t('holdout.actual'), ACTUAL, 'bar', result.byFrequency.map((b) => b.actual)), series(t('holdout.predicted'), PREDICTED, 'bar', result.byFrequency.map((b) => b.predicted))],
      },
    [result, t],
  );
  const cumulativeOption = useMemo(
    () =>
      result && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('holdout.actual'), t('holdout.predicted')] },
        grid: { left: 48, right: 16, top: 36, bottom: 40 },
        xAxis: { type: 'category', name: t('holdout.week'), nameLocation: 'middle', nameGap: 24, data: result.cumulative.map((c) => String(c.week)) },
        yAxis: { type: 'value' },
        series: [series(t('holdout.actual'), ACTUAL, 'line', result.cumulative.map((c) => c.actual)), series(t('holdout.predicted'), PREDICTED, 'line', result.cumulative.map((c) => c.predicted))],
      },
    [result, t],
  );
  const last = result?.cumulative.at(-1);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('holdout.help')}</Typography.Paragraph>
      <Space wrap>
        <span>{t('holdout.split')}</span>
        <DatePicker data-testid="holdout-split" allowClear={false} value={split} onChange={(d) => d && setSplit(d)} />
        <span>{t('holdout.until')}</span>
        <DatePicker data-testid="holdout-until" value={until} onChange={setUntil} />
        <Button type="primary" data-testid="holdout-run" loading={running} onClick={() => void run()}>
          {t('holdout.run')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} data-testid="holdout-error" /> : null}
      {result && last ? (
        <Typography.Text data-testid="holdout-summary">
          {t('holdout.summary', { split: formatDate(result.split, i18n.language), days: result.holdoutDays, actual: number(last.actual, 0), predicted: number(last.predicted, 1) })}
        </Typography.Text>
      ) : null}
      {result && frequencyOption ? (
        <>
          <Typography.Title level={5}>{t('holdout.byFrequency')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <EChart option={frequencyOption} height={280} testId="holdout-frequency-chart" />
            </Col>
            <Col xs={24} lg={10}>
              <Table
                data-testid="holdout-frequency-table"
                size="small"
                pagination={false}
                rowKey="x"
                dataSource={result.byFrequency}
                columns={[
                  { key: 'x', title: t('holdout.x'), render: (_, b) => (b.x === 7 ? '7+' : b.x) },
                  { key: 'customers', title: t('holdout.customers'), dataIndex: 'customers', align: 'right' },
                  { key: 'actual', title: t('holdout.actual'), align: 'right', render: (_, b) => number(b.actual) },
                  { key: 'predicted', title: t('holdout.predicted'), align: 'right', render: (_, b) => number(b.predicted) },
                ]}
              />
            </Col>
          </Row>
          <Typography.Title level={5}>{t('holdout.cumulative')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <EChart option={cumulativeOption!} height={280} testId="holdout-cumulative-chart" />
            </Col>
            <Col xs={24} lg={10}>
              <Table
                data-testid="holdout-cumulative-table"
                size="small"
                rowKey="week"
                pagination={false}
                scroll={{ y: 260 }}
                dataSource={result.cumulative}
                columns={[
                  { key: 'week', title: t('holdout.week'), dataIndex: 'week', align: 'right' },
                  { key: 'date', title: t('holdout.date'), render: (_, c) => formatShortDate(c.date, i18n.language) },
                  { key: 'actual', title: t('holdout.actual'), align: 'right', render: (_, c) => number(c.actual, 0) },
                  { key: 'predicted', title: t('holdout.predicted'), align: 'right', render: (_, c) => number(c.predicted, 1) },
                ]}
              />
            </Col>
          </Row>
        </>
      ) : null}
    </Space>
  );
}
