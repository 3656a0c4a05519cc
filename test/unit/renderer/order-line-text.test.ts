import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../shared/contract/orders';
import { OrderLineText } from '../../../renderer/features/customer-file/OrderLineText';

const line = (patch: Partial<OrderLine>): OrderLine => ({ id: 'l1', position: 0, productId: null, sku: null, name: 'x', quantity: 1, unitPriceMinor: 100, amountMinor: 100, ...patch });

/** The elements that take their own direction (dir="auto"), with their text. */
const isolated = (html: string) => [...html.matchAll(/<(\w+)[^>]*\sdir="auto"[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]);
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');

/**
 * An order's expanded row lists its lines. A product named in Arabic or Hebrew with digits, set in the app's own
 * words ("× 3 @ ¥12.50 = ¥37.50"), took those words into its right-to-left run: "[AR-7] 37.50¥ = 12.50¥ @ 3 × 42 قميص".
 */
describe('an order line in the expanded row', () => {
  it.each([
    ['zh-CN', 'قميص قطن 100% مقاس 42', 'AR-7', 3, 1250, '× 3 @ ¥12.50 = ¥37.50'],
    ['en', 'חולצה כותנה 2024 (XL)', 'HE-9', 2, 3000, '× 2 @ CN¥30.00 = CN¥60.00'],
    ['en', 'شركة-٢٠٢٤', 'مستودع-7', -1, 1250, '× 1 @ CN¥12.50 = -CN¥12.50'],
  ] as const)('keeps a right-to-left name and SKU to themselves, the figures after them in the app’s order (%s, %s)', (language, name, sku, quantity, unitPriceMinor, figures) => {
    const html = renderToStaticMarkup(createElement(OrderLineText, { line: line({ name, sku, quantity, unitPriceMinor, amountMinor: quantity * unitPriceMinor }), currency: 'CNY', language }));
    // The name and the SKU each in an element of their own direction, holding exactly what the user typed.
    expect(isolated(html)).toEqual([sku, name]);
    // The app's words after them, as the app writes them; the figures kept on one line.
    expect(text(html)).toBe(`[${sku}] ${name} ${figures}`);
    expect(html).toMatch(new RegExp(`<span class="figure-text">${figures.replace(/[$.*+?()[\]\\^{}|]/g, '\\$&')}</span>`));
  });

  it('lets a 200-character name wrap inside its box rather than push the figures past the row', () => {
    const name = '超长商品名称ExtraordinarilyLongProductName'.repeat(6).slice(0, 200);
    const html = renderToStaticMarkup(createElement(OrderLineText, { line: line({ name }), currency: 'CNY', language: 'en' }));
    expect(html).toMatch(new RegExp(`<span[^>]*dir="auto"[^>]*style="overflow-wrap:anywhere"[^>]*>${name}</span>`));
  });
});
