import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { Order } from '../../../shared/contract/orders';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { ActionLink } from '../../components/ActionLink';
import { UserText } from '../../components/UserText';
import { errorText } from '../../components/errors';
import { formatDate, formatMoney } from '../../components/format';
import { formatRate } from '../../../shared/domain/money';
import { DeletedOrders } from './DeletedOrders';
import { OrderLineText } from './OrderLineText';
import { OrderModal } from './OrderModal';
import { OrderRowActions } from './OrderRowActions';
import { PaymentModal } from './PaymentModal';
import { ReturnModal } from './ReturnModal';
import { useFocusAfterDelete } from './use-focus-after-delete';
import { ORDERS_PAGE_SIZE, useCustomerPage } from './use-customer-page';

const readOrders = (customerId: string, offset: number, limit: number) => api('orders:page', { customerId, offset, limit }).then(({ orders, total }) => ({ rows: orders, total }));

const STATUS_COLORS = { paid: 'green', unpaid: 'red', part: 'orange' } as const;

/** Payment state of a sale: status, what is still owed and by when. */
function PaymentCell({ order, language }: { order: Order; language: string }) {
  const { t } = useTranslation('orders');
  if (order.kind === 'return' || order.paymentStatus === null) return null;
  return (
    // At most this wide, so the status, what is owed, by when and "overdue" wrap onto a second line instead of
    // widening the table until they are drawn under the pinned actions.
    <Space size={4} wrap style={{ maxWidth: 200 }} data-testid="order-payment-status" data-status={order.paymentStatus}>
      <Tag color={STATUS_COLORS[order.paymentStatus]}>{t(`paymentStatus.${order.paymentStatus}`)}</Tag>
      {order.balanceMinor > 0 ? <Typography.Text data-testid="order-balance">{t('owes', { amount: formatMoney(order.balanceMinor, order.currency, language) })}</Typography.Text> : null}
      {order.balanceMinor > 0 && order.paymentDueDate ? <Typography.Text type="secondary">{t('dueOn', { date: formatDate(order.paymentDueDate, language) })}</Typography.Text> : null}
      {order.overdue ? <Tag color="red" data-testid="order-overdue">{t('overdue')}</Tag> : null}
      {order.overpaidMinor > 0 ? (
        <Tag color="gold" data-testid="order-overpaid">
          {t('overpaidTag', { amount: formatMoney(order.overpaidMinor, order.currency, language) })}
        </Tag>
      ) : null}
    </Space>
  );
}

/**
 * The customer's orders, a page at a time from the handler; the total and whether to show converted amounts come from
 * `summary` (all the orders), asked for again, with the page, whenever `reloadKey` changes. `inTrash`: the customer is
 * deleted, so its orders are read only (the app takes records on live customers only).
 */
