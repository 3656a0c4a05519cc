import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Form, Input, InputNumber, List, message, Popconfirm, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomSegmentRow } from '../../../shared/contract/segmentation';
import { minorDigits } from '../../../shared/domain/money';
import { classKeysOf, CLOSED_SCHEME_KEYS, PROFILE_FIELDS, RULE_METRICS, type Condition, type RuleGroup } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { classLabel } from './labels';

interface Props {
  open: boolean;
  baseCurrency: string;
  onClose(): void;
  onChanged(): void;
}

/** One row of the editor; money metrics are typed in currency units and stored in minor units. */
interface Row {
  kind: 'metric' | 'tag' | 'field' | 'in_scheme';
  metric?: (typeof RULE_METRICS)[number];
  op?: string;
  value?: number | string;
  field?: (typeof PROFILE_FIELDS)[number];
  scheme?: (typeof CLOSED_SCHEME_KEYS)[number];
  classes?: string[];
}

const MONEY = new Set(['revenue', 'averageOrderValue']);
const METRIC_OPS = ['gte', 'gt', 'lte', 'lt', 'eq'];
const FIELD_OPS = ['equals', 'not_equals', 'contains', 'is_empty', 'is_not_empty'];

function toCondition(row: Row, digits: number): Condition {
  switch (row.kind) {
    case 'metric': {
      const value = Number(row.value ?? 0);
      return { kind: 'metric', metric: row.metric!, op: row.op as 'gte', value: MONEY.has(row.metric!) ? Math.round(value * 10 ** digits) : value };
    }
    case 'tag':
      return { kind: 'tag', op: (row.op ?? 'has') as 'has', tag: String(row.value ?? '') };
    case 'field':
      return row.op === 'is_empty' || row.op === 'is_not_empty'
        ? { kind: 'field', field: row.field!, op: row.op }
        : { kind: 'field', field: row.field!, op: (row.op ?? 'equals') as 'equals', value: String(row.value ?? '') };
    case 'in_scheme':
      return { kind: 'in_scheme', scheme: row.scheme!, classes: row.classes ?? [] };
  }
}

