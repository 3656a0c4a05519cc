import { App, Button, Collapse, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { formatDate, formatDateTime, formatMoney } from '../../components/format';
import '../../components/user-text.css';

type Deleted = OutputOf<'orders:deleted'>;

/**
 * The customer's orders deleted by hand, under the orders table, each with Restore: the Undo in the message after a
 * delete lasts seconds, and a mistake is often seen days later. Asked again whenever the live orders change (a delete,
 * a restore). Nothing is shown while there are none. `readOnly`: the customer is in the trash, and restoring an order
 * onto it is refused (the customer comes back first), so there is no button.
 */
export function DeletedOrders({ customerId, liveOrders, readOnly, onRestored }: { customerId: string; liveOrders: unknown; readOnly: boolean; onRestored(): void }) {
  const { t, i18n } = useTranslation('customerFile');
  const { t: to } = useTranslation('orders');
  const { message } = App.useApp();
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const language = i18n.language;

  useEffect(() => {
    let current = true;
    api('orders:deleted', { customerId, limit: 100 }).then(
      (list) => current && setDeleted(list),
      () => current && setDeleted(null),
    );
    return () => {
      current = false;
    };
  }, [customerId, liveOrders]);

  if (!deleted || deleted.total === 0) return null;

  const restore = async (id: string) => {
    setRestoring(id);
    try {
      await api('orders:restore', { id });
      void message.success(t('orders.restored'));
      onRestored();
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Collapse
      ghost
      size="small"
      style={{ marginTop: 8 }}
      data-testid="deleted-orders"
      items={[
        {
          key: 'deleted',
          label: t('orders.deletedList', { count: deleted.total }),
          children: (
            <>
              <List
                size="small"
                dataSource={deleted.orders}
                renderItem={(o) => (
                  <List.Item
                    data-testid="deleted-order"
                    data-order-id={o.id}
                    actions={
                      readOnly
                        ? []
                        : [
                            <Button key="restore" size="small" loading={restoring === o.id} onClick={() => void restore(o.id)} data-testid="deleted-order-restore">
                              {t('common:actions.restore')}
                            </Button>,
                          ]
                    }
                  >
                    <Space wrap size={8}>
                      <span>{formatDate(o.orderDate, language)}</span>
                      {o.kind === 'return' ? <Tag color="volcano">{to('kind.return')}</Tag> : null}
                      {o.orderNumber ? <span>{o.orderNumber}</span> : null}
                      <span className="figure-text">{formatMoney(o.amountMinor, o.currency, language)}</span>
                      <Typography.Text type="secondary">{t('orders.deletedOn', { when: formatDateTime(o.deletedAt, language) })}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
              {deleted.total > deleted.orders.length ? <Typography.Text type="secondary">{t('orders.deletedMore', { shown: deleted.orders.length, total: deleted.total })}</Typography.Text> : null}
            </>
          ),
        },
      ]}
    />
  );
}
