import { App, Button, Card, Form, Modal, Rate, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../shared/contract/followups';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';
import { localDateOf } from '../../../shared/domain/dates';
import { api } from '../../api/client';
import { ActionLink } from '../../components/ActionLink';
import { UserParagraph } from '../../components/UserParagraph';
import { showFieldErrors } from '../../components/errors';
import { formatDate, formatDateTime } from '../../components/format';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { useUnsavedChangesPrompt } from '../../components/use-unsaved-changes-prompt';
import { FOLLOW_UP_DIALOG_WIDTH, FollowUpFields } from '../followups/FollowUpFields';
import { focusFirstFollowUpField, toFollowUpInput, type FollowUpFormValues } from '../followups/followup-form';
import { timeValue } from '../reminders/time-value';
import { FOLLOW_UPS_AT_ONCE, showMoreText, timelineWindow } from './timeline-window';

const INTENT_COLORS = { interested: 'green', hesitant: 'orange', not_now: 'default', never: 'red' } as const;

/** The contact history, newest first, with an inline form to log the next contact. */
/** `inTrash`: the customer is deleted, so its follow-ups are read only (the app takes records on live customers only). */
export function FollowUpTimeline({
  customerId,
  timeZone,
  followUps,
  inTrash,
  onChanged,
}: {
  customerId: string;
  /** The customer's, for the next contact in their hours. */
  timeZone: CustomerTimeZone | null;
  followUps: FollowUp[];
  inTrash: boolean;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation('customerFile');
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpFormValues>();
  const [editForm] = Form.useForm<FollowUpFormValues>();
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const [editChanged, setEditChanged] = useState(false);
  const [drafting, setDrafting] = useState(false);
  useUnsavedChangesPrompt(drafting);
  // Esc, ×, Cancel or a click beside the edit dialog on a changed follow-up asks first, as the quick follow-up does.
  const closeEdit = useConfirmDiscard(editing !== null && editChanged);
  const today = localDateOf(new Date());
  // The newest first, a page at a time (timeline-window): another customer's file starts again at one page.
  const [limit, setLimit] = useState(FOLLOW_UPS_AT_ONCE);
  useEffect(() => setLimit(FOLLOW_UPS_AT_ONCE), [customerId]);
  const drawn = timelineWindow(followUps, limit);
  const showMore = showMoreText(t, i18n.language, drawn);

  useEffect(() => {
    setEditChanged(false);
    if (editing)
      editForm.setFieldsValue({ ...editing, outcome: editing.outcome ?? undefined, satisfaction: editing.satisfaction ?? 0, nextContactDate: editing.nextContactDate ? dayjs(editing.nextContactDate) : null, nextContactTime: timeValue(editing.nextContactTime) });
  }, [editing, editForm]);

  const add = async () => {
    try {
      await api('followups:create', toFollowUpInput(customerId, form.getFieldsValue(true)));
      form.resetFields();
      setDrafting(false);
      void message.success(t('followUps:saved'));
      onChanged();
    } catch (error) {
      for (const text of showFieldErrors(form, error, t)) void message.error(text);
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    try {
      await api('followups:update', { id: editing.id, followUp: toFollowUpInput(customerId, editForm.getFieldsValue(true), editing.occurredAt) });
      setEditing(null);
      void message.success(t('timeline.saved'));
      onChanged();
    } catch (error) {
      for (const text of showFieldErrors(editForm, error, t)) void message.error(text);
    }
  };

  // The text's placeholder promises it, as in the quick follow-up: Ctrl/⌘+Enter saves from any field.
  const saveOnCtrlEnter = (save: () => Promise<void>) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    void save();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      {inTrash ? null : (
        <Card size="small" title={t('timeline.add')}>
          {/* Each follow-up form is named: antd makes its fields' ids of the form's name, and two unnamed ones repeated id="content". */}
          <Form form={form} name="followUpNew" layout="vertical" initialValues={{ channel: 'call', satisfaction: 0 }} data-testid="followup-form" onKeyDown={saveOnCtrlEnter(add)} onValuesChange={(_, all: FollowUpFormValues) => setDrafting(Boolean(all.content?.trim() || all.outcome?.trim()))}>
            <FollowUpFields today={today} timeZone={timeZone} />
            <Button type="primary" onClick={() => void add()} data-testid="followup-add">
              {t('common:actions.save')}
            </Button>
          </Form>
        </Card>
      )}
      {followUps.length === 0 ? <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text> : null}
      <Timeline
        data-testid="followup-timeline"
        items={drawn.shown.map((f) => ({
          key: f.id,
          color: f.intent === 'never' ? 'red' : f.intent === 'interested' ? 'green' : 'blue',
          content: (
            <div data-testid="followup-item">
              <Space wrap>
                <Typography.Text strong>{formatDateTime(f.occurredAt, i18n.language)}</Typography.Text>
                <Tag>{t(`common:channel.${f.channel}`)}</Tag>
                {f.intent ? <Tag color={INTENT_COLORS[f.intent]}>{t(`common:intent.${f.intent}`)}</Tag> : null}
                {f.satisfaction ? <Rate disabled value={f.satisfaction} style={{ fontSize: 12 }} /> : null}
                {inTrash ? null : <ActionLink onClick={() => setEditing(f)} data-testid="followup-edit">{t('common:actions.edit')}</ActionLink>}
              </Space>
              {f.content ? <UserParagraph text={f.content} testId="followup-content" /> : null}
              {f.outcome ? <UserParagraph text={f.outcome} secondary testId="followup-outcome" /> : null}
              {f.nextContactDate ? (
                <div>
                  <Tag color={f.done ? 'default' : f.nextContactDate < today ? 'red' : 'processing'}>
                    {t('timeline.next', { date: `${formatDate(f.nextContactDate, i18n.language)}${f.nextContactTime ? ` ${f.nextContactTime}` : ''}` })} · {f.done ? t('timeline.done') : t('timeline.open')}
                  </Tag>
                </div>
              ) : null}
            </div>
          ),
        }))}
      />
      {showMore ? (
        <Button onClick={() => setLimit((shown) => shown + FOLLOW_UPS_AT_ONCE)} data-testid="followup-show-more">
          {showMore}
        </Button>
      ) : null}
      <Modal
        open={editing !== null}
        title={t('timeline.editTitle')}
        onCancel={() => closeEdit(() => setEditing(null))}
        onOk={() => void saveEdit()}
        okText={t('common:actions.save')}
        cancelText={t('common:actions.cancel')}
        forceRender
        // Kept rendered, so autoFocus would fire once, while hidden: each opening puts the cursor in the first field, as the quick follow-up does.
        afterOpenChange={(open) => open && focusFirstFollowUpField(editForm)}
        width={FOLLOW_UP_DIALOG_WIDTH}
      >
        <Form form={editForm} name="followUpEdit" layout="vertical" onKeyDown={saveOnCtrlEnter(saveEdit)} onValuesChange={() => setEditChanged(true)}>
          <FollowUpFields today={today} timeZone={timeZone} />
        </Form>
      </Modal>
    </Space>
  );
}
