import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { localDateOf } from '../../shared/domain/dates';
import { at, byTestId, chooseOption, inputOf, invoke, questionSettled, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };
const HOME_ASKED = 'tierbook.homeLocationAsked';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

/** Ways of closing the drawer or dialog on screen: Escape, its ×, its Cancel, a click beside it. */
const escape = (page: Page) => () => page.keyboard.press('Escape');
const drawerX = (page: Page) => () => page.locator('.ant-drawer-open .ant-drawer-close').click();
const dialogX = (page: Page) => () => page.locator('.ant-modal-wrap:visible .ant-modal-close').first().click();
const dialogCancel = (page: Page, name = 'Cancel') => () => page.locator('.ant-modal-wrap:visible .ant-modal-footer').first().getByRole('button', { name }).click();
const drawerCancel = (page: Page) => () => page.locator('.ant-drawer-open .ant-drawer-extra').getByRole('button', { name: 'Cancel' }).click();
// Left of every dialog and drawer of the app at 1366×768, on the mask.
const beside = (page: Page) => () => page.mouse.click(40, 600);

/**
 * With `field` holding `typed`: closing the first way asks (the safe answer focused) and leaves the form
 * open; "Keep editing" keeps the text; closing the second way asks again and "Discard and close" closes.
 */
async function asksThenDiscards(page: Page, form: Locator, field: Locator, typed: string, keepWay: () => Promise<unknown>, discardWay: () => Promise<unknown>): Promise<void> {
  await keepWay();
  await questionSettled(page);
  await expect.poll(() => focusedTestId(page)).toBe('unsaved-stay');
  expect(await form.isVisible()).toBe(true);
  await byTestId(page, 'unsaved-stay').click();
  await byTestId(page, 'unsaved-stay').waitFor({ state: 'detached' });
  expect(await form.isVisible()).toBe(true);
  expect(await field.inputValue()).toBe(typed);
  await discardWay();
  await questionSettled(page);
  await byTestId(page, 'unsaved-leave').click();
  await form.waitFor({ state: 'hidden' });
}

/** With nothing typed, `way` closes at once, asking nothing. */
async function closesAtOnce(page: Page, form: Locator, way: () => Promise<unknown>): Promise<void> {
  await way();
  await form.waitFor({ state: 'hidden' });
  expect(await byTestId(page, 'unsaved-stay').count()).toBe(0);
}

/**
 * Every form in a drawer or dialog keeps typed work from a stray Esc, ×, Cancel or click beside it, as the
 * quick follow-up and the order form do: the new customer, a follow-up's edit, a payment, a return, an
 * exchange rate, tier settings, a custom segment and the home-province question. "Keep editing" keeps
 * the text; "Discard and close" saves nothing (and the next opening starts afresh).
 */
