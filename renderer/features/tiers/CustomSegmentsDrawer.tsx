import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Drawer, Form, Input, InputNumber, List, message, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { CustomSegmentRow } from '../../../shared/contract/segmentation';
import { classKeysOf, CLOSED_SCHEME_KEYS, PROFILE_FIELDS, RULE_METRICS, type RuleGroup } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { clearErrorsOnEdit, errorText, showRefusal } from '../../components/errors';
import { lengthLimit } from '../../components/length-limit';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { COUNTRY_CODES } from '../../components/format';
import { boxesOfEditedRows, fieldOfSegmentIssue, fieldWithoutValue, toCondition, toRows, type Row } from './custom-rows';
import { saveWhenValid } from '../../components/save-when-valid';
import { classLabel } from './labels';
import { useClassLabelEnv } from './use-tier-settings';
import { fieldValueLabel, KEYED_FIELDS, opLabel, ruleLines } from './rule-text';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';

interface Props {
  open: boolean;
  baseCurrency: string;
  onClose(): void;
  onChanged(): void;
}

type Facets = OutputOf<'customers:facets'>;
type Values = { name: string; op: 'and' | 'or'; rows: Row[] };

const METRIC_OPS = ['gte', 'gt', 'lte', 'lt', 'eq'];
const TEXT_FIELD_OPS = ['equals', 'not_equals', 'contains', 'is_empty', 'is_not_empty'];
// A keyed field compares whole keys: "contains" on 'non_local' would also match 'local'.
const KEYED_FIELD_OPS = ['equals', 'not_equals', 'in', 'is_empty', 'is_not_empty'];
const NEW_ROW: Row = { kind: 'metric', metric: 'revenue', op: 'gte' };
const ROW_DEFAULTS: Record<Row['kind'], Row> = {
  metric: NEW_ROW,
  tag: { kind: 'tag', op: 'has' },
  field: { kind: 'field', field: 'city', op: 'equals' },
  in_scheme: { kind: 'in_scheme', scheme: 'pyramid', classes: [] },
};

/** The choices of a keyed field as translated options; null for free-text fields. */
function fieldChoices(field: string | undefined, facets: Facets, label: (value: string) => string): { value: string; label: string }[] | null {
  const vocabulary = field ? KEYED_FIELDS[field as keyof typeof KEYED_FIELDS] : undefined;
  if (!vocabulary) return null;
  const values =
    vocabulary === 'country' ? [...new Set([...facets.countries, ...COUNTRY_CODES])] : vocabulary === 'source' ? facets.sources : vocabulary === 'owner' ? facets.owners : vocabulary;
  return values.map((value) => ({ value, label: label(value) }));
}

