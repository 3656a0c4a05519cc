import { PictureOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Space } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../shared/domain/dates';
import { errorText } from '../../components/errors';
import { EChart, type ChartClick, type ChartHandle, type ChartOption } from '../../components/charts/EChart';
import { chartFileName, saveChartPng } from './save-chart';

interface Props {
  /** Names the card's test ids and the PNG's file name. */
  id: string;
  scheme: string;
  title: ReactNode;
  /** Shown instead of the chart and the table when there is nothing to draw: says what data is needed. */
  empty?: string | null;
  option: ChartOption;
  height?: number;
  onChartClick?: (event: ChartClick) => void;
  /** Controls beside the title (a metric switch). */
  extra?: ReactNode;
  /** The chart's numbers, under it. */
  table: ReactNode;
  /** Lines under the table (what a figure means, N, footnotes). */
  footer?: ReactNode;
  /** 'side': the table beside the chart on a wide screen (under it on a narrow one). */
  layout?: 'below' | 'side';
}

/** One chart of the dashboard: title, the chart, its numbers in a table, and "Save as PNG". */
export function ChartCard({ id, scheme, title, empty, option, height = 300, onChartClick, extra, table, footer, layout = 'below' }: Props) {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const chart = useRef<ChartHandle>(null);

  const savePng = async () => {
    const url = chart.current?.pngDataUrl();
    if (!url) return;
    try {
      const path = await saveChartPng(url, chartFileName(id, scheme, localDateOf(new Date())));
      if (path) void message.success({ content: t('savedPng', { path }), duration: 8 });
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  return (
    <Card
      size="small"
      data-testid={`card-${id}`}
      title={title}
      extra={
        <Space wrap>
          {extra}
          {empty ? null : (
            <Button size="small" icon={<PictureOutlined />} onClick={() => void savePng()} data-testid={`png-${id}`}>
              {t('savePng')}
            </Button>
          )}
        </Space>
      }
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={`empty-${id}`} />
      ) : layout === 'side' ? (
        <Row gutter={[16, 8]} align="middle">
          <Col xs={24} lg={10}>
            <EChart ref={chart} option={option} height={height} testId={`chart-${id}`} onClick={onChartClick} />
          </Col>
          <Col xs={24} lg={14}>
            {table}
            {footer}
          </Col>
        </Row>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <EChart ref={chart} option={option} height={height} testId={`chart-${id}`} onClick={onChartClick} />
          {table}
          {footer}
        </Space>
      )}
    </Card>
  );
}