export async function everyFormAsksBeforeDropping({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });

  // The new customer: a name typed, Escape asks; Cancel then discards. Reopened, it is empty and Escape just closes.
  await page.goto(at(page, '#/customers'));
  await page.reload();
  await byTestId(page, 'add-customer').click();
  const newCustomer = page.locator('.ant-drawer-open');
  const name = inputOf(page, 'profile-name');
  await name.waitFor();
  await name.fill('Half Typed 半填客户');
  await page.keyboard.press('Escape');
  await questionSettled(page);
  await screenshot('discard-new-customer-en');
  await byTestId(page, 'unsaved-stay').click();
  await byTestId(page, 'unsaved-stay').waitFor({ state: 'detached' });
  await asksThenDiscards(page, newCustomer, name, 'Half Typed 半填客户', beside(page), drawerCancel(page));
  expect((await invoke(page, 'customers:list', { search: 'Half Typed' })).total).toBe(0);
  await byTestId(page, 'add-customer').click();
  await name.waitFor();
  expect(await name.inputValue()).toBe('');
  await expect.poll(() => focusedTestId(page)).toBe('profile-name');
  await closesAtOnce(page, newCustomer, escape(page));

  // A customer with a follow-up and an unpaid order, for the file's own dialogs.
  const { customer } = await invoke(page, 'customers:create', { name: 'Discard Forms 放弃表单' });
  const { baseCurrency } = await invoke(page, 'settings:get', {});
  await invoke(page, 'followups:create', { customerId: customer.id, channel: 'call', content: 'Asked for the price list', outcome: null, intent: null, satisfaction: null, nextContactDate: null, nextContactTime: null });
  const order = await invoke(page, 'orders:create', { customerId: customer.id, orderDate: localDateOf(new Date()), currency: baseCurrency, amount: '300', payment: { status: 'unpaid' } });
  await page.goto(at(page, `#/customers/${customer.id}`));
  await page.reload();

  // A follow-up's edit: text added, × asks; a click beside it discards; the follow-up is as it was.
  await byTestId(page, 'followup-edit').first().click();
  const editDialog = page.locator('.ant-modal-wrap:visible .ant-modal').filter({ has: page.locator('[data-testid="followup-content"]') });
  const content = editDialog.locator('textarea[data-testid="followup-content"]');
  await expect.poll(() => content.inputValue()).toBe('Asked for the price list');
  await content.focus();
  await content.press('End');
  await content.pressSequentially(', and for samples');
  await asksThenDiscards(page, editDialog, content, 'Asked for the price list, and for samples', dialogX(page), beside(page));
  expect((await invoke(page, 'followups:list', { customerId: customer.id })).followUps[0]!.content).toBe('Asked for the price list');

  // A payment: another amount typed, Escape asks; Cancel discards; nothing paid.
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'order-pay').click();
  const paymentDialog = page.locator('.ant-modal-wrap:visible .ant-modal').filter({ has: page.locator('[data-testid="payment-amount"]') });
  const paid = inputOf(page, 'payment-amount');
  await expect.poll(() => focusedTestId(page)).toBe('payment-amount');
  await paid.fill('120');
  await asksThenDiscards(page, paymentDialog, paid, '120', escape(page), dialogCancel(page));
  expect((await invoke(page, 'orders:list', { customerId: customer.id })).orders.find((o) => o.id === order.id)!.unpaidMinor).toBe(order.unpaidMinor);
  // Opened again, nothing typed: Escape closes at once.
  await byTestId(page, 'order-pay').click();
  await expect.poll(() => focusedTestId(page)).toBe('payment-amount');
  await closesAtOnce(page, paymentDialog, escape(page));

  // A return: an amount typed, a click beside it asks; Escape discards; no return recorded.
  await byTestId(page, 'order-return').click();
  const returnDialog = page.locator('.ant-modal-wrap:visible .ant-modal').filter({ has: page.locator('[data-testid="return-form"]') });
  const returned = inputOf(page, 'return-amount');
  await expect.poll(() => focusedTestId(page)).toBe('return-amount');
  await returned.fill('50');
  // A note past its limit, then Save: the note is brought into view with the cursor in it (it stayed on Save), nothing saved.
  const returnNote = returnDialog.locator('#orderReturn_note');
  await returnNote.fill('x'.repeat(1001));
  await byTestId(page, 'return-save').click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? null)).toBe('orderReturn_note');
  await returnNote.fill('');
  await asksThenDiscards(page, returnDialog, returned, '50', beside(page), escape(page));
  expect((await invoke(page, 'orders:list', { customerId: customer.id })).orders.filter((o) => o.kind === 'return')).toEqual([]);

  // An exchange rate: a rate typed, a click beside it asks; × discards; no rate added.
  const rates = (await invoke(page, 'fx:list', {})).rates.length;
  await byTestId(page, 'nav-fx').click();
  await byTestId(page, 'fx-add').click();
  const fxDialog = page.locator('.ant-modal-wrap:visible .ant-modal').filter({ has: page.locator('[data-testid="fx-form"]') });
  const rate = inputOf(page, 'fx-rate');
  await rate.waitFor();
  await rate.fill('7.1234');
  await asksThenDiscards(page, fxDialog, rate, '7.1234', beside(page), dialogX(page));
  expect((await invoke(page, 'fx:list', {})).rates.length).toBe(rates);

  // Tier settings, in Chinese: a share changed, Escape asks; × discards; nothing saved, and reopened it shows the saved value.
  await chooseOption(page, 'language-switch', '中文');
  const config = await invoke(page, 'segments:config:get', {});
  const share = (config.effective.pyramid as { mode?: string } | undefined)?.mode === 'thresholds' ? 'config-platinumAt' : 'config-platinum';
  await byTestId(page, 'nav-tiers').click();
  await byTestId(page, 'open-segmentation-settings').click();
  const settings = byTestId(page, 'segmentation-settings');
  const shareInput = inputOf(page, share);
  await expect.poll(() => shareInput.inputValue(), SLOW).not.toBe('');
  const savedShare = await shareInput.inputValue();
  await shareInput.fill('7.5');
  await page.keyboard.press('Escape');
  await questionSettled(page);
  await expect.poll(() => byTestId(page, 'unsaved-leave').innerText()).toBe('放弃并关闭');
  await screenshot('discard-tier-settings-zh-CN');
  await byTestId(page, 'unsaved-stay').click();
  await byTestId(page, 'unsaved-stay').waitFor({ state: 'detached' });
  await asksThenDiscards(page, settings, shareInput, '7.5', escape(page), drawerX(page));
  expect((await invoke(page, 'segments:config:get', {})).overrides).toEqual(config.overrides);
  await byTestId(page, 'open-segmentation-settings').click();
  await expect.poll(() => shareInput.inputValue(), SLOW).toBe(savedShare);
  await closesAtOnce(page, settings, escape(page));
  await chooseOption(page, 'language-switch', 'English');

  // A custom segment: a name typed, × asks; a click beside it discards; nothing saved, and reopened the name is empty.
  const segments = (await invoke(page, 'segments:custom:list', {})).segments.length;
  await byTestId(page, 'open-custom-segments').click();
  const segmentDrawer = byTestId(page, 'custom-segments');
  const segmentName = inputOf(page, 'custom-name');
  await segmentName.waitFor();
  await segmentName.fill('Half typed segment');
  await asksThenDiscards(page, segmentDrawer, segmentName, 'Half typed segment', drawerX(page), beside(page));
  expect((await invoke(page, 'segments:custom:list', {})).segments.length).toBe(segments);
  await byTestId(page, 'open-custom-segments').click();
  await segmentName.waitFor();
  expect(await segmentName.inputValue()).toBe('');
  await closesAtOnce(page, segmentDrawer, escape(page));

  // The home-province question, asked once only: a province typed, Escape asks; "Later" discards; nothing saved.
  const { homeRegion } = await invoke(page, 'settings:get', {});
  const asked = await page.evaluate((key) => localStorage.getItem(key), HOME_ASKED);
  await invoke(page, 'settings:update', { homeRegion: '' });
  await page.evaluate((key) => localStorage.removeItem(key), HOME_ASKED);
  await page.reload();
  const homeDialog = page.locator('.ant-modal-wrap:visible .ant-modal').filter({ has: page.locator('[data-testid="home-region"]') });
  const region = inputOf(page, 'home-region');
  await region.waitFor(SLOW);
  await region.fill('浙江');
  await asksThenDiscards(page, homeDialog, region, '浙江', escape(page), dialogCancel(page, 'Later'));
  expect((await invoke(page, 'settings:get', {})).homeRegion).toBeNull();
  await invoke(page, 'settings:update', { homeRegion: homeRegion ?? '' });
  await page.evaluate(([key, value]) => (value === null ? localStorage.removeItem(key!) : localStorage.setItem(key!, value)), [HOME_ASKED, asked] as const);
}
