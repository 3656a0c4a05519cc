import { Button, Divider, Drawer, Form, Input, InputNumber, message, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../../shared/domain/money';
import { PARTITION_FIELDS, TIER_BASES, type Partition, type TierBasis } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { lengthLimit } from '../../components/length-limit';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { groupText as groupWords } from './cut-text';
import { GroupThresholds, type PyramidThresholds } from './GroupThresholds';
import { saveWhenValid } from '../../components/save-when-valid';

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
  pyramidBasis: TierBasis;
  pyramidMode: 'shares' | 'thresholds';
  /** Thresholds in whole units of the base currency (¥500,000), as people write them. */
  platinumAt: number;
  goldAt: number;
  ironAt: number;
  valueBasis: TierBasis;
  valueMode: 'shares' | 'thresholds';
  highAt: number;
  mediumAt: number;
  /** 'none', a field, 'tag' or 'segment' (partitionTag / partitionSegment say which). */
  partitionKind: string;
  partitionTag: string;
  partitionSegment: string | undefined;
}

type Thresholds = Record<string, number>;
type Effective = {
  window: { kind: 'days'; days: number } | { kind: 'all' };
  pyramid: { platinumShare: number; goldShare: number; ironShare: number; basis: TierBasis; mode: 'shares' | 'thresholds'; thresholds: Thresholds; groupThresholds: Record<string, Thresholds> };
  value: {
    highShare: number;
    mediumShare: number;
    weights: { r: number; f: number; m: number; followUps: number };
    basis: TierBasis;
    mode: 'shares' | 'thresholds';
    thresholds: Thresholds;
    groupThresholds: Record<string, Thresholds>;
  };
  lifecycle: { newDays: number };
  partition: Partition;
};

const pct = (share: number) => Math.round(share * 10_000) / 100;

function partitionKindOf(p: Partition): string {
  return p.kind === 'field' ? p.field : p.kind;
}

function toPartition(v: Values): Partition {
  if (v.partitionKind === 'none') return { kind: 'none' };
  if (v.partitionKind === 'tag') return { kind: 'tag', tag: v.partitionTag.trim() };
  if (v.partitionKind === 'segment') return { kind: 'segment', segmentId: v.partitionSegment ?? '' };
  return { kind: 'field', field: v.partitionKind as (typeof PARTITION_FIELDS)[number] };
}

function toValues(e: Effective, unit: number): Values {
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
    pyramidBasis: e.pyramid.basis,
    pyramidMode: e.pyramid.mode,
    platinumAt: e.pyramid.thresholds.platinum! / unit,
    goldAt: e.pyramid.thresholds.gold! / unit,
    ironAt: e.pyramid.thresholds.iron! / unit,
    valueBasis: e.value.basis,
    valueMode: e.value.mode,
    highAt: e.value.thresholds.high!,
    mediumAt: e.value.thresholds.medium!,
    partitionKind: partitionKindOf(e.partition),
    partitionTag: e.partition.kind === 'tag' ? e.partition.tag : '',
    partitionSegment: e.partition.kind === 'segment' ? e.partition.segmentId : undefined,
  };
}

/**
 * Only the edited sections are stored as overrides; everything else keeps following the shipped defaults.
 * Per-group thresholds are not edited here and are kept as they are.
 */
function toOverrides(v: Values, unit: number, kept: Pick<Effective, 'pyramid' | 'value'> | null, pyramidGroups: Record<string, PyramidThresholds>): Record<string, unknown> {
  const minor = (units: number) => Math.round(units * unit);
  return {
    window: v.windowAll ? { kind: 'all' } : { kind: 'days', days: v.windowDays },
    pyramid: {
      platinumShare: v.platinum / 100,
      goldShare: v.gold / 100,
      ironShare: v.iron / 100,
      basis: v.pyramidBasis,
      mode: v.pyramidMode,
      thresholds: { platinum: minor(v.platinumAt), gold: minor(v.goldAt), iron: minor(v.ironAt) },
      groupThresholds: pyramidGroups,
    },
    value: {
      highShare: v.high / 100,
      mediumShare: v.medium / 100,
      weights: { r: v.wR, f: v.wF, m: v.wM, followUps: v.wFollowUps },
      basis: v.valueBasis,
      mode: v.valueMode,
      thresholds: { high: v.highAt, medium: v.mediumAt },
      groupThresholds: kept?.value.groupThresholds ?? {},
    },
    lifecycle: { newDays: v.newDays },
    partition: toPartition(v),
  };
}

