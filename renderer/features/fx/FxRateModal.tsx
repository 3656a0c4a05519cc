import { Alert, App, DatePicker, Form, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FxRate } from '../../../shared/contract/settings';
import { localDateOf } from '../../../shared/domain/dates';
import { api } from '../../api/client';
import { showFieldErrors } from '../../components/errors';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { formatDate } from '../../components/format';
import { CurrencySelect } from '../settings/CurrencySelect';
import { formatRate } from '../../../shared/domain/money';

interface FxFormValues {
  currency?: string;
  rateDate?: Dayjs;
  rate?: number;
}

interface Props {
  /** The rate being edited, or null to add one. */
  editing: FxRate | null;
  open: boolean;
  baseCurrency: string;
  rates: FxRate[];
  onClose(): void;
  afterClose(): void;
  /** The rate as stored, so the table can show where it landed. */
  onSaved(rate: FxRate): void;
}

/** Add or edit one rate. Editing changes only the rate: currency + date identify it (upsert). */
export function FxRateModal({ editing, open, baseCurrency, rates, onClose, afterClose, onSaved }: Props) {
  const { t, i18n } = useTranslation('fx');
  const { message } = App.useApp();
  const [form] = Form.useForm<FxFormValues>();
  const [saving, setSaving] = useState(false);
  const [edited, setEdited] = useState(false);
  // Esc, ×, Cancel or a click beside the dialog on a typed rate asks first, as the order form does. (The
  // page mounts the dialog afresh for each opening, so `edited` starts false each time.)
  const close = useConfirmDiscard(open && edited);
  const currency = Form.useWatch('currency', form);
  const rateDate = Form.useWatch('rateDate', form);
  const replaced =
    editing === null && currency && rateDate ? rates.find((r) => r.currency === currency && r.rateDate === rateDate.format('YYYY-MM-DD')) : undefined;

  const save = async () => {
    let values: FxFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await api('fx:upsert', { currency: values.currency ?? '', rateDate: values.rateDate?.format('YYYY-MM-DD') ?? '', rate: values.rate ?? Number.NaN });
      void message.success(t('saved'));
      onSaved(saved);
    } catch (error) {
      for (const text of showFieldErrors(form, error, t)) void message.error(text);
    } finally {
      setSaving(false);
    }
  };

  const initialValues: FxFormValues = editing
    ? { currency: editing.currency, rateDate: dayjs(editing.rateDate), rate: editing.rate }
    : { rateDate: dayjs(localDateOf(new Date())) };
  return (
    <Modal
      open={open}
      title={editing ? t('editTitle') : t('addTitle')}
      onCancel={() => close(onClose)}
      afterClose={afterClose}
      onOk={() => void save()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'fx-save' } as never}
      destroyOnHidden
      // Adding starts at the currency (editing starts at the rate, the one field it may change).
      afterOpenChange={(visible) => visible && editing === null && (form.getFieldInstance('currency') as HTMLInputElement | null)?.focus()}
    >
      <Form form={form} layout="vertical" name="fx" initialValues={initialValues} data-testid="fx-form" onFinish={() => void save()} onValuesChange={() => setEdited(true)}>
        <Form.Item
          name="currency"
          label={t('currency')}
          rules={[
            { required: true, message: t('errors:issue.required') },
            { pattern: /^[A-Za-z]{3}$/, message: t('errors:issue.invalid_currency') },
            { validator: async (_, v?: string) => { if (v && v.toUpperCase() === baseCurrency) throw new Error(t('sameAsBase', { base: baseCurrency })); } },
          ]}
        >
          <CurrencySelect testId="fx-currency" disabled={editing !== null} extra={[...new Set(rates.map((r) => r.currency))]} />
        </Form.Item>
        <Form.Item name="rateDate" label={t('date')} rules={[{ required: true, message: t('errors:issue.invalid_date') }]}>
          <DatePicker data-testid="fx-date" allowClear={false} disabled={editing !== null} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="rate"
          label={t('rate')}
          extra={t('rateHelp', { base: baseCurrency })}
          rules={[
            { required: true, message: t('errors:issue.invalid_rate') },
            { type: 'number', min: Number.MIN_VALUE, message: t('errors:issue.invalid_rate') },
          ]}
        >
          <InputNumber<number>
            data-testid="fx-rate"
            autoFocus={editing !== null}
            // The form has no submit button of its own, so the browser never submits it on Enter: the rate, typed last, saves.
            onPressEnter={() => void save()}
            min={0}
            step={0.0001}
            style={{ width: '100%' }}
            prefix={`1 ${currency ?? '···'} =`}
            suffix={baseCurrency}
          />
        </Form.Item>
        {replaced ? (
          <Alert
            type="warning"
            showIcon
            title={t('replaces', { currency: replaced.currency, date: formatDate(replaced.rateDate, i18n.language), rate: formatRate(replaced.rate, i18n.language) })}
          />
        ) : null}
        {editing ? <Typography.Text type="secondary">{t('editHint')}</Typography.Text> : null}
      </Form>
    </Modal>
  );
}
