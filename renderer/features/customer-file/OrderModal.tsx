import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/contract/orders';
import { formatRate, minorDigits, minorToDecimal, parseAmount } from '../../../shared/domain/money';
import { typedAmount } from '../../../shared/domain/typed-number';
import { api } from '../../api/client';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { useUnsavedChangesPrompt } from '../../components/use-unsaved-changes-prompt';
import { useWorkspace } from '../../app/workspace';
import { clearErrorsOnEdit, showFieldErrors } from '../../components/errors';
import { formatMoney } from '../../components/format';
import { convertedPreview } from './order-preview';
import { formAmountMinor, linesTotalMinor, paidAmountProblem, startedLines, toOrderInput, type OrderValues } from './order-form';
import { OrderLinesField } from './OrderLinesField';
import { lengthLimit } from '../../components/length-limit';

export const COMMON_CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY', 'AUD', 'CAD', 'SGD', 'AED', 'RUB', 'BRL'];
const AMOUNT_KEYS = { empty: 'required', not_a_number: 'invalid_amount', too_many_decimals: 'amount_too_many_decimals', too_large: 'amount_too_large' } as const;

/** Add or edit an order. The amount is checked as typed, with the currency's own decimals, before anything is sent. */
export function OrderModal({ customerId, order, open, onClose, onSaved }: { customerId: string; order: Order | null; open: boolean; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation('customerFile');
  const { t: to } = useTranslation('orders');
  const { message } = App.useApp();
  const { settings } = useWorkspace();
  const [form] = Form.useForm<OrderValues>();
  const [saving, setSaving] = useState(false);
  const [edited, setEdited] = useState(false);
  useUnsavedChangesPrompt(open && edited);
  // Esc, × or Cancel on a half-typed order asks first, as leaving the screen does.
  const close = useConfirmDiscard(open && edited);
  const [lookup, setLookup] = useState<{ rate: number | null; rateDate: string | null } | null>(null);
  const currency = Form.useWatch('currency', form);
  const orderDate = Form.useWatch('orderDate', form);
  const amount = Form.useWatch('amount', form);
  const fxRate = Form.useWatch('fxRate', form);
  const lines = Form.useWatch('lines', form);
  const paymentStatus = Form.useWatch('paymentStatus', form);
  const hasLines = startedLines(lines).length > 0;
  const linesTotal = linesTotalMinor(lines, currency);
  const shownAmount = hasLines ? (linesTotal === null ? '' : minorToDecimal(linesTotal, currency)) : amount;
  // A new order starts in the customer's usual currency (their last order's), not always the base one.
  const [usual, setUsual] = useState<string | null>(null);

  useEffect(() => {
    setEdited(false);
    if (!open) return;
    form.setFieldsValue(
      order
        ? {
            orderDate: dayjs(order.orderDate),
            orderNumber: order.orderNumber,
            amount: minorToDecimal(order.amountMinor, order.currency),
            currency: order.currency,
            fxRate: order.currency === order.baseCurrency ? null : order.fxRate,
            note: order.note,
            lines: order.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: minorToDecimal(l.unitPriceMinor, order.currency) })),
            cost: order.costMinor === null ? null : minorToDecimal(order.costMinor, order.currency),
            paymentStatus: order.unpaidMinor === 0 ? 'paid' : order.unpaidMinor === order.amountMinor ? 'unpaid' : 'part',
            paid: minorToDecimal(order.amountMinor - order.unpaidMinor, order.currency),
            dueDate: order.paymentDueDate ? dayjs(order.paymentDueDate) : null,
          }
        : { orderDate: dayjs(), orderNumber: null, amount: '', currency: settings.baseCurrency, fxRate: null, note: null, lines: [], cost: null, paymentStatus: 'paid', paid: null, dueDate: null },
    );
    setUsual(null);
    if (order) return;
    let cancelled = false;
    // Their latest order's currency, found by the handler (a big customer's orders are not all sent for it).
    void api('orders:summary', { customerId }).then(({ usualCurrency: code }) => {
      if (cancelled || code === null) return;
      // Only if the user has not picked one meanwhile.
      if (form.getFieldValue('currency') === settings.baseCurrency) form.setFieldValue('currency', code);
      setUsual(code);
    });
    return () => {
      cancelled = true;
    };
  }, [open, order, form, settings.baseCurrency, customerId]);

  useEffect(() => {
    if (!open || !currency || !orderDate || currency === settings.baseCurrency || !/^[A-Z]{3}$/.test(currency)) return setLookup(null);
    void api('fx:lookup', { currency, date: orderDate.format('YYYY-MM-DD') }).then(setLookup, () => setLookup(null));
  }, [open, currency, orderDate, settings.baseCurrency]);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const input = toOrderInput(customerId, values);
      if (order) await api('orders:update', { id: order.id, order: input });
      else await api('orders:create', input);
      void message.success(t('orders.saved'));
      onSaved();
    } catch (error) {
      // The contract nests payment fields; the form keeps them flat.
      const fieldOf = (path: (string | number)[]) => (path[0] === 'payment' ? [path[1] === 'dueDate' ? 'dueDate' : 'paid'] : path);
      for (const text of showFieldErrors(form, error, t, fieldOf)) void message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const foreign = currency && currency !== settings.baseCurrency;
  return (
    <Modal
      open={open}
      title={order ? t('orders.editTitle') : t('orders.addTitle')}
      onCancel={() => close(onClose)}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ 'data-testid': 'order-save' } as never}
      confirmLoading={saving}
      width={820}
      forceRender
      // Kept rendered, so autoFocus would fire once: each opening puts the cursor in the first field, the date.
      afterOpenChange={(visible) => visible && (form.getFieldInstance('orderDate') as HTMLInputElement | null)?.focus()}
    >
      <Form form={form} layout="vertical" data-testid="order-form" onValuesChange={(changed) => {
          clearErrorsOnEdit(form)(changed);
          setEdited(true);
          // The paid part is measured against the amount: a new amount (or lines, or currency) measures it again.
          if (('amount' in changed || 'lines' in changed || 'currency' in changed) && form.getFieldValue('paid')) void form.validateFields(['paid']).catch(() => undefined);
        }}>
        <Space wrap>
          <Form.Item name="orderDate" label={t('orders.date')} rules={[{ required: true, message: t('errors:issue.required') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="orderNumber" label={to('number')} rules={[lengthLimit(t, i18n.language, 64)]}>
            <Input placeholder={to('numberPlaceholder')} style={{ width: 220 }} data-testid="order-number" />
          </Form.Item>
        </Space>
        <OrderLinesField form={form} currency={currency} />
        {hasLines ? (
          <Typography.Paragraph strong style={{ marginTop: 8 }} data-testid="order-lines-total">
            {to('linesTotal', { amount: linesTotal === null ? '—' : formatMoney(linesTotal, currency, i18n.language) })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          hidden={hasLines}
          name="amount"
          label={t('orders.amount')}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (startedLines(form.getFieldValue('lines')).length > 0) return;
                const code = /^[A-Z]{3}$/.test(currency ?? '') ? currency! : 'CNY';
                const parsed = parseAmount(typedAmount(value ?? ''), code);
                if (!parsed.ok) throw new Error(t(`errors:issue.${AMOUNT_KEYS[parsed.reason]}`, { currency: code, digits: minorDigits(code) }));
                if (parsed.minor < 0) throw new Error(t('errors:issue.amount_negative'));
              },
            },
          ]}
          normalize={(value: string) => typedAmount(value)}
        >
          <Input data-testid="order-amount" inputMode="decimal" placeholder="1234.50" />
        </Form.Item>
        <Form.Item name="currency" label={t('orders.currency')} rules={[{ required: true, message: t('errors:issue.required') }]}>
          <Select showSearch data-testid="order-currency" options={COMMON_CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        {usual && currency === usual ? (
          <Typography.Paragraph type="secondary" data-testid="order-usual-currency">
            {t('data:orders.usualCurrency', { currency: usual })}
          </Typography.Paragraph>
        ) : null}
        {/* "Leave empty" only while the table has a rate to lock: beside "no rate, enter one" it contradicted it. */}
        {foreign ? (
          <Form.Item name="fxRate" label={t('orders.fxRate')} extra={<span data-testid="order-fx-hint">{t(lookup && !lookup.rate ? 'orders.fxHintNoTableRate' : 'orders.fxHint', { currency, base: settings.baseCurrency })}</span>}>
            <InputNumber min={0} step={0.0001} style={{ width: 200 }} placeholder={lookup?.rate ? formatRate(lookup.rate, i18n.language) : ''} data-testid="order-fx" />
          </Form.Item>
        ) : null}
        {foreign && lookup ? (
          <Typography.Paragraph type={lookup.rate ? 'secondary' : 'warning'} data-testid="order-fx-table">
            {lookup.rate ? t('orders.fxFound', { rate: formatRate(lookup.rate, i18n.language), date: lookup.rateDate }) : t('orders.fxMissing', { currency })}
          </Typography.Paragraph>
        ) : null}
        <ConvertedLine preview={convertedPreview(shownAmount, currency, settings.baseCurrency, fxRate ?? lookup?.rate)} base={settings.baseCurrency} language={i18n.language} />
        <Form.Item name="cost" label={to('cost')} extra={to('costHelp')} normalize={(v: string) => typedAmount(v)}>
          <Input inputMode="decimal" style={{ width: 200 }} data-testid="order-cost" />
        </Form.Item>
        <Form.Item name="paymentStatus" label={to('payment')}>
          <Radio.Group data-testid="order-payment" optionType="button" options={(['paid', 'unpaid', 'part'] as const).map((s) => ({ value: s, label: <span data-testid={`order-payment-${s}`}>{to(`paymentStatus.${s}`)}</span> }))} />
        </Form.Item>
        {paymentStatus && paymentStatus !== 'paid' ? (
          // Top-aligned: the due date's help under it makes its item taller, and centred the paid field sat lower.
          <Space wrap align="start">
            {paymentStatus === 'part' ? (
              <Form.Item
                name="paid"
                label={to('paid')}
                rules={[
                  { required: true, message: t('errors:issue.required') },
                  {
                    // Refused as typed, naming the order's amount, as the payment dialog refuses a payment past the
                    // balance: the server would refuse it too (paid_out_of_range), but only at Save.
                    validator: async (_rule, value: string | undefined) => {
                      const values = form.getFieldsValue(['amount', 'lines', 'currency']) as Pick<OrderValues, 'amount' | 'lines' | 'currency'>;
                      const amountMinor = formAmountMinor(values);
                      const problem = paidAmountProblem(value, amountMinor, values.currency);
                      if (problem === 'negative') throw new Error(to('paidNegative'));
                      if (problem === 'past') throw new Error(to('paidOver', { amount: formatMoney(amountMinor!, values.currency, i18n.language) }));
                    },
                  },
                ]}
                normalize={(v: string) => typedAmount(v)}
              >
                <Input inputMode="decimal" style={{ width: 200 }} data-testid="order-paid" />
              </Form.Item>
            ) : null}
            <Form.Item name="dueDate" label={to('dueDate')} extra={to('dueDateHelp')}>
              <DatePicker data-testid="order-due" />
            </Form.Item>
          </Space>
        ) : null}
        <Form.Item name="note" label={t('orders.note')} rules={[lengthLimit(t, i18n.language, 1000)]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The amount in the base currency, before saving: what every figure and tier will count. */
function ConvertedLine({ preview, base, language }: { preview: ReturnType<typeof convertedPreview>; base: string; language: string }) {
  const { t } = useTranslation('data');
  if (!preview || preview.kind === 'same') return null;
  if (preview.kind === 'no_rate') return null; // the rate field and its warning already say what is missing
  return (
    <Typography.Paragraph strong data-testid="order-converted">
      {t('orders.converted', { amount: formatMoney(preview.baseMinor, base, language), rate: formatRate(preview.rate, language) })}
    </Typography.Paragraph>
  );
}