/** Custom segments: a name and conditions joined by "all" or "any"; the engine computes the members. */
export function CustomSegmentsDrawer({ open, baseCurrency, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const [form] = Form.useForm<{ name: string; op: 'and' | 'or'; rows: Row[] }>();
  const [segments, setSegments] = useState<CustomSegmentRow[]>([]);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!open) return;
    api('segments:custom:list', {})
      .then((r) => setSegments(r.segments))
      .catch((e: unknown) => void message.error(errorText(e, t)));
  }, [open, reloads, t]);

  const save = async () => {
    const v = await form.validateFields();
    const rule: RuleGroup = { kind: 'group', op: v.op, conditions: (v.rows ?? []).map((r) => toCondition(r, minorDigits(baseCurrency))) };
    try {
      await api('segments:custom:save', { name: v.name, rule });
      void message.success(t('common:saved'));
      form.resetFields();
      setReloads((n) => n + 1);
      onChanged();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const remove = async (id: string) => {
    await api('segments:custom:delete', { id }).catch((e: unknown) => void message.error(errorText(e, t)));
    setReloads((n) => n + 1);
    onChanged();
  };

  return (
    <Drawer open={open} onClose={onClose} size={760} title={t('custom.title')} data-testid="custom-segments">
      <List
        size="small"
        dataSource={segments}
        locale={{ emptyText: t('custom.none') }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Popconfirm key="delete" title={t('common:confirmDelete')} onConfirm={() => void remove(s.id)}>
                <Button size="small" icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
              </Popconfirm>,
            ]}
          >
            {s.name}
          </List.Item>
        )}
      />
      <Form form={form} layout="vertical" initialValues={{ op: 'and', rows: [{ kind: 'metric', metric: 'revenue', op: 'gte' }] }} style={{ marginTop: 16 }}>
        <Form.Item name="name" label={t('custom.name')} rules={[{ required: true, whitespace: true, message: t('errors:issue.required') }]}>
          <Input maxLength={80} data-testid="custom-name" />
        </Form.Item>
        <Form.Item name="op" label={t('custom.match')}>
          <Radio.Group options={[{ value: 'and', label: t('custom.all') }, { value: 'or', label: t('custom.any') }]} />
        </Form.Item>
        <Form.List name="rows">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((f) => (
                <Form.Item key={f.key} noStyle shouldUpdate>
                  {() => {
                    const row: Row = form.getFieldValue(['rows', f.name]) ?? { kind: 'metric' };
                    return (
                      <Space wrap style={{ marginBottom: 8 }} data-testid="custom-condition">
                        <Form.Item name={[f.name, 'kind']} noStyle>
                          <Select style={{ width: 120 }} options={(['metric', 'tag', 'field', 'in_scheme'] as const).map((k) => ({ value: k, label: t(`custom.kinds.${k}`) }))} />
                        </Form.Item>
                        {row.kind === 'metric' ? (
                          <>
                            <Form.Item name={[f.name, 'metric']} noStyle initialValue="revenue">
                              <Select style={{ width: 150 }} options={RULE_METRICS.map((m) => ({ value: m, label: t(`custom.metrics.${m}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'op']} noStyle initialValue="gte">
                              <Select style={{ width: 80 }} options={METRIC_OPS.map((o) => ({ value: o, label: t(`custom.ops.${o}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'value']} noStyle>
                              <InputNumber style={{ width: 140 }} data-testid="custom-value" />
                            </Form.Item>
                          </>
                        ) : null}
                        {row.kind === 'tag' ? (
                          <>
                            <Form.Item name={[f.name, 'op']} noStyle initialValue="has">
                              <Select style={{ width: 100 }} options={['has', 'lacks'].map((o) => ({ value: o, label: t(`custom.ops.${o}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'value']} noStyle>
                              <Input style={{ width: 160 }} />
                            </Form.Item>
                          </>
                        ) : null}
                        {row.kind === 'field' ? (
                          <>
                            <Form.Item name={[f.name, 'field']} noStyle initialValue="city">
                              <Select style={{ width: 130 }} options={PROFILE_FIELDS.map((p) => ({ value: p, label: t(`custom.fields.${p}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'op']} noStyle initialValue="equals">
                              <Select style={{ width: 110 }} options={FIELD_OPS.map((o) => ({ value: o, label: t(`custom.ops.${o}`) }))} />
                            </Form.Item>
                            {row.op === 'is_empty' || row.op === 'is_not_empty' ? null : (
                              <Form.Item name={[f.name, 'value']} noStyle>
                                <Input style={{ width: 160 }} />
                              </Form.Item>
                            )}
                          </>
                        ) : null}
                        {row.kind === 'in_scheme' ? (
                          <>
                            <Form.Item name={[f.name, 'scheme']} noStyle initialValue="pyramid">
                              <Select style={{ width: 150 }} options={CLOSED_SCHEME_KEYS.map((s) => ({ value: s, label: t(`schemes.${s}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'classes']} noStyle>
                              <Select
                                mode="multiple"
                                style={{ minWidth: 200 }}
                                options={(classKeysOf(row.scheme ?? 'pyramid') ?? []).map((c) => ({ value: c, label: classLabel(t, row.scheme ?? 'pyramid', c, i18n.language) }))}
                              />
                            </Form.Item>
                          </>
                        ) : null}
                        <Button size="small" icon={<DeleteOutlined />} onClick={() => drop(f.name)} aria-label={t('common:actions.delete')} />
                      </Space>
                    );
                  }}
                </Form.Item>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'metric', metric: 'revenue', op: 'gte' })} style={{ display: 'block', marginBottom: 16 }}>
                {t('custom.addCondition')}
              </Button>
            </>
          )}
        </Form.List>
        <Button type="primary" onClick={() => void save().catch(() => undefined)} data-testid="custom-save">
          {t('custom.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
