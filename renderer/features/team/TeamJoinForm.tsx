import { Alert, App, Button, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../shared/contract/team';
import { api } from '../../api/client';
import { clearErrorsOnEdit, showFieldErrors } from '../../components/errors';
import { teamJoinLengthRules } from './join-rules';

interface JoinValues {
  mode: 'create' | 'join';
  serverUrl: string;
  database: string;
  user: string;
  password: string;
}

/**
 * Create a team (a new database on the server, with its document check) or join one. The password goes
 * to the main process once and is never read back: a refused one is emptied, an accepted one leaves with the form.
 */
export function TeamJoinForm({ identityMissing, onJoined }: { identityMissing: boolean; onJoined(status: TeamStatus): void }) {
  const { t, i18n } = useTranslation('team');
  const { message } = App.useApp();
  const [form] = Form.useForm<JoinValues>();
  const [busy, setBusy] = useState(false);
  const mode = Form.useWatch('mode', form) ?? 'join';

  const submit = async (values: JoinValues) => {
    setBusy(true);
    try {
      const input = { serverUrl: values.serverUrl, database: values.database, user: values.user, password: values.password };
      const status = values.mode === 'create' ? await api('team:create', input) : await api('team:join', input);
      void message.success(t(values.mode === 'create' ? 'join.created' : 'join.joined'));
      onJoined(status);
    } catch (error) {
      // Emptied first: setting the value would otherwise wipe the error put on the field just after.
      form.setFieldValue('password', '');
      for (const text of showFieldErrors(form, error, t)) void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('errors:issue.required') };
  const lengthRules = teamJoinLengthRules(t, i18n.language);
  return (
    <Form
      form={form}
      name="team-join"
      layout="vertical"
      data-testid="team-join-form"
      initialValues={{ mode: 'join', database: 'tierbook', serverUrl: '', user: '', password: '' }}
      onFinish={(values) => void submit(values)}
      onValuesChange={clearErrorsOnEdit(form)}
      autoComplete="off"
    >
      <Form.Item name="mode" label={t('join.mode')} extra={t(mode === 'create' ? 'join.createHelp' : 'join.joinHelp')}>
        <Radio.Group
          data-testid="team-mode"
          optionType="button"
          options={[
            { value: 'join', label: t('join.join') },
            { value: 'create', label: t('join.create') },
          ]}
        />
      </Form.Item>
      <Form.Item name="serverUrl" label={t('join.serverUrl')} rules={[required, lengthRules.serverUrl]}>
        <Input data-testid="team-server-url" placeholder={t('join.serverUrlPlaceholder')} style={{ maxWidth: 420 }} />
      </Form.Item>
      <Form.Item name="database" label={t('join.database')} extra={t('join.databaseHelp')} rules={[required, lengthRules.database, { pattern: /^[a-z][a-z0-9_-]*$/, message: t('errors:issue.team_invalid_database') }]}>
        <Input data-testid="team-database" style={{ maxWidth: 260 }} />
      </Form.Item>
      <Form.Item name="user" label={t('join.user')} rules={[required, lengthRules.user]}>
        <Input data-testid="team-user" autoComplete="username" style={{ maxWidth: 260 }} />
      </Form.Item>
      <Form.Item name="password" label={t('join.password')} extra={t('join.passwordHelp')} rules={[{ required: true, message: t('errors:issue.required') }]}>
        <Input.Password data-testid="team-password" autoComplete="new-password" visibilityToggle={false} style={{ maxWidth: 260 }} />
      </Form.Item>
      {identityMissing ? <Alert type="warning" showIcon title={t('identity.missing')} style={{ marginBottom: 16 }} data-testid="team-identity-missing" /> : null}
      <Button type="primary" htmlType="submit" loading={busy} disabled={identityMissing} data-testid="team-join-submit">
        {t(mode === 'create' ? 'join.submitCreate' : 'join.submitJoin')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('join.tryLocal')}
      </Typography.Paragraph>
    </Form>
  );
}
