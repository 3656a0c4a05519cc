import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SOURCES } from '../../../shared/contract/enums';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { AT_FIELD, showRefusal } from '../../components/errors';
import { COUNTRY_CODES, countryName } from '../../components/format';
import { systemLanguage } from '../../i18n';
import { CurrencySelect } from './CurrencySelect';
import { fieldOfIssue, settingsEdited, settingsTextRules, sourcesRules, toFormValues, toSettingsInput, type LanguageChoice, type SettingsFormValues } from './settings-form';
import { useUnsavedChangesPrompt } from '../../components/use-unsaved-changes-prompt';
import { BackupPanel } from '../backup/BackupPanel';
import { ReminderSettings } from '../reminders/ReminderSettings';
import { ClvSettings } from '../prediction/ClvSettings';
import { TeamPanel } from '../team/TeamPanel';
import { PageTitle } from '../../components/PageTitle';

const BUILT_IN_SOURCES: readonly string[] = DEFAULT_SOURCES;

const uiLanguageOf = (choice: LanguageChoice) => (choice === 'system' ? systemLanguage() : choice);

/** Business identity, home (for local/non-local), base currency, language and the list of customer sources. */
export function SettingsPage() {
  const { t, i18n } = useTranslation('settings');
  const { message } = App.useApp();
  const { settings, setSettings, refresh, version } = useWorkspace();
  // Orders lock their rate to the base currency: once there are any, the currency cannot change (the server refuses too).
  const [hasOrders, setHasOrders] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void api('workspace:status', {}).then((s) => !cancelled && setHasOrders(s.orders > 0));
    return () => {
      cancelled = true;
    };
  }, [version]);
  const [form] = Form.useForm<SettingsFormValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesPrompt(dirty);
  const sources = Form.useWatch('sources', form) ?? settings.sources;

  // The language applies live while choosing; leaving without saving returns to the saved one.
  const savedLanguage = useRef<LanguageChoice>(settings.language ?? 'system');
  useEffect(() => {
    savedLanguage.current = settings.language ?? 'system';
    form.setFieldValue('language', savedLanguage.current);
  }, [settings.language, form]);
  useEffect(
    () => () => {
      const saved = uiLanguageOf(savedLanguage.current);
      if (i18n.language !== saved) void i18n.changeLanguage(saved);
    },
    [i18n],
  );

  const countryOptions = useMemo(
    () =>
      COUNTRY_CODES.map((c) => ({ value: c, label: `${countryName(c, i18n.language)} (${c})` })).sort((a, b) =>
        a.label.localeCompare(b.label, i18n.language),
      ),
    [i18n.language],
  );
  const sourceOptions = [...new Set([...BUILT_IN_SOURCES, ...sources])].map((s) => ({
    value: s,
    label: BUILT_IN_SOURCES.includes(s) ? t(`common:source.${s}`) : s,
  }));

  const save = async (values: SettingsFormValues) => {
    setSaving(true);
    try {
      const next = await api('settings:update', toSettingsInput(values));
      savedLanguage.current = next.language ?? 'system';
      setSettings(next);
      form.setFieldsValue(toFormValues(next));
      setDirty(false);
      refresh();
      void message.success(t('saved'));
    } catch (error) {
      // Under the field it names, brought into view with the cursor in it, as a field the form's rules refuse.
      for (const text of showRefusal(form, error, t, fieldOfIssue)) void message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const reset = () => {
    form.resetFields();
    form.setFieldsValue(toFormValues(settings));
    setDirty(false);
    void i18n.changeLanguage(uiLanguageOf(savedLanguage.current));
  };

  const textRules = settingsTextRules(t, i18n.language);
  return (
    <div style={{ maxWidth: 760, padding: 24 }} data-testid="settings-page">
      <PageTitle>{t('title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
      <Form
        form={form}
        name="settings"
        layout="vertical"
        initialValues={toFormValues(settings)}
        onFinish={(values) => void save(values)}
        // The Save button is at the foot of a long page: a refused field far above it is brought into view, with the
        // cursor in it (it was left on Save), as the dialogs' Save does (save-when-valid.ts).
        scrollToFirstError={AT_FIELD}
        onValuesChange={settingsEdited(form, settings, { setDirty, tryLanguage: (choice) => void i18n.changeLanguage(uiLanguageOf(choice)) })}
      >
        <Card title={t('business')} style={{ marginBottom: 16 }}>
          <Form.Item name="businessName" label={t('businessName')} rules={textRules.businessName}>
            <Input data-testid="settings-business-name" placeholder={t('businessNamePlaceholder')} />
          </Form.Item>
          <Space wrap size="large" align="start">
            <Form.Item
              name="homeCountry"
              label={t('homeCountry')}
              extra={t('homeCountryHelp')}
              rules={[{ required: true, message: t('errors:issue.required') }]}
            >
              <Select data-testid="settings-home-country" style={{ width: 260 }} showSearch={{ optionFilterProp: 'label' }} options={countryOptions} />
            </Form.Item>
            <Form.Item name="homeRegion" label={t('homeRegion')} rules={textRules.homeRegion}>
              <Input data-testid="settings-home-region" style={{ width: 220 }} placeholder={t('homeRegionPlaceholder')} />
            </Form.Item>
          </Space>
          <Form.Item
            name="baseCurrency"
            label={t('baseCurrency')}
            extra={hasOrders ? <span data-testid="settings-base-currency-locked">{t('data:settings.baseCurrencyLocked')}</span> : t('baseCurrencyHelp')}
            rules={[
              { required: true, message: t('errors:issue.required') },
              { pattern: /^[A-Za-z]{3}$/, message: t('errors:issue.invalid_currency') },
            ]}
          >
            <CurrencySelect testId="settings-base-currency" style={{ width: 260 }} disabled={hasOrders} />
          </Form.Item>
        </Card>
        <Card title={t('preferences')} style={{ marginBottom: 16 }}>
          <Form.Item name="language" label={t('language')}>
            <Select
              data-testid="settings-language"
              style={{ width: 200 }}
              options={[
                { value: 'system', label: t('common:language.system') },
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="sources"
            label={t('sources')}
            extra={t('sourcesHelp')}
            rules={sourcesRules(t, i18n.language)}
          >
            <Select data-testid="settings-sources" mode="tags" tokenSeparators={[',', '，']} options={sourceOptions} />
          </Form.Item>
        </Card>
        <ReminderSettings />
        <ClvSettings />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
            {t('common:actions.save')}
          </Button>
          <Button onClick={reset} disabled={saving}>
            {t('reset')}
          </Button>
        </Space>
      </Form>
      <BackupPanel />
      <TeamPanel />
    </div>
  );
}
