import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/contract/orders';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { formatDate, formatMoney } from '../../components/format';
import { OrderModal } from './OrderModal';

export function OrdersPanel({ customerId, orders, onChanged }: { customerId: string; orders: Order[]; onChanged(): void }) {
  const { t, i18n } = useTranslation('customerFile');
  const { message } = App.useApp();
  const { settings } = useWorkspace();
  const [editing, setEditing] = useState<Order | 'new' | null>(null);
  const total = orders.reduce((sum, o) => sum + o.baseAmountMinor, 0);
  const language = i18n.language;

  const remove = async (order: Order) => {
    try {
      await api('orders:delete', { id: order.id });
      void message.success({
        content: (
          <Space>
            {t('orders.deleted')}
            <a onClick={() => void api('orders:restore', { id: order.id }).then(onChanged)}>{t('common:actions.undo')}</a>
          </Space>
        ),
      });
      onChanged();
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong data-testid="orders-total">
          {t('orders.total', { currency: settings.baseCurrency })}: {formatMoney(total, settings.baseCurrency, language)}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-order">
          {t('orders.add')}
        </Button>
      </Space>
      <Table<Order>
        rowKey="id"
        size="small"
        data-testid="orders-table"
        dataSource={[...orders].reverse()}
        locale={{ emptyText: t('orders.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('orders.date'), dataIndex: 'orderDate', render: (d: string) => formatDate(d, language) },
          { title: t('orders.amount'), align: 'right', render: (_, o) => formatMoney(o.amountMinor, o.currency, language) },
          { title: t('orders.fxRate'), align: 'right', render: (_, o) => (o.currency === o.baseCurrency ? '' : o.fxRate) },
          { title: t('orders.base', { currency: settings.baseCurrency }), align: 'right', render: (_, o) => formatMoney(o.baseAmountMinor, o.baseCurrency, language) },
          { title: t('orders.note'), dataIndex: 'note' },
          {
            title: '',
            render: (_, o) => (
              <Space>
                <a onClick={() => setEditing(o)}>{t('common:actions.edit')}</a>
                <Popconfirm title={t('common:confirmDelete')} onConfirm={() => void remove(o)} okText={t('common:actions.delete')} cancelText={t('common:actions.cancel')}>
                  <a>{t('common:actions.delete')}</a>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <OrderModal
        customerId={customerId}
        order={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
    </>
  );
}