/**
 * Analysis window; what pyramid and value tiers rank by (revenue, gross profit, predicted value), by shares
 * or fixed thresholds; the partition they are ranked within; value weights and the "new customer" period.
 */
export function SegmentationSettingsDrawer({ open, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const { settings } = useWorkspace();
  const currency = settings.baseCurrency;
  const unit = 10 ** minorDigits(currency);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [effective, setEffective] = useState<Effective | null>(null);
  const [segments, setSegments] = useState<{ id: string; name: string }[]>([]);
  // The saved partition's groups (from the pyramid overview) and the pyramid's per-group thresholds.
  const [groups, setGroups] = useState<string[]>([]);
  const [pyramidGroups, setPyramidGroups] = useState<Record<string, PyramidThresholds>>({});
  // Closing with changes not saved (Esc, × or a click beside the drawer) asks first, as the service policies do.
  const [edited, setEdited] = useState(false);
  const close = useConfirmDiscard(open && edited);
  const windowAll = Form.useWatch('windowAll', form);
  const pyramidMode = Form.useWatch('pyramidMode', form);
  const valueMode = Form.useWatch('valueMode', form);
  const partitionKind = Form.useWatch('partitionKind', form);
  const sharedAt = [Form.useWatch('platinumAt', form), Form.useWatch('goldAt', form), Form.useWatch('ironAt', form)].map((v: number | undefined) => Math.round((v ?? 0) * unit));

  // Unmounted fields (thresholds while cutting by shares, and the reverse) keep their values: the form is read
  // with getFieldsValue(true), so switching back and forth loses nothing.
  const show = (e: Effective) => {
    setEdited(false);
    setEffective(e);
    setPyramidGroups(e.pyramid.groupThresholds as Record<string, PyramidThresholds>);
    form.setFieldsValue(toValues(e, unit));
    if (e.partition.kind === 'none') setGroups([]);
    else
      api('segments:overview', { scheme: 'pyramid' })
        .then((o) => setGroups((o.groups ?? []).map((g) => g.group)))
        .catch(() => setGroups([]));
  };

  useEffect(() => {
    if (!open) return;
    api('segments:config:get', {})
      .then(({ effective: e }) => show(e as unknown as Effective))
      .catch((e: unknown) => void message.error(errorText(e, t)));
    api('segments:custom:list', {})
      .then((r) => setSegments(r.segments.map((s) => ({ id: s.id, name: s.name }))))
      .catch(() => undefined);
  }, [open, form, t, unit]);

  const save = async (overrides: Record<string, unknown>) => {
    setSaving(true);
    try {
      const { effective: e } = await api('segments:config:set', { overrides });
      show(e as unknown as Effective);
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
  const money = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={t(label)}>
      <InputNumber min={0} max={1e12} step={1000} suffix={currency} style={{ width: 200 }} data-testid={`config-${name}`} />
    </Form.Item>
  );
  const basisOptions = (allowPredicted: boolean) => TIER_BASES.filter((b) => allowPredicted || b !== 'predicted').map((b) => ({ value: b, label: t(`tierSettings:basis.${b}`) }));
  const modeRadio = (name: 'pyramidMode' | 'valueMode') => (
    <Form.Item name={name} label={t('tierSettings:mode.label')}>
      <Radio.Group data-testid={`config-${name}`}>
        <Radio value="shares">{t('tierSettings:mode.shares')}</Radio>
        <Radio value="thresholds">{t('tierSettings:mode.thresholds')}</Radio>
      </Radio.Group>
    </Form.Item>
  );
  const perGroup = (scheme: 'pyramid' | 'value') => {
    const kept = Object.keys(effective?.[scheme].groupThresholds ?? {});
    return kept.length > 0 ? <Typography.Paragraph type="secondary">{t('tierSettings:thresholds.perGroupKept', { groups: kept.join(', ') })}</Typography.Paragraph> : null;
  };
  // Per-group pyramid thresholds are edited for the saved partition's groups; a partition just picked in the
  // form shows its groups once saved.
  const savedPartition = effective ? (effective.partition.kind === 'field' ? effective.partition.field : effective.partition.kind) : 'none';
  const names = { tag: effective?.partition.kind === 'tag' ? effective.partition.tag : undefined, segmentName: segments.find((s) => effective?.partition.kind === 'segment' && s.id === effective.partition.segmentId)?.name };
  const pyramidPerGroup =
    effective && groups.length > 0 && partitionKind === savedPartition ? (
      // Full width: a label column beside a four-column table would not fit the drawer at 1366×768.
      <Form.Item wrapperCol={{ span: 24 }} extra={t('tierSettings:thresholds.perGroupHelp')}>
        <Typography.Text strong>{t('tierSettings:thresholds.perGroup')}</Typography.Text>
        <GroupThresholds
          groups={groups}
          groupText={(g) => groupWords(t, savedPartition, g, names, i18n.language)}
          unit={unit}
          currency={currency}
          shared={{ platinum: sharedAt[0]!, gold: sharedAt[1]!, iron: sharedAt[2]! }}
          value={pyramidGroups}
          onChange={(next) => {
            setPyramidGroups(next);
            setEdited(true);
          }}
        />
      </Form.Item>
    ) : (
      perGroup('pyramid')
    );
  const weight = (name: keyof Values) => (
    <Form.Item name={name} label={t(`config.${name}`)}>
      <InputNumber min={0} max={100} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={() => close(onClose)}
      size={640}
      title={t('config.title')}
      data-testid="segmentation-settings"
      extra={
        <Space>
          <Button onClick={() => void save({})}>{t('config.reset')}</Button>
          <Button type="primary" loading={saving} onClick={() => void saveWhenValid(form, () => save(toOverrides(form.getFieldsValue(true) as Values, unit, effective, pyramidGroups)))} data-testid="config-save">
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 12 }} onValuesChange={() => setEdited(true)}>
        <Form.Item name="windowAll" label={t('config.windowAll')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="windowDays" label={t('config.windowDays')}>
          <InputNumber min={1} max={36_500} disabled={windowAll} />
        </Form.Item>
        <Divider>{t('tierSettings:partition.label')}</Divider>
        <Form.Item name="partitionKind" label={t('tierSettings:partition.label')} extra={t('tierSettings:partition.help')}>
          <Select
            data-testid="config-partition"
            options={['none', ...PARTITION_FIELDS, 'tag', 'segment'].map((k) => ({ value: k, label: t(`tierSettings:partition.${k}`) }))}
          />
        </Form.Item>
        {partitionKind === 'tag' ? (
          <Form.Item name="partitionTag" label={t('tierSettings:partition.tagName')} rules={[{ required: true, whitespace: true, message: t('errors:issue.required') }, lengthLimit(t, i18n.language, 100)]}>
            <Input data-testid="config-partitionTag" />
          </Form.Item>
        ) : null}
        {partitionKind === 'segment' ? (
          <Form.Item name="partitionSegment" label={t('tierSettings:partition.segmentName')} rules={[{ required: true, message: t('errors:issue.required') }]}>
            <Select data-testid="config-partitionSegment" options={segments.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : null}
        <Divider>{t('schemes.pyramid')}</Divider>
        <Form.Item name="pyramidBasis" label={t('tierSettings:basis.label')} extra={t('tierSettings:basis.help')}>
          <Select data-testid="config-pyramidBasis" options={basisOptions(true)} />
        </Form.Item>
        {modeRadio('pyramidMode')}
        {pyramidMode === 'thresholds' ? (
          <>
            {money('platinumAt', 'tierSettings:thresholds.platinum')}
            {money('goldAt', 'tierSettings:thresholds.gold')}
            {money('ironAt', 'tierSettings:thresholds.iron')}
            {pyramidPerGroup}
          </>
        ) : (
          <>
            {percent('platinum')}
            {percent('gold')}
            {percent('iron')}
          </>
        )}
        <Divider>{t('schemes.value')}</Divider>
        <Form.Item name="valueBasis" label={t('tierSettings:basis.valueLabel')}>
          <Select data-testid="config-valueBasis" options={basisOptions(true)} />
        </Form.Item>
        {modeRadio('valueMode')}
        {valueMode === 'thresholds' ? (
          <>
            <Form.Item name="highAt" label={t('tierSettings:thresholds.high')}>
              <InputNumber min={0} max={10_000} data-testid="config-highAt" />
            </Form.Item>
            <Form.Item name="mediumAt" label={t('tierSettings:thresholds.medium')}>
              <InputNumber min={0} max={10_000} data-testid="config-mediumAt" />
            </Form.Item>
            {perGroup('value')}
          </>
        ) : (
          <>
            {percent('high')}
            {percent('medium')}
          </>
        )}
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
