import { Button, Divider, Drawer, Form, InputNumber, message, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';

interface Props {
  open: boolean;
  onClose(): void;
  onSaved(): void;
}

/** The engine's effective config, as far as this form edits it (shares as percentages, as people write them). */
interface Values {
  windowAll: boolean;
  windowDays: number;
  platinum: number;
  gold: number;
  iron: number;
  high: number;
  medium: number;
  wR: number;
  wF: number;
  wM: number;
  wFollowUps: number;
  newDays: number;
  /** Pyramid ranks by predicted 12-month value instead of window revenue. */
  predictedBasis: boolean;
}

type Effective = {
  window: { kind: 'days'; days: number } | { kind: 'all' };
  pyramid: { platinumShare: number; goldShare: number; ironShare: number; basis: string };
  value: { highShare: number; mediumShare: number; weights: { r: number; f: number; m: number; followUps: number } };
  lifecycle: { newDays: number };
};

const pct = (share: number) => Math.round(share * 10_000) / 100;

function toValues(e: Effective): Values {
  return {
    windowAll: e.window.kind === 'all',
    windowDays: e.window.kind === 'days' ? e.window.days : 365,
    platinum: pct(e.pyramid.platinumShare),
    gold: pct(e.pyramid.goldShare),
    iron: pct(e.pyramid.ironShare),
    high: pct(e.value.highShare),
    medium: pct(e.value.mediumShare),
    wR: e.value.weights.r,
    wF: e.value.weights.f,
    wM: e.value.weights.m,
    wFollowUps: e.value.weights.followUps,
    newDays: e.lifecycle.newDays,
    predictedBasis: e.pyramid.basis === 'predicted',
  };
}

/** Only the edited sections are stored as overrides; everything else keeps following the shipped defaults. */
function toOverrides(v: Values): Record<string, unknown> {
  return {
    window: v.windowAll ? { kind: 'all' } : { kind: 'days', days: v.windowDays },
    pyramid: { platinumShare: v.platinum / 100, goldShare: v.gold / 100, ironShare: v.iron / 100, basis: v.predictedBasis ? 'predicted' : 'revenue' },
    value: { highShare: v.high / 100, mediumShare: v.medium / 100, weights: { r: v.wR, f: v.wF, m: v.wM, followUps: v.wFollowUps } },
    lifecycle: { newDays: v.newDays },
  };
}

/** Analysis window, pyramid and value cut-offs, value weights and the "new customer" period. */
export function SegmentationSettingsDrawer({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation('tiers');
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const windowAll = Form.useWatch('windowAll', form);

  useEffect(() => {
    if (!open) return;
    api('segments:config:get', {})
      .then(({ effective }) => form.setFieldsValue(toValues(effective as unknown as Effective)))
      .catch((e: unknown) => void message.error(errorText(e, t)));
  }, [open, form, t]);

  const save = async (overrides: Record<string, unknown>) => {
    setSaving(true);
    try {
      const { effective } = await api('segments:config:set', { overrides });
      form.setFieldsValue(toValues(effective as unknown as Effective));
      void message.success(t('common:saved'));
      onSaved();
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  const percent = (name: keyof Values) => (
    <Form.Item name={name} label={t(`config.${name}`)}>
      <InputNumber min={0} max={100} step={0.5} suffix="%" data-testid={`config-${name}`} />
    </Form.Item>
  );
  const weight = (name: keyof Values) => (
    <Form.Item name={name} label={t(`config.${name}`)}>
      <InputNumber min={0} max={100} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('config.title')}
      data-testid="segmentation-settings"
      extra={
        <Space>
          <Button onClick={() => void save({})}>{t('config.reset')}</Button>
          <Button type="primary" loading={saving} onClick={() => void form.validateFields().then((v) => save(toOverrides(v)))} data-testid="config-save">
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 12 }}>
        <Form.Item name="windowAll" label={t('config.windowAll')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="windowDays" label={t('config.windowDays')}>
          <InputNumber min={1} max={36_500} disabled={windowAll} />
        </Form.Item>
        <Divider>{t('schemes.pyramid')}</Divider>
        {percent('platinum')}
        {percent('gold')}
        {percent('iron')}
        <Form.Item name="predictedBasis" label={t('prediction:basis.label')} valuePropName="checked" extra={t('prediction:basis.help')}>
          <Switch data-testid="config-predictedBasis" />
        </Form.Item>
        <Divider>{t('schemes.value')}</Divider>
        {percent('high')}
        {percent('medium')}
        {weight('wR')}
        {weight('wF')}
        {weight('wM')}
        {weight('wFollowUps')}
        <Divider>{t('schemes.lifecycle')}</Divider>
        <Form.Item name="newDays" label={t('config.newDays')}>
          <InputNumber min={0} max={3650} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
