import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace';
import { BestList } from './BestList';
import { HoldoutCheck } from './HoldoutCheck';
import { PageTitle } from '../../components/PageTitle';
import { formatPercent } from '../../components/format';

/** Predictions: the "likely to buy" best list and the holdout check of the model against what happened. */
export function PredictionPage() {
  const { t, i18n } = useTranslation('prediction');
  const { settings } = useWorkspace();
  const [tab, setTab] = useState('best');
  // Settings keep the rate in percent (1.5 is 1.5% a month); it is written as every percentage is.
  const rate = formatPercent(settings.clvDiscountPercent / 100, i18n.language, { digits: 2 });
  return (
    <div style={{ padding: 24 }}>
      <PageTitle>{t('title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="prediction-clv-basis">
        {t('clv:basis', { months: settings.clvHorizonMonths, rate })}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'best', label: <span data-testid="prediction-tab-best">{t('tabs.best')}</span>, children: <BestList /> },
          { key: 'holdout', label: <span data-testid="prediction-tab-holdout">{t('tabs.holdout')}</span>, children: <HoldoutCheck /> },
        ]}
      />
    </div>
  );
}