/** Custom segments: a name and conditions joined by "all" or "any"; the engine computes the members. Saved ones can be viewed and edited. */
export function CustomSegmentsDrawer({ open, baseCurrency, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const language = i18n.language;
  const [form] = Form.useForm<Values>();
  const [segments, setSegments] = useState<CustomSegmentRow[]>([]);
  const [facets, setFacets] = useState<Facets>({ countries: [], tags: [], owners: [], sources: [] });
  const [editing, setEditing] = useState<CustomSegmentRow | null>(null);
  /** The row a save found without a value: its box is marked until it gets one. */
  const [emptyRow, setEmptyRow] = useState<number | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  // A segment half typed (new or edited) is not dropped without a word: closing the drawer, its Cancel, or
  // editing another segment asks first, as the service policies do.
  const [edited, setEdited] = useState(false);
  const confirmDiscard = useConfirmDiscard(open && edited);
  const labelEnv = useClassLabelEnv();
  const env = useMemo(() => ({ language, currency: baseCurrency, ...labelEnv }), [language, baseCurrency, labelEnv]);

  useEffect(() => {
    if (!open) return;
    api('segments:custom:list', {})
      .then((r) => setSegments(r.segments))
      .catch((e: unknown) => void message.error(errorText(e, t)));
    api('customers:facets', {})
      .then(setFacets)
      .catch(() => undefined);
  }, [open, reloads, t]);

  const startNew = () => {
    setEditing(null);
    setEdited(false);
    form.resetFields();
  };
  const startEdit = (segment: CustomSegmentRow) => {
    const rows = toRows(segment.rule, baseCurrency);
    if (!rows) return;
    setEditing(segment);
    setEdited(false);
    form.setFieldsValue({ name: segment.name, op: segment.rule.op, rows });
  };

  // A refused name, or a condition without a value, is brought into view with the cursor in it (save-when-valid.ts).
  const conditionWithoutValue = (v: Values) => {
    const field = fieldWithoutValue(v.rows ?? []);
    const row = field ? (field[1] as number) : null;
    setEmptyRow(row);
    if (row !== null) void message.error(t('custom.valueMissing', { n: row + 1 }));
    return field;
  };
  const saveValid = async (v: Values) => {
    const rule: RuleGroup = { kind: 'group', op: v.op, conditions: (v.rows ?? []).map((r) => toCondition(r, baseCurrency)) };
    try {
      await api('segments:custom:save', { ...(editing ? { id: editing.id } : {}), name: v.name, rule });
      void message.success(t('common:saved'));
      startNew();
      setReloads((n) => n + 1);
      onChanged();
    } catch (e) {
      // Under the name or the condition's row it names, brought into view with the cursor in it; the rest in a message.
      for (const text of showRefusal(form, e, t, fieldOfSegmentIssue)) void message.error(text);
    }
  };
  const save = () => saveWhenValid(form, saveValid, conditionWithoutValue);
  const remove = async (id: string) => {
    await api('segments:custom:delete', { id }).catch((e: unknown) => void message.error(errorText(e, t)));
    if (editing?.id === id) startNew();
    setReloads((n) => n + 1);
    onChanged();
  };

  return (
    <Drawer
      open={open}
      onClose={() =>
        confirmDiscard(() => {
          // Discarded means gone: the drawer opens next time on an empty new segment.
          startNew();
          onClose();
        })
      }
      size={760}
      title={t('custom.title')}
      data-testid="custom-segments"
      // In the footer, not after the last condition: with a dozen conditions the button sat a screen below the fold.
      footer={
        <Button type="primary" onClick={() => void save()} data-testid="custom-save">
          {editing ? t('tierLabels:rule.saveChanges') : t('custom.save')}
        </Button>
      }
    >
      <List
        size="small"
        dataSource={segments}
        locale={{ emptyText: t('custom.none') }}
        renderItem={(s) => (
          <List.Item
            data-testid="custom-segment-item"
            actions={[
              <Button key="view" size="small" type="link" onClick={() => setShown(shown === s.id ? null : s.id)} data-testid="custom-view">
                {t('tierLabels:rule.view')}
              </Button>,
              <Button key="edit" size="small" icon={<EditOutlined />} disabled={!toRows(s.rule, baseCurrency)} onClick={() => confirmDiscard(() => startEdit(s))} data-testid="custom-edit">
                {t('tierLabels:rule.edit')}
              </Button>,
              <KeyboardPopconfirm key="delete" title={t('custom.confirmDelete')} onConfirm={() => void remove(s.id)} okText={t('common:actions.delete')} okButtonProps={{ danger: true }} cancelText={t('common:actions.cancel')}>
                <Button size="small" icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} data-testid="custom-delete" />
              </KeyboardPopconfirm>,
            ]}
          >
            <div>
              <strong>{s.name}</strong>
              {shown === s.id ? (
                <div data-testid="custom-rule-lines" style={{ marginTop: 4 }}>
                  {ruleLines(t, s.rule, env).map((line, i) => (
                    <div key={i} style={{ paddingLeft: line.depth * 16 }}>
                      {line.text}
                    </div>
                  ))}
                </div>
              ) : null}
            </div>
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 16, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="custom-form-title">
          {editing ? t('tierLabels:rule.editing', { name: editing.name }) : t('tierLabels:rule.newSegment')}
        </Typography.Title>
        {editing ? (
          <Button size="small" onClick={() => confirmDiscard(startNew)}>
            {t('common:actions.cancel')}
          </Button>
        ) : null}
      </Space>
      <Form form={form} layout="vertical" initialValues={{ op: 'and', rows: [NEW_ROW] }} style={{ marginTop: 8 }} onValuesChange={(changed: Partial<Values>) => {
          clearErrorsOnEdit(form)(changed);
          const stale = boxesOfEditedRows(changed.rows ?? []).filter((name) => form.getFieldError(name as never).length > 0);
          if (stale.length) form.setFields(stale.map((name) => ({ name, errors: [] })) as never);
          setEdited(true);
        }}>
        <Form.Item name="name" label={t('custom.name')} rules={[{ required: true, whitespace: true, message: t('errors:issue.required') }, lengthLimit(t, language, 80)]}>
          <Input data-testid="custom-name" />
        </Form.Item>
        <Form.Item name="op" label={t('custom.match')}>
          <Radio.Group options={[{ value: 'and', label: t('custom.all') }, { value: 'or', label: t('custom.any') }]} />
        </Form.Item>
        <Form.List name="rows">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((f) => (
                // Not noStyle: a refusal the server put on one of the row's boxes is said under the row.
                <Form.Item key={f.key} shouldUpdate style={{ marginBottom: 8 }}>
                  {() => {
                    const row: Row = form.getFieldValue(['rows', f.name]) ?? { kind: 'metric' };
                    const choices = row.kind === 'field' ? fieldChoices(row.field, facets, (v) => fieldValueLabel(t, row.field!, v, language)) : null;
                    const fieldOps = choices ? KEYED_FIELD_OPS : TEXT_FIELD_OPS;
                    return (
                      <Space wrap data-testid="custom-condition">
                        <Form.Item name={[f.name, 'kind']} noStyle>
                          <Select
                            style={{ width: 120 }}
                            data-testid="custom-kind"
                            options={(['metric', 'tag', 'field', 'in_scheme'] as const).map((k) => ({ value: k, label: t(`custom.kinds.${k}`) }))}
                            // A new kind starts from its own defaults: a metric's "≥" is no operator for a tag or a field.
                            onChange={(kind: Row['kind']) => form.setFieldValue(['rows', f.name], ROW_DEFAULTS[kind])}
                          />
                        </Form.Item>
                        {row.kind === 'metric' ? (
                          <>
                            <Form.Item name={[f.name, 'metric']} noStyle initialValue="revenue">
                              <Select style={{ width: 150 }} options={RULE_METRICS.map((m) => ({ value: m, label: t(`custom.metrics.${m}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'op']} noStyle initialValue="gte">
                              <Select style={{ width: 80 }} options={METRIC_OPS.map((o) => ({ value: o, label: opLabel(t, o) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'value']} noStyle>
                              <InputNumber style={{ width: 140 }} data-testid="custom-value" status={emptyRow === f.name ? 'error' : undefined} onChange={() => setEmptyRow(null)} />
                            </Form.Item>
                          </>
                        ) : null}
                        {row.kind === 'tag' ? (
                          <>
                            <Form.Item name={[f.name, 'op']} noStyle initialValue="has">
                              <Select style={{ width: 100 }} options={['has', 'lacks'].map((o) => ({ value: o, label: opLabel(t, o) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'value']} noStyle>
                              {/* Tags are free text the shop made up: suggest the ones in use, accept a new one. */}
                              <AutoComplete
                                data-testid="custom-tag"
                                style={{ width: 160 }}
                                status={emptyRow === f.name ? 'error' : undefined}
                                onChange={() => setEmptyRow(null)}
                                options={facets.tags.map((tag) => ({ value: tag }))}
                                filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
                              />
                            </Form.Item>
                          </>
                        ) : null}
                        {row.kind === 'field' ? (
                          <>
                            <Form.Item name={[f.name, 'field']} noStyle initialValue="city">
                              <Select
                                style={{ width: 130 }}
                                data-testid="custom-field"
                                options={PROFILE_FIELDS.map((p) => ({ value: p, label: t(`custom.fields.${p}`) }))}
                                onChange={() => form.setFieldValue(['rows', f.name], { kind: 'field', field: form.getFieldValue(['rows', f.name, 'field']), op: 'equals' })}
                              />
                            </Form.Item>
                            <Form.Item name={[f.name, 'op']} noStyle initialValue="equals">
                              <Select style={{ width: 110 }} data-testid="custom-op" options={fieldOps.map((o) => ({ value: o, label: opLabel(t, o) }))} />
                            </Form.Item>
                            {row.op === 'is_empty' || row.op === 'is_not_empty' ? null : choices ? (
                              <Form.Item name={[f.name, row.op === 'in' ? 'values' : 'value']} noStyle>
                                <Select
                                  mode={row.op === 'in' ? 'multiple' : undefined}
                                  showSearch
                                  optionFilterProp="label"
                                  style={{ minWidth: 160 }}
                                  data-testid="custom-field-value"
                                  status={emptyRow === f.name ? 'error' : undefined}
                                onChange={() => setEmptyRow(null)}
                                  placeholder={t('tierLabels:rule.choose')}
                                  options={choices}
                                />
                              </Form.Item>
                            ) : (
                              <Form.Item name={[f.name, 'value']} noStyle>
                                <Input style={{ width: 160 }} data-testid="custom-field-text" status={emptyRow === f.name ? 'error' : undefined} onChange={() => setEmptyRow(null)} />
                              </Form.Item>
                            )}
                          </>
                        ) : null}
                        {row.kind === 'in_scheme' ? (
                          <>
                            <Form.Item name={[f.name, 'scheme']} noStyle initialValue="pyramid">
                              <Select style={{ width: 150 }} options={CLOSED_SCHEME_KEYS.map((s) => ({ value: s, label: t(`schemes.${s}`) }))} />
                            </Form.Item>
                            <span>{opLabel(t, 'in')}</span>
                            <Form.Item name={[f.name, 'classes']} noStyle>
                              <Select
                                mode="multiple"
                                style={{ minWidth: 200 }}
                                optionFilterProp="label"
                                status={emptyRow === f.name ? 'error' : undefined}
                                onChange={() => setEmptyRow(null)}
                                options={(classKeysOf(row.scheme ?? 'pyramid') ?? []).map((c) => ({ value: c, label: classLabel(t, row.scheme ?? 'pyramid', c, language, labelEnv) }))}
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
              <Button icon={<PlusOutlined />} onClick={() => add(NEW_ROW)} style={{ display: 'block', marginBottom: 16 }} data-testid="custom-add-condition">
                {t('custom.addCondition')}
              </Button>
            </>
          )}
        </Form.List>
        {editing ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('tierLabels:rule.keepsHistory')} /> : null}
      </Form>
    </Drawer>
  );
}
