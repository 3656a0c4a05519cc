import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Row, Select, Space, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS, CUSTOMER_TYPES, LOCALITIES, MANUAL_LEVELS, NEEDS } from '../../../shared/contract/enums';
import type { DuplicateMatch } from '../../../shared/contract/customers';
import { deriveLocality } from '../../../shared/domain/locality';
import { api } from '../../api/client';
import { hrefOf } from '../../app/router';
import { useWorkspace } from '../../app/workspace';
import { clearErrorsOnEdit } from '../../components/errors';
import { COUNTRY_CODES, countryName } from '../../components/format';
import { formatPhone, normalizePhone } from '../../../shared/domain/phone';
import { inferPlace } from '../../../shared/domain/place';
import { profileToInput, type ProfileValues } from './profile-form';
import { lengthLimit } from '../../components/length-limit';

/** The customer profile with its contact channels; warns live when a contact already belongs to someone else. */
export function ProfileForm({
  form,
  customerId,
  initial,
  onEdit,
  onNameEnter,
}: {
  form: FormInstance<ProfileValues>;
  customerId?: string;
  initial: ProfileValues;
  onEdit?(values: ProfileValues): void;
  /** Enter in the name: a new customer needs nothing more, so it saves (the form has no submit button for the browser to press). */
  onNameEnter?(): void;
}) {
  const { t, i18n } = useTranslation('customerFile');
  const { settings } = useWorkspace();
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  const country = Form.useWatch('country', form);
  const region = Form.useWatch('region', form);
  const city = Form.useWatch('city', form);
  const contacts = Form.useWatch('contacts', form);
  // A new customer's missing country (and a known city's province) is filled in on save, as imports do: show it now.
  const phones = (contacts ?? []).filter((c) => c && (c.kind === 'phone' || c.kind === 'whatsapp') && c.value?.trim()).map((c) => normalizePhone(c.value, country ?? settings.homeCountry));
  const inferred = customerId
    ? null
    : inferPlace({ country: country ?? null, region: region?.trim() || null, city: city?.trim() || null }, phones.flatMap((p) => (p.ok ? [p.e164] : [])));
  const derived = deriveLocality({ country: inferred?.country ?? country ?? null, region: inferred?.region ?? region ?? null }, settings);

  const checkDuplicates = async () => {
    const contacts = profileToInput(form.getFieldsValue(true)).contacts ?? [];
    const result = await api('customers:checkDuplicates', { contacts, excludeId: customerId, country: form.getFieldValue('country') ?? null });
    setDuplicates(result.duplicates);
  };

  const sourceOptions = settings.sources.map((s) => ({ value: s, label: t(`common:source.${s}`, { defaultValue: s }) }));
  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid="profile-form" onValuesChange={(changed, all) => {
      clearErrorsOnEdit(form)(changed);
      onEdit?.(all);
    }}>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('errors:issue.required') }, lengthLimit(t, i18n.language, 120)]}>
            <Input data-testid="profile-name" onPressEnter={onNameEnter} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="company" label={t('fields.company')} rules={[lengthLimit(t, i18n.language, 200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={t('fields.type')}>
            <Select options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`common:customerType.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="industry" label={t('fields.industry')} rules={[lengthLimit(t, i18n.language, 80)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="manualLevel" label={t('fields.manualLevel')}>
            <Select allowClear options={MANUAL_LEVELS.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="country"
            label={t('fields.country')}
            extra={
              inferred?.inferred.country ? (
                <span data-testid="profile-country-inferred">
                  {t('data:places.formHint', { from: t(`data:places.from.${inferred.inferred.country}`), country: countryName(inferred.country, i18n.language) })}{' '}
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldsValue({ country: inferred.country ?? undefined, ...(inferred.inferred.region ? { region: inferred.region ?? undefined } : {}) })}>
                    {t('data:places.apply')}
                  </Button>
                </span>
              ) : undefined
            }
          >
            <Select allowClear showSearch optionFilterProp="label" options={COUNTRY_CODES.map((c) => ({ value: c, label: `${countryName(c, i18n.language)} (${c})` }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="region"
            label={t('fields.region')}
            rules={[lengthLimit(t, i18n.language, 80)]}
            extra={inferred?.inferred.region && country ? <span data-testid="profile-region-inferred">{t('data:places.formRegionHint', { region: inferred.region })}</span> : undefined}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="city" label={t('fields.city')} rules={[lengthLimit(t, i18n.language, 80)]}>
            <Input data-testid="profile-city" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="localityOverride" label={t('fields.locality')}>
            <Select
              options={[
                { value: 'auto', label: t('fields.localityAuto', { value: derived ? t(`common:locality.${derived}`) : t('common:unknown') }) },
                ...LOCALITIES.map((v) => ({ value: v, label: t(`common:locality.${v}`) })),
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="sizeBand" label={t('fields.sizeBand')} rules={[lengthLimit(t, i18n.language, 40)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="incomeBand" label={t('fields.incomeBand')} rules={[lengthLimit(t, i18n.language, 40)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="needs" label={t('fields.needs')}>
            <Select allowClear options={NEEDS.map((v) => ({ value: v, label: t(`common:needs.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="owner" label={t('fields.owner')} rules={[lengthLimit(t, i18n.language, 80)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="source" label={t('fields.source')}>
            <Select allowClear showSearch options={sourceOptions} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('fields.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，']} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('fields.contacts')}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Space key={field.key} align="start" data-testid="contact-row">
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select style={{ width: 120 }} aria-label={t('fields.contactKind')} options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`common:contactKind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} style={{ marginBottom: 0 }}>
                    <Input style={{ width: 260 }} placeholder={t('fields.contactValue')} onBlur={() => void checkDuplicates()} data-testid="contact-value" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} style={{ marginBottom: 0 }}>
                    <Input style={{ width: 160 }} placeholder={t('fields.contactLabel')} />
                  </Form.Item>
                  {/* A button with a name: the icon alone could be clicked but not reached with Tab, nor named to a screen reader. */}
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('removeContact')} title={t('removeContact')} onClick={() => remove(field.name)} data-testid="contact-remove" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'phone', value: '' })}>
                {t('addContact')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      {duplicates.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="duplicate-warning"
          title={t('duplicateWarning')}
          description={duplicates.map((d) => (
            <div key={`${d.customerId}-${d.kind}-${d.value}`}>
              <a href={hrefOf({ page: 'customer', id: d.customerId })}>{t('duplicateItem', { name: d.company ? `${d.name} · ${d.company}` : d.name, kind: t(`common:contactKind.${d.kind}`), value: d.kind === 'phone' || d.kind === 'whatsapp' ? formatPhone(d.value) : d.value })}</a>
            </div>
          ))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item name="notes" label={t('fields.notes')} rules={[lengthLimit(t, i18n.language, 4000)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </Form>
  );
}
