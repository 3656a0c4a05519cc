import { DatePicker, Form, Input, Radio, Rate, Select, Space, Button, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_CHANNELS, INTENTS } from '../../../shared/contract/enums';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';
import { lengthLimit } from '../../components/length-limit';
import { TheirTimeLine } from './TheirTimeLine';

export const NEXT_CONTACT_SHORTCUTS = [1, 3, 7, 14, 30];

/**
 * The width of a dialog holding these fields: room for channel, satisfaction and intent on one row, and for the
 * next-contact date, its time and every shortcut on one line, in either language.
 */
export const FOLLOW_UP_DIALOG_WIDTH = 760;

/**
 * The fields of a follow-up, shared by the quick modal and the timeline's edit form. `timeZone`: the customer's
 * (from the main process), for the next contact in their hours; undefined while it is read.
 */
export function FollowUpFields({ autoFocus, today, timeZone }: { autoFocus?: boolean; today: string; timeZone?: CustomerTimeZone | null }) {
  const { t, i18n } = useTranslation('followUps');
  const form = Form.useFormInstance();
  const nextDate = Form.useWatch('nextContactDate', form) as unknown;
  return (
    <>
      <Form.Item name="content" label={t('content')} rules={[lengthLimit(t, i18n.language, 4000)]}>
        <Input.TextArea autoFocus={autoFocus} rows={3} placeholder={t('contentPlaceholder')} data-testid="followup-content" />
      </Form.Item>
      {/* Channel, satisfaction and intent share a row: stacked, the dialog filled a 768 px window to its last pixel and scrolled. */}
      <Space wrap size="large">
        <Form.Item name="channel" label={t('channel')}>
          <Select style={{ width: 140 }} data-testid="followup-channel" options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('satisfaction')}>
          <Rate count={5} />
        </Form.Item>
        <Form.Item name="intent" label={t('intent')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={INTENTS.map((i) => ({ value: i, label: t(`common:intent.${i}`) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="outcome" label={t('outcome')} rules={[lengthLimit(t, i18n.language, 1000)]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('nextContact')}>
        <Space wrap>
          <Form.Item name="nextContactDate" noStyle>
            <DatePicker data-testid="followup-next-date" allowClear />
          </Form.Item>
          <Form.Item name="nextContactTime" noStyle>
            <TimePicker
              data-testid="followup-next-time"
              format="HH:mm"
              needConfirm={false}
              disabled={!nextDate}
              placeholder={t('reminders:followUp.time')}
              title={t('reminders:followUp.timeHint')}
              aria-label={t('reminders:followUp.time')}
              style={{ width: 136 }}
            />
          </Form.Item>
          {NEXT_CONTACT_SHORTCUTS.map((days) => (
            <Button key={days} size="small" onClick={() => form.setFieldValue('nextContactDate', dayjs(today).add(days, 'day'))}>
              {t('inDays', { count: days })}
            </Button>
          ))}
        </Space>
        <TheirTimeLine timeZone={timeZone} />
      </Form.Item>
    </>
  );
}
