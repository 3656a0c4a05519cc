import { App, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { tooLongText } from '../../components/length-limit';

/** The longest name the team keeps (shared/contract/team.ts). */
export const USER_NAME_MAX = 120;

/** This laptop's person (负责人): recorded on every row created or changed here, and shown to the team. */
export function TeamIdentityForm({ userName, onSaved }: { userName: string | null; onSaved(userName: string): void }) {
  const { t, i18n } = useTranslation('team');
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
  // Said at once, under the box, with nothing cut: the save waits until the name fits.
  const tooLong = tooLongText(t, i18n.language, value, USER_NAME_MAX);
  const blocked = unchanged || tooLong !== null;
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('identity.label')} extra={t('identity.help')} validateStatus={tooLong || error ? 'error' : undefined} help={tooLong ?? error ?? undefined}>
      <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
        <Input
          data-testid="team-identity"
          value={value}
          placeholder={t('identity.placeholder')}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          onPressEnter={() => !blocked && void save()}
        />
        <Button data-testid="team-identity-save" onClick={() => void save()} loading={saving} disabled={blocked || value.trim() === ''}>
          {t('identity.save')}
        </Button>
      </Space.Compact>
      </Form.Item>
    </Form>
  );
}
