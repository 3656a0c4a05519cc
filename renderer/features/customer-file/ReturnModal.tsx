import { App, DatePicker, Form, Input, Modal, type InputRef, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/contract/orders';
import { minorToDecimal } from '../../../shared/domain/money';
import { typedAmount } from '../../../shared/domain/typed-number';
import { api } from '../../api/client';
import { clearErrorsOnEdit, showRefusal } from '../../components/errors';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { formatDate, formatMoney } from '../../components/format';
import { useWorkspace } from '../../app/workspace';
import { COMMON_CURRENCIES } from './OrderModal';
import { lengthLimit } from '../../components/length-limit';
import { saveWhenValid } from '../../components/save-when-valid';

interface ReturnValues {
  amount?: string;
  currency?: string;
  orderDate: Dayjs;
  cost?: string | null;
  note?: string | null;
}

/**
 * Records goods coming back: against one sale (by default all that is left to return of it), or
 * standalone for the customer (`target` 'standalone': amount and currency then typed).
 */
export function ReturnModal({ customerId, target, onClose, onSaved }: { customerId: string; target: Order | 'standalone' | null; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation('orders');
  const { message } = App.useApp();
  const { settings } = useWorkspace();
  const [form] = Form.useForm<ReturnValues>();
  const [saving, setSaving] = useState(false);
  const [edited, setEdited] = useState(false);
  const amountRef = useRef<InputRef>(null);
  const order = target === 'standalone' ? null : target;
  const left = order ? order.amountMinor - order.returnedMinor : 0;

  // Not forceRender: a hidden dialog kept rendered would take the Escape key from the one on screen. So the
  // form is mounted at the first opening (initialValues) and stays mounted after (the effect refills it).
  const initialValues: ReturnValues | null = !target
    ? null
    : order
      ? { amount: minorToDecimal(left, order.currency), orderDate: dayjs(), cost: null, note: null }
      : { amount: '', currency: settings.baseCurrency, orderDate: dayjs(), cost: null, note: null };
  // Esc, ×, Cancel or a click beside the dialog on a typed return asks first, as the order form does.
  const close = useConfirmDiscard(target !== null && edited);
  useEffect(() => {
    setEdited(false);
    if (initialValues) form.setFieldsValue(initialValues);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill once per opening, not per render
  }, [target]);

  const saveValid = async (values: ReturnValues) => {
    setSaving(true);
    try {
      await api('orders:return', {
        ...(order ? { orderId: order.id } : { customerId, currency: values.currency }),
        amount: values.amount?.trim() ? typedAmount(values.amount) : undefined,
        orderDate: values.orderDate.format('YYYY-MM-DD'),
        cost: values.cost?.trim() ? typedAmount(values.cost) : null,
        note: values.note ?? null,
      });
      void message.success(t('returnSaved'));
      onSaved();
    } catch (error) {
      // The server's refusal (more than is left to return, a cost above the amount) is shown as the rules' are.
      for (const text of showRefusal(form, error, t)) void message.error(text);
    } finally {
      setSaving(false);
    }
  };
  // A refused field is brought into view with the cursor in it, and the refusal ends there (save-when-valid.ts).
  const save = () => (target ? saveWhenValid(form, saveValid) : Promise.resolve(false));

  return (
    <Modal
      open={target !== null}
      title={t('returnTitle')}
      onCancel={() => close(onClose)}
      onOk={() => void save()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ 'data-testid': 'return-save' } as never}
      confirmLoading={saving}
      // The amount is what one types (or confirms): the cursor starts there with the proposed amount selected.
      afterOpenChange={(open) => open && amountRef.current?.focus({ cursor: 'all' })}
    >
      {order ? (
        <Typography.Paragraph type="secondary" data-testid="return-of">
          {t('returnOf', { date: formatDate(order.orderDate, i18n.language), number: order.orderNumber ?? '', amount: formatMoney(order.amountMinor, order.currency, i18n.language) })}
          {' · '}
          {t('returnLeft', { amount: formatMoney(left, order.currency, i18n.language) })}
        </Typography.Paragraph>
      ) : null}
      {/* Named: antd makes its fields' ids of the form's name, and unnamed they repeated the order form's (kept rendered beside it). */}
      <Form form={form} name="orderReturn" layout="vertical" data-testid="return-form" initialValues={initialValues ?? undefined} onValuesChange={(changed) => {
          clearErrorsOnEdit(form)(changed);
          setEdited(true);
        }}>
        <Form.Item
          name="amount"
          label={t('returnAmount')}
          extra={order ? t('returnAmountHelp') : undefined}
          rules={order ? [] : [{ required: true, whitespace: true, message: t('errors:issue.required') }]}
        >
          <Input inputMode="decimal" style={{ width: 200 }} data-testid="return-amount" ref={amountRef} onPressEnter={() => void save()} />
        </Form.Item>
        {order ? null : (
          <Form.Item name="currency" label={t('customerFile:orders.currency')} rules={[{ required: true, message: t('errors:issue.required') }]}>
            <Select showSearch style={{ width: 200 }} options={COMMON_CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        )}
        <Form.Item name="orderDate" label={t('returnDate')} rules={[{ required: true, message: t('errors:issue.required') }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="cost" label={t('costBack')} extra={order ? t('costBackHelp') : undefined}>
          <Input inputMode="decimal" style={{ width: 200 }} data-testid="return-cost" />
        </Form.Item>
        <Form.Item name="note" label={t('customerFile:orders.note')} rules={[lengthLimit(t, i18n.language, 1000)]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
