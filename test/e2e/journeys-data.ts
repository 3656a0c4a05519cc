import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { convertMinor, minorDigits, parseAmount } from '../../shared/domain/money';
import { byTestId, inputOf, invoke, type Journey } from './journeys';

/**
 * Runs after the demo is loaded, UI in English: a new customer's country read from the city, an order
 * that starts in the customer's usual currency and shows its base-currency amount, and the base
 * currency locked because orders exist.
 */
/** A toast naming a customer: one line of text, inside the window, its whole sentence in the title. */
async function expectOneLineToast(page: Page, testId: string, sentence: string): Promise<void> {
  // An earlier toast of the same kind may still be showing: this one is told by its sentence.
  const toast = page.locator(`[data-testid="${testId}"]`).filter({ has: page.locator('.named-message-name') }).and(page.getByTitle(sentence, { exact: true }));
  await toast.waitFor({ timeout: 15_000 });
  const box = (await toast.boundingBox())!;
  expect(box.height).toBeLessThan(30);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await toast.evaluate((el) => el.querySelector<HTMLElement>('.named-message-name')!.scrollWidth > el.querySelector<HTMLElement>('.named-message-name')!.clientWidth)).toBe(true);
}

export async function dataArrivesComplete({ page, screenshot }: Journey): Promise<void> {
  // A new customer typed with a city but no country: the form says what it will infer, and it is saved.
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await byTestId(page, 'add-customer').click();
  await inputOf(page, 'profile-name').fill('Shenzhen Walk-in');
  await inputOf(page, 'profile-city').fill('Shenzhen');
  await expect.poll(() => byTestId(page, 'profile-country-inferred').innerText()).toContain('Inferred from the city: China');
  await screenshot('new-customer-inferred-country-en');
  await byTestId(page, 'new-customer-save').click();
  await expect.poll(() => byTestId(page, 'customer-title').innerText()).toBe('Shenzhen Walk-in');
  const created = (await invoke(page, 'customers:list', { search: 'Shenzhen Walk-in' })).rows[0]!;
  const stored = await invoke(page, 'customers:get', { id: created.id });
  expect([stored.country, stored.region, stored.city]).toEqual(['CN', '广东', 'Shenzhen']);

  // A name as long as the form takes keeps the file's title on one line (it ran to four), and so do the
  // messages naming it (a screen-wide toast of three lines): the name cut short, the sentence whole on hover.
  const longName = '长名字客户'.repeat(24);
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await byTestId(page, 'add-customer').click();
  await inputOf(page, 'profile-name').fill(longName);
  await byTestId(page, 'new-customer-save').click();
  await expectOneLineToast(page, 'created-message', `Added ${longName}`);
  await expect.poll(() => byTestId(page, 'customer-title').innerText()).toBe(longName);
  expect((await byTestId(page, 'customer-title').boundingBox())!.height).toBeLessThan(50);
  // The follow-up dialog names the customer in one line as well: its Save button stays on the screen (a
  // four-line title ran over the close button and pushed Save below the window).
  await byTestId(page, 'file-quick-followup').click();
  const dialogTitle = byTestId(page, 'quick-followup-title');
  await dialogTitle.waitFor();
  expect(await dialogTitle.getAttribute('title')).toBe(`Log a follow-up: ${longName}`);
  expect((await dialogTitle.boundingBox())!.height).toBeLessThan(30);
  const dialogSave = page.locator('.ant-modal').filter({ has: dialogTitle }).locator('.ant-modal-footer .ant-btn-primary');
  await expect.poll(async () => { const box = await dialogSave.boundingBox(); return box !== null && box.y + box.height <= page.viewportSize()!.height; }).toBe(true);
  await page.keyboard.press('Escape');
  await dialogTitle.waitFor({ state: 'hidden' });
  await byTestId(page, 'delete-customer').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
  await expectOneLineToast(page, 'deleted-message', `Deleted ${longName}`);

  // A customer whose last order was in a foreign currency: a new order starts in it and shows the base amount.
  const { baseCurrency } = await invoke(page, 'settings:get', {});
  const candidates = (await invoke(page, 'customers:list', { limit: 200, sort: { field: 'revenueBaseMinor', desc: true } })).rows;
  let target: { id: string; currency: string } | null = null;
  for (const c of candidates) {
    const { orders } = await invoke(page, 'orders:list', { customerId: c.id });
    const last = [...orders].sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : a.createdAt < b.createdAt ? -1 : 1)).at(-1);
    if (last && last.currency !== baseCurrency) {
      target = { id: c.id, currency: last.currency };
      break;
    }
  }
  expect(target, 'the demo has customers who order in a foreign currency').not.toBeNull();
  await page.goto(page.url().replace(/#.*$/, `#/customers/${target!.id}`));
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'add-order').click();
  await expect.poll(() => byTestId(page, 'order-currency').innerText()).toContain(target!.currency);
  await byTestId(page, 'order-usual-currency').waitFor();
  await inputOf(page, 'order-amount').fill('100');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const { rate } = await invoke(page, 'fx:lookup', { currency: target!.currency, date: today });
  expect(rate).not.toBeNull();
  // 100 units at the locked rate, rounded to the base currency's minor unit, as the page's own Intl writes it.
  const typed = parseAmount('100', target!.currency);
  if (!typed.ok) throw new Error('100 is an amount in every currency');
  const baseMinor = convertMinor(typed.minor, target!.currency, rate!, baseCurrency);
  const shown = await page.evaluate(([value, code]) => new Intl.NumberFormat('en', { style: 'currency', currency: code as string }).format(value as number), [baseMinor / 10 ** minorDigits(baseCurrency), baseCurrency] as const);
  await expect.poll(() => byTestId(page, 'order-converted').innerText()).toContain(shown);
  await screenshot('order-converted-en');
  // A decimal comma (12,50 from a European invoice) stays as typed and is refused, never read as 1250; a
  // grouping comma goes as it completes a group of three.
  await inputOf(page, 'order-amount').fill('12,50');
  await expect.poll(() => page.getByText('Not a valid amount — enter a number such as 12.34').count()).toBe(1);
  expect(await inputOf(page, 'order-amount').inputValue()).toBe('12,50');
  expect(await byTestId(page, 'order-converted').count()).toBe(0);
  await inputOf(page, 'order-amount').fill('1,000');
  await expect.poll(() => inputOf(page, 'order-amount').inputValue()).toBe('1000');
  await inputOf(page, 'order-amount').fill('100');
  await expect.poll(() => byTestId(page, 'order-converted').innerText()).toContain(shown);
  // The rate field says an empty one locks the table's rate while the table has one, and not beside "no rate, enter one".
  await expect.poll(() => byTestId(page, 'order-fx-hint').innerText()).toContain('leave empty to lock the FX table rate');
  await byTestId(page, 'order-currency').click();
  await page.keyboard.type('GBP');
  await page.keyboard.press('Enter');
  await expect.poll(() => byTestId(page, 'order-fx-table').innerText()).toContain('No GBP rate on or before this date');
  expect(await byTestId(page, 'order-fx-hint').innerText()).toBe(`1 GBP = ? ${baseCurrency}`);
  // Closed with its Cancel button (after the currency picker, Escape no longer reaches the form); the currency
  // was changed, so the app asks before dropping it.
  await page.locator('.ant-modal-footer:visible').getByRole('button', { name: 'Cancel' }).click();
  await byTestId(page, 'unsaved-leave').click();
  await inputOf(page, 'order-amount').waitFor({ state: 'hidden' });

  // Orders exist: the base currency cannot change, and the settings page says why.
  await page.goto(page.url().replace(/#.*$/, '#/settings'));
  await byTestId(page, 'settings-base-currency-locked').waitFor();
  expect(await byTestId(page, 'settings-base-currency').getAttribute('class')).toContain('ant-select-disabled');
  // A business name too long, saved from the Save button at the foot of the page: the refused field is brought into view.
  const businessName = inputOf(page, 'settings-business-name');
  const savedName = await businessName.inputValue();
  await businessName.fill('x'.repeat(121));
  await byTestId(page, 'settings-save').click();
  // Said as every field says it, with its length and how much to cut (it said only "Too long").
  await expect.poll(() => page.locator('.ant-form-item-explain-error').first().innerText()).toBe('121 characters, at most 120: shorten it by 1 to save (nothing was cut)');
  await expect.poll(async () => { const box = await businessName.boundingBox(); return box !== null && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height; }).toBe(true);
  // … with the cursor in it to shorten it (it stayed on Save).
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe('settings-business-name');
  await businessName.fill(savedName);

  // The FX rates filtered by typing a currency: "usd" + Enter picks US Dollar, not the first currency listed.
  await page.goto(page.url().replace(/#.*$/, '#/fx'));
  await byTestId(page, 'fx-filter').click();
  await page.keyboard.type('usd');
  await page.keyboard.press('Enter');
  await expect.poll(() => byTestId(page, 'fx-filter').innerText()).toContain('USD');
  await expect.poll(async () => [...new Set((await page.locator('[data-testid="fx-page"] tbody tr.ant-table-row td:first-child').allInnerTexts()).map((c) => c.split(/\s/)[0]))]).toEqual(['USD']);

  // A rate added behind the filter and past the first page (the table is by currency, newest first): the table
  // drops the filter, goes to the rate's page and marks it, so the user sees what was added.
  const eurRates = (await invoke(page, 'fx:list', { currency: 'EUR' })).rates;
  const earliest = eurRates.map((r) => r.rateDate).sort()[0]!;
  const added = `${Number(earliest.slice(0, 4)) - 1}${earliest.slice(4)}`;
  await byTestId(page, 'fx-add').click();
  await byTestId(page, 'fx-currency').click();
  await page.keyboard.type('EUR');
  await page.keyboard.press('Enter');
  const dateInput = inputOf(page, 'fx-date');
  await dateInput.click();
  await dateInput.fill(added);
  await page.keyboard.press('Enter');
  await inputOf(page, 'fx-rate').fill('7.5');
  await byTestId(page, 'fx-save').click();
  const addedRow = page.locator(`[data-testid="fx-row"][data-currency="EUR"][data-date="${added}"]`);
  await addedRow.waitFor({ timeout: 15_000 });
  const all = (await invoke(page, 'fx:list', {})).rates;
  const pageOfAdded = Math.floor(all.findIndex((r) => r.currency === 'EUR' && r.rateDate === added) / 20) + 1;
  expect(pageOfAdded, 'the added rate sorts past the first page').toBeGreaterThan(1);
  await expect.poll(() => page.locator('[data-testid="fx-page"] .ant-pagination-item-active').innerText()).toBe(String(pageOfAdded));
  expect(await addedRow.getAttribute('class')).toContain('fx-row-saved');
  expect(await addedRow.locator('[data-testid="fx-just-saved"]').innerText()).toBe('Just saved');
  await expect.poll(async () => { const box = await addedRow.boundingBox(); return box !== null && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height; }).toBe(true);
  await invoke(page, 'fx:delete', { id: all.find((r) => r.currency === 'EUR' && r.rateDate === added)!.id });

  // A workspace without a home province, whose customers have provinces: asked once where the business is.
  await invoke(page, 'settings:update', { homeRegion: '' });
  await page.reload();
  await byTestId(page, 'home-region').waitFor({ timeout: 30_000 });
  await inputOf(page, 'home-region').fill('浙江');
  await byTestId(page, 'home-save').click();
  await byTestId(page, 'home-region').waitFor({ state: 'hidden' });
  expect((await invoke(page, 'settings:get', {})).homeRegion).toBe('浙江');
  // Locality follows the new home: a customer in Zhejiang is now local.
  const zhejiang = await invoke(page, 'customers:list', { search: '', localities: ['local'], limit: 5 });
  expect(zhejiang.rows.every((r) => r.region === null || /浙江|zhejiang/i.test(r.region))).toBe(true);
  await invoke(page, 'settings:update', { homeRegion: '广东' });
  await page.reload();
  await byTestId(page, 'customer-search').or(page.locator('.ant-layout')).first().waitFor();
  expect(await byTestId(page, 'home-region').count()).toBe(0);
}
