import { Card, Form, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLV_DISCOUNT_PERCENT_MAX, CLV_HORIZON_MONTHS_MAX } from '../../../shared/contract/settings';

/** The "Customer value (CLV)" card of the Settings form: horizon in months and monthly discount rate (fields of the settings form). */
export function ClvSettings() {
  const { t } = useTranslation('clv');
  const horizonRule = { required: true, type: 'integer' as const, min: 1, max: CLV_HORIZON_MONTHS_MAX, message: t('errors:issue.clv_horizon_range') };
  const discountRule = { required: true, type: 'number' as const, min: 0, max: CLV_DISCOUNT_PERCENT_MAX, message: t('errors:issue.clv_discount_range') };
  return (
    <Card title={t('title')} style={{ marginBottom: 16 }} data-testid="settings-clv">
      <Space wrap size="large" align="start">
        <Form.Item name="clvHorizonMonths" label={t('horizon')} extra={t('horizonHelp')} rules={[horizonRule]} style={{ maxWidth: 320 }}>
          <InputNumber data-testid="settings-clv-horizon" min={1} max={CLV_HORIZON_MONTHS_MAX} step={1} precision={0} suffix={t('horizonUnit')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="clvDiscountPercent" label={t('discount')} extra={t('discountHelp')} rules={[discountRule]} style={{ maxWidth: 320 }}>
          <InputNumber data-testid="settings-clv-discount" min={0} max={CLV_DISCOUNT_PERCENT_MAX} step={1} suffix="%" style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Typography.Text type="secondary">{t('appliesAtRecompute')}</Typography.Text>
    </Card>
  );
}
