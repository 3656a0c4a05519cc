import { CheckOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../shared/contract/followups';
import { api } from '../../api/client';
import { hrefOf } from '../../app/router';
import { errorText } from '../../components/errors';
import { formatDate } from '../../components/format';
import { RescheduleButton } from './RescheduleButton';
import { formatPhone } from '../../../shared/domain/phone';

export type DueKind = 'overdue' | 'today' | 'upcoming';

interface Props {
  item: DueItem;
  kind: DueKind;
  today: string;
  onLog(customer: { id: string; name: string }): void;
  onChanged(): void;
}

function DueWhen({ item, kind }: { item: DueItem; kind: DueKind }) {
  const { t, i18n } = useTranslation('due');
  if (kind === 'overdue') return <Tag color="red">{t('daysOverdue', { count: item.daysOverdue })}</Tag>;
  if (kind === 'today') return <Tag color="orange">{t('dueToday')}</Tag>;
  return <Tag color="blue">{t('dueOn', { date: formatDate(item.dueDate, i18n.language) })}</Tag>;
}

/** One open reminder: who, when it was due, what was said last time, and what to do about it now. */
export function DueItemRow({ item, kind, today, onLog, onChanged }: Props) {
  const { t, i18n } = useTranslation('due');
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'done' | 'reschedule' | null>(null);

  const run = async (what: 'done' | 'reschedule', call: () => Promise<unknown>, success: string) => {
    setBusy(what);
    try {
      await call();
      void message.success(success);
      onChanged();
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex
      data-testid="due-item"
      data-customer-id={item.customerId}
      data-follow-up-id={item.followUpId}
      justify="space-between"
      align="center"
      gap={16}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <div style={{ minWidth: 0, flex: 1 }}>
        <Space size="middle" wrap>
          <Typography.Link strong href={hrefOf({ page: 'customer', id: item.customerId })} data-testid="due-customer-link">
            {item.customerName}
          </Typography.Link>
          {item.company ? <Typography.Text type="secondary">{item.company}</Typography.Text> : null}
          {item.phone ? (
            <Typography.Text type="secondary" copyable={{ text: item.phone }}>
              <PhoneOutlined /> {formatPhone(item.phone)}
            </Typography.Text>
          ) : null}
          <DueWhen item={item} kind={kind} />
          {kind !== 'upcoming' ? <Typography.Text type="secondary">{formatDate(item.dueDate, i18n.language)}</Typography.Text> : null}
        </Space>
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('lastFollowUp')}</Typography.Text>
          <Tag>{t(`common:channel.${item.lastChannel}`)}</Tag>
          <Typography.Text ellipsis={{ tooltip: item.lastContent }} style={{ maxWidth: 520 }}>
            {item.lastContent.trim() || t('noContent')}
          </Typography.Text>
        </div>
      </div>
      <Space wrap={false}>
        <Button size="small" type="primary" icon={<EditOutlined />} data-testid="due-log" onClick={() => onLog({ id: item.customerId, name: item.customerName })}>
          {t('actions.log')}
        </Button>
        <Button
          size="small"
          icon={<CheckOutlined />}
          loading={busy === 'done'}
          data-testid="due-done"
          onClick={() => void run('done', () => api('followups:markDone', { id: item.followUpId }), t('markedDone'))}
        >
          {t('actions.done')}
        </Button>
        <RescheduleButton
          today={today}
          dueDate={item.dueDate}
          busy={busy === 'reschedule'}
          onPick={(date) =>
            void run('reschedule', () => api('followups:reschedule', { id: item.followUpId, nextContactDate: date }), t('rescheduled', { date: formatDate(date, i18n.language) }))
          }
        />
      </Space>
    </Flex>
  );
}
