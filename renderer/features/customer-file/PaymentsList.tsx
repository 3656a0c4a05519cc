import { Alert, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { OrderPayment } from '../../../shared/contract/order-payments';
import { api } from '../../api/client';
import { formatDate, formatMoney } from '../../components/format';
import { UserText } from '../../components/UserText';

/**
 * The payments already recorded on an order, latest first (amount, day, who), in the payment dialog, under what the
 * order itself said was paid with it: with a team, payments recorded on other laptops are here too once synced, and
 * payments that together passed what was owed say so.
 */
export function PaymentsList({ orderId, reloadKey }: { orderId: string; reloadKey: unknown }) {
  const { t, i18n } = useTranslation('orders');
  const [found, setFound] = useState<OutputOf<'order-payments:list'> | null>(null);
  useEffect(() => {
    let cancelled = false;
    setFound(null);
    void api('order-payments:list', { orderId }).then(
      (value) => !cancelled && setFound(value),
      () => !cancelled && setFound({ payments: [], currency: '', overpaidMinor: 0, paidWithOrderMinor: 0 }),
    );
    return () => {
      cancelled = true;
    };
    // The dialog keeps its content mounted while closed: read again at each opening (a new order object), not only
    // for another order, or a payment just recorded would be missing from the list.
  }, [orderId, reloadKey]);

  const money = (minor: number) => formatMoney(minor, found?.currency ?? '', i18n.language);
  return (
    <div data-testid="payment-list">
      {/* A sale entered part paid: its paid part is in the order's terms, not a payment row, yet it was received. */}
      {found && found.paidWithOrderMinor > 0 ? (
        <Typography.Paragraph data-testid="payment-with-order">
          {t('payments.paidWithOrder', { amount: money(found.paidWithOrderMinor) })}
          {i18n.language.startsWith('zh') ? '' : ' '}
          <Typography.Text type="secondary">{t('payments.paidWithOrderHelp')}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Typography.Text strong>{t('payments.heading')}</Typography.Text>
      {found && found.overpaidMinor > 0 ? (
        <Alert type="warning" showIcon style={{ margin: '8px 0' }} data-testid="payment-overpaid" message={t('payments.overpaid', { amount: money(found.overpaidMinor) })} />
      ) : null}
      <Table<OrderPayment>
        rowKey="id"
        size="small"
        loading={found === null}
        dataSource={found?.payments ?? []}
        locale={{ emptyText: t('payments.empty') }}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        tableLayout="fixed"
        onRow={() => ({ 'data-testid': 'payment-row' }) as object}
        columns={[
          {
            key: 'amount',
            title: t('payments.amount'),
            align: 'right',
            render: (_, p) => (
              <span>
                {money(p.amountMinor)}
                {p.closedAt !== null ? (
                  <Tooltip title={t('payments.closedHelp')}>
                    <Tag style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>{t('payments.closed')}</Tag>
                  </Tooltip>
                ) : null}
              </span>
            ),
          },
          { key: 'paidOn', title: t('payments.paidOn'), render: (_, p) => formatDate(p.paidOn, i18n.language) },
          { key: 'recordedBy', title: t('payments.recordedBy'), ellipsis: true, render: (_, p) => (p.recordedBy === null ? t('payments.nobody') : <UserText text={p.recordedBy} />) },
        ]}
      />
    </div>
  );
}
