import { Alert, Card, Form, Switch, TimePicker, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { askNotificationPermission, browserNotificationsApply, notificationPermission, type NotificationPermissionState } from './browser-reminders';

/** The "Desktop reminders" card of the Settings form: on/off and the daily time (fields of the settings form). */
export function ReminderSettings() {
  const { t } = useTranslation('reminders');
  const form = Form.useFormInstance();
  const enabled = Form.useWatch('remindersEnabled', form) as boolean | undefined;
  const inBrowser = !window.tierbook?.pickOpenFile;
  const [permission, setPermission] = useState<NotificationPermissionState>(() => notificationPermission());

  // Switching on in a browser is the moment to ask: the browser's prompt needs the user's click.
  const onSwitch = (on: boolean) => {
    if (on && browserNotificationsApply() && notificationPermission() === 'default') void askNotificationPermission().then(setPermission);
  };

  const browserNote = !inBrowser || !enabled ? null : permission === 'unsupported' ? 'browserUnsupported' : permission === 'denied' ? 'browserDenied' : permission === 'default' ? 'browserAsk' : null;
  return (
    <Card title={t('settings.title')} style={{ marginBottom: 16 }} data-testid="settings-reminders">
      <Form.Item name="remindersEnabled" label={t('settings.enabled')} valuePropName="checked">
        <Switch data-testid="settings-reminders-enabled" onChange={onSwitch} />
      </Form.Item>
      <Form.Item
        name="reminderTime"
        label={t('settings.time')}
        extra={t('settings.timeHint')}
        rules={[{ required: true, message: t('errors:issue.invalid_time') }]}
      >
        <TimePicker data-testid="settings-reminder-time" format="HH:mm" allowClear={false} needConfirm={false} disabled={!enabled} style={{ width: 140 }} />
      </Form.Item>
      {browserNote ? <Alert type={browserNote === 'browserAsk' ? 'info' : 'warning'} showIcon title={t(`settings.${browserNote}`)} style={{ marginBottom: 12 }} /> : null}
      <Typography.Text type="secondary">{t('settings.local')}</Typography.Text>
    </Card>
  );
}
