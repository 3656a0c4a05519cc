import { App, Button, Form, Input, Modal, type InputRef, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/contract/orders';
import { minorToDecimal } from '../../../shared/domain/money';
import { typedAmount } from '../../../shared/domain/typed-number';
import { api } from '../../api/client';
import { clearErrorsOnEdit, showFieldErrors } from '../../components/errors';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { formatMoney } from '../../components/format';
import { PaymentsList } from './PaymentsList';
import { paysPastBalance } from './payment-amount';

/**
 * The customer pays part or all of what one sale still owes; the payments recorded so far are listed below. On a sale
 * that owes nothing (its payments passed what it owed after returns) it only lists them, with what they pass it by.
 */
export function PaymentModal({ order, onClose, onSaved }: { order: Order | null; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation('orders');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: string }>();
  const [saving, setSaving] = useState(false);
  const [edited, setEdited] = useState(false);
  const amountRef = useRef<InputRef>(null);
  const owing = order !== null && order.balanceMinor > 0;

  // Not forceRender, which would keep a hidden dialog listening for Escape in front of the one on screen:
  // the form mounts at the first opening (initialValues) and is refilled at every later one.
  const initialValues = { amount: order ? minorToDecimal(order.balanceMinor, order.currency) : '' };
  // Esc, ×, Cancel or a click beside the dialog on a changed amount asks first, as the order form does.
  const close = useConfirmDiscard(owing && edited);
  useEffect(() => {
    setEdited(false);
    if (order) form.setFieldsValue({ amount: minorToDecimal(order.balanceMinor, order.currency) });
  }, [order, form]);

  const save = async () => {
    if (!order || !owing) return;
    const { amount } = await form.validateFields();
    setSaving(true);
    try {
      await api('orders:record-payment', { id: order.id, amount: typedAmount(amount) });
      void message.success(t('paySaved'));
      onSaved();
    } catch (error) {
      for (const text of showFieldErrors(form, error, t)) void message.error(text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={order !== null}
      title={t(owing ? 'payTitle' : 'payView')}
      onCancel={() => close(onClose)}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ 'data-testid': 'payment-save' } as never}
      confirmLoading={saving}
      // Nothing owed: nothing to record, only the list to read.
      footer={owing ? undefined : <Button onClick={onClose} data-testid="payment-close">{t('common:actions.close')}</Button>}
      // The amount is what one types (or confirms): the cursor starts there with the proposed amount selected.
      afterOpenChange={(open) => open && amountRef.current?.focus({ cursor: 'all' })}
    >
      {owing ? <Typography.Paragraph data-testid="payment-balance">{t('payBalance', { amount: formatMoney(order.balanceMinor, order.currency, i18n.language) })}</Typography.Paragraph> : null}
      {/* Named, so its amount's id is not the order form's (kept rendered beside it). Hidden, not unmounted, when nothing is owed. */}
      <Form hidden={!owing} form={form} name="orderPayment" layout="vertical" initialValues={initialValues} onValuesChange={(changed) => {
          clearErrorsOnEdit(form)(changed);
          setEdited(true);
        }}>
        <Form.Item
          name="amount"
          label={t('payAmount')}
          rules={[
            { required: true, whitespace: true, message: t('errors:issue.required') },
            {
              // Refused as typed, naming the balance: the server would refuse it too (payment_out_of_range).
              validator: (_, value: string | undefined) =>
                order && value && paysPastBalance(value, order.balanceMinor, order.currency)
                  ? Promise.reject(new Error(t('payOver', { amount: formatMoney(order.balanceMinor, order.currency, i18n.language) })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input inputMode="decimal" style={{ width: 200 }} data-testid="payment-amount" ref={amountRef} onPressEnter={() => void save().catch(() => undefined)} />
        </Form.Item>
      </Form>
      {order ? <PaymentsList orderId={order.id} reloadKey={order} /> : null}
    </Modal>
  );
}
