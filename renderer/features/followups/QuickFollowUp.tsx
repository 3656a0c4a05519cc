import { App, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';
import { localDateOf } from '../../../shared/domain/dates';
import { api } from '../../api/client';
import { showFieldErrors } from '../../components/errors';
import { namedMessage } from '../../components/named-message';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { useUnsavedChangesPrompt } from '../../components/use-unsaved-changes-prompt';
import { FOLLOW_UP_DIALOG_WIDTH, FollowUpFields } from './FollowUpFields';
import { toFollowUpInput, type FollowUpFormValues } from './followup-form';

/**
 * Keyboard-first logging: the modal opens with the cursor in the text, Ctrl/⌘+Enter saves, Esc closes
 * (asking first once something is typed). Saving closes the reminders the customer's earlier follow-ups
 * had set. `afterClose`: once it has gone, for the screen to put the focus back where the user was. The customer's
 * time zone, for the next contact in their hours: given by a screen that has it (Today's rows, the file), else read.
 */
export function QuickFollowUp({
  customer,
  onClose,
  onSaved,
  afterClose,
  timeZone: given,
}: {
  customer: { id: string; name: string } | null;
  /** Omitted: read for the customer when the dialog opens. */
  timeZone?: CustomerTimeZone | null;
  onClose(): void;
  onSaved(): void;
  afterClose?(): void;
}) {
  const { t } = useTranslation('followUps');
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpFormValues>();
  const [saving, setSaving] = useState(false);
  const [edited, setEdited] = useState(false);
  useUnsavedChangesPrompt(customer !== null && edited);
  const close = useConfirmDiscard(customer !== null && edited);
  const timeZone = useCustomerTimeZone(customer?.id, given);

  useEffect(() => {
    setEdited(false);
    if (customer) form.setFieldsValue({ content: '', channel: 'call', outcome: undefined, intent: null, satisfaction: 0, nextContactDate: null, nextContactTime: null });
  }, [customer, form]);

  const save = async () => {
    if (!customer || saving) return;
    setSaving(true);
    try {
      const result = await api('followups:create', toFollowUpInput(customer.id, form.getFieldsValue(true)));
      void message.success(result.answered.length ? t('savedAnswered', { count: result.answered.length }) : t('saved'));
      onSaved();
    } catch (error) {
      for (const text of showFieldErrors(form, error, t)) void message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={customer !== null}
      title={customer ? namedMessage(t, 'quickTitle', { name: customer.name }, 'quick-followup-title') : ''}
      onCancel={() => close(onClose)}
      afterClose={afterClose}
      onOk={() => void save()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'followup-save' } as never}
      width={FOLLOW_UP_DIALOG_WIDTH}
    >
      <div
        data-testid="quick-followup"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      >
        {/* Named, so its fields' ids do not repeat those of the customer file's own follow-up forms. */}
        <Form form={form} name="quickFollowUp" layout="vertical" initialValues={{ channel: 'call' }} onValuesChange={(_, all: FollowUpFormValues) => setEdited(Boolean(all.content?.trim() || all.outcome?.trim()))}>
          <FollowUpFields autoFocus today={localDateOf(new Date())} timeZone={timeZone} />
        </Form>
        <Typography.Text type="secondary">{t('shortcut')}</Typography.Text>
      </div>
    </Modal>
  );
}

/** The customer's time zone: as given, or asked of the main process once the dialog opens for them. */
function useCustomerTimeZone(id: string | undefined, given: CustomerTimeZone | null | undefined): CustomerTimeZone | null | undefined {
  const [read, setRead] = useState<{ id: string; timeZone: CustomerTimeZone | null } | null>(null);
  useEffect(() => {
    if (id === undefined || given !== undefined) return;
    let current = true;
    api('customers:timeZone', { id })
      .then(({ timeZone }) => current && setRead({ id, timeZone }))
      // Without the zone the dialog works as before: only the line in their hours is missing.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [id, given]);
  if (given !== undefined) return given;
  return read && read.id === id ? read.timeZone : undefined;
}
