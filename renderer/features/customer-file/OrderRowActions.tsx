import { DeleteOutlined, EditOutlined, PayCircleOutlined, RollbackOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/contract/orders';
import { ActionLink } from '../../components/ActionLink';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';

/**
 * An action of the row as an icon, named by its label for a screen reader and on hover (the line-removing button of
 * the order form does the same). Four labels side by side ("Edit · Return · Record payment · Delete") made the pinned
 * column so wide that the rate, the converted amount and the profit slid under it at 1366 px; four icons leave them in
 * view. A native title, not antd's Tooltip: an open Tooltip sits on antd's Escape stack, and one left open on the
 * button a closing dialog gives the focus back to took the next dialog's Escape.
 */
const IconAction = forwardRef<HTMLButtonElement, { label: string; icon: ReactNode; danger?: boolean; testId: string; onClick?(): void }>(function IconAction(
  { label, icon, danger, testId, onClick, ...rest },
  ref,
) {
  // `rest` and `ref`: what a wrapping Popconfirm hands its child (its own handlers; its click comes as onClick).
  return <ActionLink ref={ref} {...rest} icon={icon} danger={danger} aria-label={label} title={label} data-testid={testId} onClick={onClick} style={{ padding: '0 2px' }} />;
});

/** The pinned actions of one order: edit, return, pay (or read the payments of one paid past its debt), delete. */
export function OrderRowActions({ order, onEdit, onReturn, onPay, onDelete }: { order: Order; onEdit(): void; onReturn(): void; onPay(): void; onDelete(): void }) {
  const { t } = useTranslation('customerFile');
  const { t: to } = useTranslation('orders');
  const sale = order.kind === 'sale';
  return (
    <Space size={4}>
      {sale ? <IconAction label={t('common:actions.edit')} icon={<EditOutlined />} testId="order-edit" onClick={onEdit} /> : null}
      {sale && order.amountMinor > order.returnedMinor ? <IconAction label={to('actions.return')} icon={<RollbackOutlined />} testId="order-return" onClick={onReturn} /> : null}
      {order.balanceMinor > 0 ? (
        <IconAction label={to('actions.pay')} icon={<PayCircleOutlined />} testId="order-pay" onClick={onPay} />
      ) : order.overpaidMinor > 0 ? (
        // Settled past what it owed: the payments, and by how much they pass it, are still to be read.
        <IconAction label={to('payView')} icon={<UnorderedListOutlined />} testId="order-payments" onClick={onPay} />
      ) : null}
      <KeyboardPopconfirm title={t('orders.confirmDelete')} onConfirm={onDelete} okText={t('common:actions.delete')} okButtonProps={{ danger: true }} cancelText={t('common:actions.cancel')}>
        <IconAction label={t('common:actions.delete')} icon={<DeleteOutlined />} danger testId="order-delete" />
      </KeyboardPopconfirm>
    </Space>
  );
}