export function OrdersPanel({
  customerId,
  summary,
  firstPage,
  reloadKey,
  inTrash,
  onChanged,
}: {
  customerId: string;
  summary: OutputOf<'orders:summary'>;
  /** The first page of orders, read with the file: the tab shows it as it opens. */
  firstPage: { rows: Order[]; total: number };
  reloadKey: unknown;
  inTrash: boolean;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation('customerFile');
  const { t: to } = useTranslation('orders');
  const { message } = App.useApp();
  const { settings } = useWorkspace();
  const [editing, setEditing] = useState<Order | 'new' | null>(null);
  const [returning, setReturning] = useState<Order | 'standalone' | null>(null);
  const [paying, setPaying] = useState<Order | null>(null);
  // Net of returns: what the customer's revenue counts.
  const total = summary.revenueBaseMinor;
  const language = i18n.language;

  const { page, setPage } = useCustomerPage(customerId, reloadKey, ORDERS_PAGE_SIZE, readOrders, (error) => void message.error(errorText(error, t)), firstPage);
  const shown = page.rows;
  const focusAfter = useFocusAfterDelete(shown.map((o) => o.id));

  const remove = async (order: Order) => {
    try {
      focusAfter.deleting(order.id);
      await api('orders:delete', { id: order.id });
      void message.success({
        content: (
          <Space>
            {t('orders.deleted')}
            <ActionLink onClick={() => void api('orders:restore', { id: order.id }).then(onChanged, (error: unknown) => void message.error(errorText(error, t)))}>{t('common:actions.undo')}</ActionLink>
          </Space>
        ),
      });
      onChanged();
    } catch (error) {
      focusAfter.failed();
      void message.error(errorText(error, t));
    }
  };

  return (
    <div ref={focusAfter.box}>
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong data-testid="orders-total">
          {t('orders.total', { currency: settings.baseCurrency })}: {formatMoney(total, settings.baseCurrency, language)}
        </Typography.Text>
        {inTrash ? null : (
          <Space>
            <Button onClick={() => setReturning('standalone')} data-testid="add-return">
              {to('addReturn')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-order">
              {t('orders.add')}
            </Button>
          </Space>
        )}
      </Space>
      <Table<Order>
        rowKey="id"
        size="small"
        data-testid="orders-table"
        dataSource={shown}
        loading={page.loading}
        locale={{ emptyText: page.loading ? ' ' : t('orders.empty') }}
        pagination={{ current: page.number, pageSize: ORDERS_PAGE_SIZE, total: page.total, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
        scroll={{ x: 'max-content' }}
        onRow={(o) => ({ 'data-kind': o.kind, 'data-order-id': o.id }) as never}
        expandable={{
          rowExpandable: (o) => o.lines.length > 0,
          expandedRowRender: (o) => (
            <div data-testid="order-lines-view">
              {o.lines.map((l) => (
                <OrderLineText key={l.id} line={l} currency={o.currency} language={language} />
              ))}
            </div>
          ),
        }}
        columns={[
          { title: t('orders.date'), dataIndex: 'orderDate', render: (d: string) => formatDate(d, language) },
          {
            title: to('number'),
            render: (_, o) => (
              <Space size={4}>
                {o.kind === 'return' ? <Tag color="volcano">{to('kind.return')}</Tag> : null}
                <span data-testid="order-number-cell">{o.orderNumber ?? ''}</span>
              </Space>
            ),
          },
          {
            title: to('lines'),
            render: (_, o) => (o.lines.length === 0 ? '' : <UserText text={o.lines.map((l) => l.name).join('、')} style={{ maxWidth: 140 }} />),
          },
          {
            title: t('orders.amount'),
            align: 'right',
            render: (_, o) => (
              <span data-testid="order-amount-cell">
                {formatMoney(o.amountMinor, o.currency, language)}
                {/* Under the amount, not beside it: a column as wide as both would push the payment out of view. */}
                {o.returnedMinor > 0 ? <Typography.Text type="secondary" style={{ display: 'block' }}>({to('returned', { amount: formatMoney(o.returnedMinor, o.currency, language) })})</Typography.Text> : null}
              </span>
            ),
          },
          // What is owed on the amount sits beside it, before the converted figures and the profit: when a wide row
          // still scrolls sideways, what slides under the pinned actions is the secondary columns, never the balance.
          { title: to('payment'), render: (_, o) => <PaymentCell order={o} language={language} /> },
          // The converted amount only says something when some order is in another currency.
          ...(summary.otherCurrencies
            ? [
                { title: t('orders.fxRate'), align: 'right' as const, render: (_: unknown, o: Order) => (o.currency === o.baseCurrency ? '' : formatRate(o.fxRate, language)) },
                { title: t('orders.base', { currency: settings.baseCurrency }), align: 'right' as const, render: (_: unknown, o: Order) => formatMoney(o.baseAmountMinor, o.baseCurrency, language) },
              ]
            : []),
          {
            title: to('profit'),
            align: 'right',
            render: (_, o) => (o.profitMinor === null ? '' : <span data-testid="order-profit">{formatMoney(o.profitMinor, o.currency, language)}</span>),
          },
          // The table is as wide as its content: a note of a thousand characters kept whole would push the date,
          // the amount and the actions a screen's width apart. One line, cut, the whole note on hover.
          { title: t('orders.note'), render: (_, o) => (o.note ? <UserText text={o.note} style={{ maxWidth: 240 }} testId="order-note-cell" /> : '') },
          // In the trash: no actions (a restore brings them back).
          ...(inTrash
            ? []
            : [
                {
                  title: '',
                  // Wide figures still scroll the table sideways: the row's actions stay in view.
                  fixed: 'right' as const,
                  render: (_: unknown, o: Order) => (
                    <OrderRowActions order={o} onEdit={() => setEditing(o)} onReturn={() => setReturning(o)} onPay={() => setPaying(o)} onDelete={() => void remove(o)} />
                  ),
                },
              ]),
        ]}
      />
      <DeletedOrders customerId={customerId} liveOrders={reloadKey} readOnly={inTrash} onRestored={onChanged} />
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
      <ReturnModal
        customerId={customerId}
        target={returning}
        onClose={() => setReturning(null)}
        onSaved={() => {
          setReturning(null);
          onChanged();
        }}
      />
      <PaymentModal
        order={paying}
        onClose={() => setPaying(null)}
        onSaved={() => {
          setPaying(null);
          onChanged();
        }}
      />
    </div>
  );
}
