import { App, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';

/** This laptop's person (负责人): recorded on every row created or changed here, and shown to the team. */
export function TeamIdentityForm({ userName, onSaved }: { userName: string | null; onSaved(userName: string): void }) {
  const { t } = useTranslation('team');
  const { message } = App.useApp();
  const [value, setValue] = useState(userName ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(userName ?? ''), [userName]);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api('team:identity-set', { userName: value });
      setError(null);
      onSaved(saved.userName ?? value.trim());
      void message.success(t('identity.saved'));
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setSaving(false);
    }
  };

  const unchanged = value.trim() === (userName ?? '');
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('identity.label')} extra={t('identity.help')} validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
      <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
        <Input
          data-testid="team-identity"
          value={value}
          maxLength={120}
          placeholder={t('identity.placeholder')}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          onPressEnter={() => !unchanged && void save()}
        />
        <Button data-testid="team-identity-save" onClick={() => void save()} loading={saving} disabled={unchanged || value.trim() === ''}>
          {t('identity.save')}
        </Button>
      </Space.Compact>
      </Form.Item>
    </Form>
  );
}
