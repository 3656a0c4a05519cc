import { Alert, Card, Descriptions, Progress, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { FigureText } from '../../components/FigureText';
import { formatDate, formatMoney } from '../../components/format';
import { sayWhy, whySentence } from './why-sentence';
import { pAliveEstimated } from '../../../shared/prediction/once';
import { PAliveText } from './PAliveText';
import { scoreText } from './chance-text';

const CONFIDENCE_COLOR = { high: 'green', medium: 'blue', low: 'default' } as const;

/** On the customer file: the purchase-likelihood score, its sentence of why, and the value forecast. */
export function PredictionSummary({ customerId, reloadKey, hasSales, inTrash }: { customerId: string; reloadKey: unknown; hasSales: boolean; inTrash: boolean }) {
  const { t, i18n } = useTranslation('prediction');
  const { settings } = useWorkspace();
  const [page, setPage] = useState<OutputOf<'prediction:customers'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api('prediction:customers', { customerId, storedOnly: true, limit: 1 })
      .then((next) => !cancelled && (setPage(next), setError(null)))
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [customerId, reloadKey, t]);

  // A customer in the trash is not predicted (a row stored before the delete is stale, and "before their first order" false).
  if (inTrash) return <Typography.Paragraph type="secondary" data-testid="prediction-none">{t('inTrash')}</Typography.Paragraph>;
  if (error) return <Alert type="info" showIcon title={error} style={{ marginBottom: 12 }} />;
  if (!page) return <Spin />;
  // The last recompute found nothing to learn from (nobody has bought on a second day): say so, with no figures.
  if (page.refused) return <Typography.Paragraph type="secondary" data-testid="prediction-refused">{t('refused', { count: page.refused.customers, date: formatDate(page.asOf, i18n.language) })}</Typography.Paragraph>;
  const row = page.rows[0];
  // The predictions are refitted when the tiers are stored: a customer whose first order came since is not in them yet.
  const none = !page.model ? 'notYet' : hasSales ? 'sinceFit' : 'noOrders';
  if (!row) return <Typography.Paragraph type="secondary" data-testid="prediction-none">{t(none, { date: formatDate(page.asOf, i18n.language) })}</Typography.Paragraph>;
  // Stored figures of a customer changed since the fit are from before: an order deleted since still counted.
  if (page.changedSince && !hasSales) return <Typography.Paragraph type="secondary" data-testid="prediction-none">{t('changedNoOrders', { date: formatDate(page.asOf, i18n.language) })}</Typography.Paragraph>;
  const why = whySentence(row);
  const number = (v: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v);
  const money = (minor: number) => formatMoney(minor, settings.baseCurrency, i18n.language);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="prediction-summary">
      {page.changedSince && <Alert type="warning" showIcon title={t('changedSince', { date: formatDate(page.asOf, i18n.language) })} style={{ marginBottom: 12 }} data-testid="prediction-changed" />}
      {/* The figures take the card's width (in a column capped at 620 px, CN¥160,743,227.84 ran into the CLV beside it):
          each stays in its own box, cut with … and whole on hover where even the card is too narrow. */}
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 24 }}>
        <Tooltip title={t('scoreHelp')}>
          <Progress type="circle" size={64} percent={row.score} aria-label={t('score')} format={() => <span data-testid="prediction-score">{scoreText(row.score, t, i18n.language)}</span>} />
        </Tooltip>
        <Space orientation="vertical" size={4} style={{ flex: '1 1 auto', minWidth: 0, maxWidth: 900 }}>
          <Typography.Text strong data-testid="prediction-why">
            {sayWhy(t, why)}
          </Typography.Text>
          <Space wrap size={4}>
            <Tag color={CONFIDENCE_COLOR[row.confidence]} data-testid="prediction-confidence">{t(`confidence.${row.confidence}`)}</Tag>
            <Tooltip title={t(`methodHelp.${row.method}`)}>
              <Tag color={row.method === 'shrunk' ? 'orange' : undefined} data-testid="prediction-method">{t(`method.${row.method}`)}</Tag>
            </Tooltip>
            <Typography.Text type="secondary">{t('asOf', { date: formatDate(page.asOf, i18n.language) })}</Typography.Text>
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'pAlive', label: t('pAlive'), children: <span data-testid="prediction-palive"><PAliveText pAlive={row.pAlive} estimated={pAliveEstimated(row.purchases)} note /></span> },
              { key: 'expected', label: t('expected'), children: t('next', { d30: number(row.expectedPurchases.d30), d90: number(row.expectedPurchases.d90), d365: number(row.expectedPurchases.d365) }) },
              // Amounts never break inside the number (a narrow English column split CN¥15,620.|76).
              { key: 'value', label: t('expectedValue'), children: <FigureText text={money(row.expectedOrderValueMinor)} testId="prediction-value" /> },
              { key: 'clv', label: t('clv'), children: <FigureText text={money(row.clvMinor)} testId="prediction-clv" /> },
            ]}
          />
        </Space>
      </div>
    </Card>
  );
}
