import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, InputNumber, Space, Typography, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/orders';
import { minorToDecimal, parseAmount } from '../../../shared/domain/money';
import { lineAmountMinor } from '../../../shared/domain/order-lines';
import { typedAmount } from '../../../shared/domain/typed-number';
import { api } from '../../api/client';
import { formatMoney } from '../../components/format';
import type { LineValues, OrderValues } from './order-form';
import { lengthLimit } from '../../components/length-limit';

/** Products matching what is typed (name, pinyin, initials, SKU), asked for a moment after typing stops. */
function useProductSearch(): [Product[], (query: string) => void] {
  const [found, setFound] = useState<Product[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const search = (query: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void api('products:search', { query, limit: 10 }).then((r) => setFound(r.products), () => setFound([])), 150);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return [found, search];
}

function LineAmount({ line, currency, language }: { line: LineValues | undefined; currency: string | undefined; language: string }) {
  if (!line?.quantity || !currency) return null;
  const price = parseAmount(typedAmount(line.unitPrice ?? ''), currency);
  if (!price.ok || price.minor < 0) return null;
  return <Typography.Text data-testid="order-line-amount">{formatMoney(lineAmountMinor(line.quantity, price.minor), currency, language)}</Typography.Text>;
}

/** The order's line items: product (with autocomplete from earlier orders), SKU, quantity, unit price. */
export function OrderLinesField({ form, currency }: { form: FormInstance<OrderValues>; currency: string | undefined }) {
  const { t, i18n } = useTranslation('orders');
  const [products, search] = useProductSearch();
  const lines = Form.useWatch('lines', form);

  const pick = (index: number, product: Product) => {
    const current = form.getFieldValue(['lines', index]) as LineValues | undefined;
    form.setFieldValue(['lines', index], {
      ...current,
      name: product.name,
      sku: product.sku ?? current?.sku ?? null,
      quantity: current?.quantity ?? 1,
      // The last price only when it was in this order's currency.
      unitPrice: current?.unitPrice || (product.lastUnitPriceMinor !== null && product.lastCurrency === currency ? minorToDecimal(product.lastUnitPriceMinor, currency) : current?.unitPrice),
    });
  };

  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <div data-testid="order-lines">
          <Typography.Text strong>{t('lines')}</Typography.Text>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginTop: 8 }} data-testid="order-line">
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('errors:issue.required') }, lengthLimit(t, i18n.language, 200)]} style={{ marginBottom: 0 }}>
                <AutoComplete
                  style={{ width: 220 }}
                  placeholder={t('productPlaceholder')}
                  onSearch={search}
                  onFocus={() => search(String(form.getFieldValue(['lines', field.name, 'name']) ?? ''))}
                  options={products.map((p) => ({
                    value: p.id,
                    label: (
                      <span data-testid="product-option">
                        {p.name}
                        {p.sku ? <Typography.Text type="secondary"> · {p.sku}</Typography.Text> : null}
                        {p.lastUnitPriceMinor !== null && p.lastCurrency ? (
                          <Typography.Text type="secondary"> · {t('lastPrice', { price: formatMoney(p.lastUnitPriceMinor, p.lastCurrency, i18n.language), date: p.lastSoldOn })}</Typography.Text>
                        ) : null}
                      </span>
                    ),
                  }))}
                  onSelect={(id: string) => {
                    const product = products.find((p) => p.id === id);
                    if (product) pick(field.name, product);
                  }}
                >
                  <Input data-testid="order-line-name" />
                </AutoComplete>
              </Form.Item>
              <Form.Item name={[field.name, 'sku']} rules={[lengthLimit(t, i18n.language, 64)]} style={{ marginBottom: 0 }}>
                <Input placeholder={t('sku')} style={{ width: 100 }} data-testid="order-line-sku" />
              </Form.Item>
              <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: t('errors:issue.required') }]} style={{ marginBottom: 0 }}>
                <InputNumber placeholder={t('quantity')} min={0.001} max={1_000_000_000} style={{ width: 90 }} data-testid="order-line-qty" />
              </Form.Item>
              <Form.Item name={[field.name, 'unitPrice']} rules={[{ required: true, message: t('errors:issue.required') }]} normalize={(v: string) => typedAmount(v)} style={{ marginBottom: 0 }}>
                <Input placeholder={t('unitPrice')} inputMode="decimal" style={{ width: 110 }} data-testid="order-line-price" />
              </Form.Item>
              <LineAmount line={lines?.[field.name]} currency={currency} language={i18n.language} />
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('removeLine')} title={t('removeLine')} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} style={{ marginTop: 8 }} data-testid="order-add-line">
            {t('addLine')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
