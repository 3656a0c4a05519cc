import { App, Button, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showFieldErrors } from '../../components/errors';
import { namedMessage } from '../../components/named-message';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { ProfileForm } from './ProfileForm';
import { EMPTY_PROFILE, fieldOfIssue, profileToInput, sameProfile, type ProfileValues } from './profile-form';

export function NewCustomerDrawer({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const [saving, setSaving] = useState(false);
  const [edited, setEdited] = useState(false);
  // Esc, ×, Cancel or a click beside the drawer on a half-typed customer asks first, as the order form does.
  const confirmClose = useConfirmDiscard(open && edited);
  const close = () =>
    confirmClose(() => {
      // Discarded means gone: the next opening starts empty, not with the text just dropped.
      form.resetFields();
      setEdited(false);
      onClose();
    });

  const save = async () => {
    await form.validateFields(['name']);
    const values = form.getFieldsValue(true);
    setSaving(true);
    try {
      const result = await api('customers:create', profileToInput(values));
      void message.success(namedMessage(t, 'created', { name: result.customer.name }, 'created-message'));
      form.resetFields();
      setEdited(false);
      onCreated(result.customer.id);
    } catch (error) {
      for (const text of showFieldErrors(form, error, t, fieldOfIssue(values))) void message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('newTitle')}
      size={760}
      destroyOnHidden
      // Opened from the keyboard (the list's Add button), the cursor starts in the name, the one field it needs.
      afterOpenChange={(visible) => visible && (form.getFieldInstance('name') as HTMLInputElement | null)?.focus()}
      extra={
        <Space>
          <Button onClick={close}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save().catch(() => undefined)} data-testid="new-customer-save">
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <ProfileForm form={form} initial={EMPTY_PROFILE} onEdit={(values) => setEdited(!sameProfile(values, EMPTY_PROFILE))} onNameEnter={() => void save().catch(() => undefined)} />
    </Drawer>
  );
}
