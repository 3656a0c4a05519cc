import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Channel, InputOf, OutputOf, Result } from '../../shared/contract';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { searchKeys } from '../../shared/domain/pinyin';

/**
 * End-to-end test bodies, written once. Each launcher (Chromium + loopback bridge, or the real Electron
 * app) opens the app on an empty database and hands the page here; the bodies only use what a user sees,
 * plus the page's own `window.tierbook` to double-check what was saved.
 */
export interface Journey {
  page: Page;
  /** Saves a screenshot for the README (docs/screenshots/<name>.png). */
  screenshot(name: string): Promise<void>;
}

export async function invoke<C extends Channel>(page: Page, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = (await page.evaluate(([c, i]) => window.tierbook!.invoke(c as string, i), [channel, input] as const)) as Result<OutputOf<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value;
}

export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * After a write made on screen: once the background run that follows it has re-cut the tiers (today:count
 * says nothing is placedSince), the badge, and Today's total when it is open, show the settled count
 * without a reload.
 */
export async function badgeSettles(page: Page): Promise<void> {
  await expect.poll(async () => (await invoke(page, 'today:count', {})).placedSince, { timeout: 15_000 }).toBe(0);
  const { total } = await invoke(page, 'today:count', {});
  // No badge at all when nobody is due.
  const badge = byTestId(page, 'today-badge');
  await expect.poll(async () => ((await badge.count()) === 0 ? '0' : badge.innerText()), { timeout: 10_000 }).toBe(String(total));
  if (await byTestId(page, 'today-page').isVisible()) {
    await expect.poll(() => byTestId(page, 'today-total').innerText(), { timeout: 10_000 }).toBe(`${total} to serve`);
    // Nothing is placed on old cuts any more: the header no longer says the tiers are updating.
    await expect.poll(() => byTestId(page, 'today-updating').count(), { timeout: 10_000 }).toBe(0);
  }
}

/** antd puts a test id on the <input> itself or on its wrapper, depending on the decorations. */
export const inputOf = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** The app's address with another screen's hash (the first page load has no hash at all). */
export const at = (page: Page, hash: string) => `${page.url().replace(/#.*$/, '')}${hash}`;

export async function chooseOption(page: Page, testId: string, label: string) {
  await byTestId(page, testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  // Two dropdowns may be closing at once (one sliding out as another opens): wait for none, not for one.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

export async function firstRunToDueAndBadAmount({ page, screenshot }: Journey): Promise<void> {
  // First run: an empty database shows the welcome screen, in the system's language (Chinese here).
  await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('欢迎使用客户分级簿');
  await screenshot('welcome-zh-CN');
  await byTestId(page, 'load-demo').click();
  // The app opens on Today; the customer list is one click away.
  await byTestId(page, 'today-page').waitFor({ timeout: 60_000 });
  await byTestId(page, 'nav-customers').click();
  await byTestId(page, 'customer-search').waitFor({ timeout: 60_000 });
  const status = await invoke(page, 'workspace:status', {});
  expect(status.customers).toBeGreaterThanOrEqual(300);
  await expect.poll(() => byTestId(page, 'customer-count').innerText()).toBe(`共 ${status.customers} 位客户`);
  await byTestId(page, 'customer-row').first().waitFor();
  await screenshot('customers-zh-CN');

  // Find a Chinese-named customer by pinyin initials, as a stall owner types it.
  const candidates = await invoke(page, 'customers:list', { types: ['individual'], countries: ['CN'], limit: 50 });
  const target = candidates.rows.find((r) => /^\p{Script=Han}+$/u.test(r.name))!;
  const initials = searchKeys(target.name, { personName: true }).at(-1)!;
  expect(initials).toMatch(/^[a-z]{2,4}$/);
  await inputOf(page, 'customer-search').fill(initials);
  const expected = await invoke(page, 'customers:list', { search: initials, limit: 500 });
  await expect.poll(() => byTestId(page, 'customer-count').innerText()).toBe(`共 ${expected.total} 位客户`);
  const row = page.locator(`[data-testid="customer-row"][data-customer-id="${target.id}"]`);
  await row.waitFor();
  await screenshot('search-pinyin-zh-CN');

  // Open the customer file and log a follow-up with a next-contact date three days out.
  await row.click();
  await expect.poll(() => byTestId(page, 'customer-title').innerText()).toBe(target.name);
  const form = byTestId(page, 'followup-form');
  await form.locator('[data-testid="followup-content"]').fill('电话确认了新款到货，周四再联系');
  await form.getByRole('button', { name: '3 天后' }).click();
  await byTestId(page, 'followup-add').click();
  await expect.poll(() => byTestId(page, 'followup-timeline').innerText()).toContain('电话确认了新款到货');
  await screenshot('customer-file-zh-CN');
  const dueDate = addDays(localDateOf(new Date()), 3);
  const saved = (await invoke(page, 'followups:list', { customerId: target.id })).followUps[0]!;
  expect([saved.content, saved.nextContactDate, saved.done]).toEqual(['电话确认了新款到货，周四再联系', dueDate, false]);

  // Today, the home screen, in Chinese; then the language switches live and the same screen answers in English.
  await byTestId(page, 'nav-today').click();
  await byTestId(page, 'today-item').first().waitFor();
  await screenshot('today-zh-CN');
  await chooseOption(page, 'language-switch', 'English');
  await expect.poll(() => byTestId(page, 'nav-today').innerText()).toContain('Today');
  await expect.poll(() => page.locator('body').innerText()).toContain("Today's work");
  await screenshot('today-en');
  expect((await invoke(page, 'settings:get', {})).language).toBe('en');

  // A bad amount is explained in the user's language and nothing is saved.
  const idsBefore = new Set((await invoke(page, 'orders:list', { customerId: target.id })).orders.map((order) => order.id));
  const ordersBefore = idsBefore.size;
  await page.goto(page.url().replace(/#.*$/, `#/customers/${target.id}`));
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'add-order').click();
  await inputOf(page, 'order-amount').fill('12,3x');
  await byTestId(page, 'order-save').click();
  await expect.poll(() => byTestId(page, 'order-form').innerText()).toContain('Not a valid amount — enter a number such as 12.34');
  await screenshot('bad-amount-en');
  await inputOf(page, 'order-amount').fill('-5');
  await byTestId(page, 'order-save').click();
  await expect.poll(() => byTestId(page, 'order-form').innerText()).toContain('The amount cannot be negative (0 is a free order)');
  expect((await invoke(page, 'orders:list', { customerId: target.id })).orders.length).toBe(ordersBefore);

  // A good amount saves, and the file's total follows: here as a Chinese input method in full-width mode types
  // 1234.50 (full-width digits, the full stop 。 for the point).
  await inputOf(page, 'order-amount').fill('１２３４。５０');
  await byTestId(page, 'order-save').click();
  await expect.poll(async () => (await invoke(page, 'orders:list', { customerId: target.id })).orders.length).toBe(ordersBefore + 1);
  const added = (await invoke(page, 'orders:list', { customerId: target.id })).orders.filter((order) => !idsBefore.has(order.id));
  expect(added.map((order) => order.amountMinor)).toEqual([123450]);
  await screenshot('customer-orders-en');
}

/** Runs after the first journey (demo loaded, UI in English). */
export async function newCustomerValidationAndDuplicate({ page, screenshot }: Journey): Promise<void> {
  const existing = (await invoke(page, 'customers:list', { types: ['distributor'], countries: ['CN'], limit: 1 })).rows[0]!;
  expect(existing.phone).toMatch(/^\+\d+$/);
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await byTestId(page, 'add-customer').click();
  await inputOf(page, 'profile-name').fill('Test Buyer');
  await inputOf(page, 'contact-value').fill('call me maybe');
  // A contact row is removed by keyboard too: its control is a button with a name (an icon alone was mouse-only).
  await page.getByRole('button', { name: 'Add a contact channel' }).click();
  await expect.poll(() => byTestId(page, 'contact-row').count()).toBe(2);
  const removeSecond = byTestId(page, 'contact-remove').nth(1);
  expect(await removeSecond.getAttribute('aria-label')).toBe('Remove this contact channel');
  // Once the drawer has stopped sliding in (it moves focus to itself as it settles, and an Enter pressed before that
  // went to the drawer), and with the focus seen on the button.
  await animationsSettled(page);
  await removeSecond.focus();
  await expect.poll(() => removeSecond.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => byTestId(page, 'contact-row').count()).toBe(1);
  await byTestId(page, 'new-customer-save').click();
  // The field says what is wrong, in the user's language, and nothing is saved.
  await expect.poll(() => byTestId(page, 'profile-form').innerText()).toContain('Not a valid phone number');
  expect((await invoke(page, 'customers:list', { search: 'test buyer' })).total).toBe(0);
  await screenshot('new-customer-invalid-phone-en');

  // Someone else's number, typed the way people type it: a warning that links to them.
  const spaced = existing.phone!.replace(/^\+(\d{2})(\d{3})(\d{4})/, '+$1 $2 $3 ');
  await inputOf(page, 'contact-value').fill(spaced);
  await inputOf(page, 'profile-name').click();
  await expect.poll(() => byTestId(page, 'profile-form').innerText()).not.toContain('Not a valid phone number');
  const warning = byTestId(page, 'duplicate-warning');
  await warning.waitFor();
  await expect.poll(() => warning.innerText()).toContain(existing.name);
  expect(await warning.locator('a').first().getAttribute('href')).toBe(`#/customers/${existing.id}`);
  await screenshot('new-customer-duplicate-en');
  await byTestId(page, 'new-customer-save').click();
  await expect.poll(() => byTestId(page, 'customer-title').innerText()).toBe('Test Buyer');
  const created = (await invoke(page, 'customers:list', { search: 'test buyer' })).rows[0]!;
  expect(created.phone).toBe(existing.phone);
}

/** Runs after the others (demo loaded, UI in English): the keyboard path and the daily reminder chores. */
export async function keyboardFollowUpDueChoresAndUndo({ page, screenshot }: Journey): Promise<void> {
  // From the list, without the mouse: ↓ selects the first customer, F opens the quick follow-up, Ctrl+Enter saves.
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await inputOf(page, 'customer-search').fill('');
  const first = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  await byTestId(page, 'customer-row').first().waitFor();
  await byTestId(page, 'customer-count').click();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator(`[data-testid="customer-row"][aria-selected="true"]`).getAttribute('data-customer-id')).toBe(first.id);
  await page.keyboard.press('f');
  await byTestId(page, 'quick-followup').waitFor();
  await page.keyboard.type('Called from the list, all by keyboard');
  await page.keyboard.press('Control+Enter');
  await byTestId(page, 'quick-followup').waitFor({ state: 'hidden' });
  expect((await invoke(page, 'followups:list', { customerId: first.id })).followUps[0]!.content).toBe('Called from the list, all by keyboard');

  // Today's overdue reminders: mark one done, move one three days out, answer one by logging a follow-up.
  await byTestId(page, 'nav-today').click();
  const overdue = byTestId(page, 'today-group-overdue');
  await overdue.waitFor();
  if ((await overdue.getAttribute('aria-expanded')) === 'false') await overdue.click();
  const overdueRowOf = (customerId: string) => page.locator(`[data-testid="today-item"][data-kind="overdue"][data-customer-id="${customerId}"]`);
  const before = await invoke(page, 'today:list', { limit: 3 });
  const [a, b, c] = before.items;
  expect([a, b, c].map((i) => i!.kind)).toEqual(['overdue', 'overdue', 'overdue']);

  await overdueRowOf(a!.customerId).locator('[data-testid="today-done"]').click();
  await overdueRowOf(a!.customerId).waitFor({ state: 'detached' });

  await overdueRowOf(b!.customerId).locator('[data-testid="today-reschedule"]').click();
  await page.locator('[data-testid="today-reschedule-popover"]').getByRole('button', { name: 'In 3 days' }).click();
  await overdueRowOf(b!.customerId).waitFor({ state: 'detached' });

  await overdueRowOf(c!.customerId).locator('[data-testid="today-log"]').click();
  await byTestId(page, 'quick-followup').waitFor();
  await page.keyboard.type('Reached them, they will order next week');
  await page.keyboard.press('Control+Enter');
  await overdueRowOf(c!.customerId).waitFor({ state: 'detached' });

  const after = await invoke(page, 'today:list', { limit: 1 });
  expect(after.counts.overdue).toBe(before.counts.overdue - 3);
  const rescheduled = await invoke(page, 'followups:list', { customerId: b!.customerId });
  expect(rescheduled.followUps.map((f) => f.nextContactDate)).toContain(addDays(localDateOf(new Date()), 3));
  await expect.poll(() => overdue.getAttribute('data-count')).toBe(String(after.counts.overdue));
  await screenshot('today-after-chores-en');

  // Delete asks first and can be undone.
  await page.goto(page.url().replace(/#.*$/, `#/customers/${first.id}`));
  await byTestId(page, 'delete-customer').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await invoke(page, 'customers:get', { id: first.id })).deletedAt).not.toBeNull();
  expect((await invoke(page, 'customers:list', { view: 'trash' })).rows.map((r) => r.id)).toContain(first.id);
  // In the trash its file reads, and offers no new follow-up or order (the app would refuse them).
  await expect.poll(() => byTestId(page, 'followup-form').count()).toBe(0);
  expect(await byTestId(page, 'file-quick-followup').count()).toBe(0);
  expect(await byTestId(page, 'followup-timeline').count()).toBe(1);
  await expect.poll(() => byTestId(page, 'prediction-none').innerText()).toContain('in the trash are not predicted');
  await byTestId(page, 'undo-delete').click();
  await expect.poll(async () => (await invoke(page, 'customers:get', { id: first.id })).deletedAt).toBeNull();
  await byTestId(page, 'followup-form').waitFor();
  await byTestId(page, 'file-quick-followup').waitFor();
}

/**
 * Runs after the others (UI in English). A Chinese Excel export: GBK, Chinese headers, one column the app
 * cannot guess, one bad phone number. Map it, preview, import the valid rows, take the rejects, undo.
 */
export async function importGbkCsvThenUndo({ page, screenshot }: Journey, files: { write(name: string, bytes: Uint8Array): string }): Promise<void> {
  const iconv = (await import('iconv-lite')).default;
  const csv = [
    '客户名称,公司名称,手机,城市,业务归属',
    '郝建国,佛山建国布行,13912345670,佛山,阿强',
    '葛春燕,东莞春燕服饰,13912345671,东莞,小林',
    '聂海涛,中山海涛商行,12345,中山,阿强',
    '滕美玲,惠州美玲百货,13912345673,惠州,小林',
  ].join('\r\n');
  const path = files.write('客户名单.csv', iconv.encode(csv, 'gbk'));
  const total = (await invoke(page, 'customers:list', {})).total;

  await page.goto(page.url().replace(/#.*$/, '#/import'));
  await byTestId(page, 'import-page').waitFor();
  // A file of only its header row: nothing to import, said so, and neither button can record an empty import.
  await page.locator('input[data-testid="import-file"]').setInputFiles(files.write('only-headers.csv', new TextEncoder().encode('Name,Company,Phone\r\n')));
  await expect.poll(() => byTestId(page, 'import-no-rows').innerText(), { timeout: 30_000 }).toContain('no data rows');
  expect([await byTestId(page, 'import-commit-skip').isDisabled(), await byTestId(page, 'import-commit-abort').isDisabled()]).toEqual([true, true]);

  await page.locator('input[data-testid="import-file"]').setInputFiles(path);
  await expect.poll(() => byTestId(page, 'import-file-info').innerText(), { timeout: 30_000 }).toMatch(/gb18030|gbk/i);

  // The column it could not map: the user says it is the owner.
  const ownerRow = page.locator('[data-testid="import-mapping-row"][data-header="业务归属"]');
  await ownerRow.locator('[data-testid="import-field"]').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Owner$/ }).click();
  await expect.poll(() => byTestId(page, 'import-count-added').innerText()).toContain('3');
  await expect.poll(() => byTestId(page, 'import-count-rejected').innerText()).toContain('1');
  const error = page.locator('[data-testid="import-error"]');
  await expect.poll(() => error.count()).toBe(1);
  expect(await error.getAttribute('data-row')).toBe('4');
  // No country column: the three valid rows' cities (佛山, 东莞, 惠州) give country and province, and the preview says so.
  await expect.poll(() => byTestId(page, 'import-inferred-countryFromCity').innerText()).toContain('3');
  await expect.poll(() => byTestId(page, 'import-inferred-regionFromCity').innerText()).toContain('3');
  expect((await invoke(page, 'customers:list', {})).total).toBe(total);
  await screenshot('import-preview-en');

  await byTestId(page, 'import-commit-skip').click();
  await byTestId(page, 'import-done').waitFor();
  const imported = (await invoke(page, 'customers:list', { search: 'haojianguo' })).rows[0]!;
  expect([imported.name, imported.company, imported.phone, imported.owner]).toEqual(['郝建国', '佛山建国布行', '+8613912345670', '阿强']);
  expect([imported.country, imported.region, imported.city]).toEqual(['CN', '广东', '佛山']);
  expect((await invoke(page, 'customers:list', {})).total).toBe(total + 3);

  const download = page.waitForEvent('download');
  await byTestId(page, 'import-download-rejects').click();
  const rejects = await (await download).path();
  const text = (await import('node:fs')).readFileSync(rejects!, 'utf8');
  expect(text).toContain('聂海涛');
  expect(text).toContain('12345');
  await screenshot('import-done-en');

  await byTestId(page, 'import-undo').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect.poll(async () => (await invoke(page, 'customers:list', {})).total).toBe(total);
  expect((await invoke(page, 'customers:list', { search: 'haojianguo' })).total).toBe(0);
  // The undo's customers were placed on the last cuts at once; the badge follows the full run after it.
  await badgeSettles(page);
}

/**
 * Runs after the others (UI in English). Yesterday's tiers were stored (as when the app ran yesterday);
 * today: the pyramid → a gold customer → why → a large order → they move up, and the history shows it.
 */
export async function pyramidGoldCustomerMovesUp({ page, screenshot }: Journey): Promise<void> {
  const today = localDateOf(new Date());
  // A demo loaded from the welcome screen already holds month-end tiers up to today (history is stored
  // forward only, so yesterday cannot be added after them); a book without them gets yesterday's tiers here.
  await invoke(page, 'segments:recompute', { asOf: addDays(today, -1) });

  await page.goto(page.url().replace(/#.*$/, '#/tiers'));
  await byTestId(page, 'tiers-page').waitFor();
  await chooseOption(page, 'scheme-select', 'Customer pyramid');
  await byTestId(page, 'recompute').click();
  await page.locator('.ant-message-notice', { hasText: "Recomputed and saved today's tiers" }).waitFor();
  const overview = await invoke(page, 'segments:overview', { scheme: 'pyramid' });
  const gold = overview.classes.find((c) => c.classKey === 'gold')!;
  expect(gold.count).toBeGreaterThan(0);
  await expect.poll(() => page.locator('[data-testid="class-summary"] [data-class="gold"]').innerText()).toContain(String(gold.count));
  await page.locator('[data-testid="class-summary"] [data-class="gold"]').click();
  const members = await invoke(page, 'segments:members', { scheme: 'pyramid', classKey: 'gold', limit: 500 });
  expect(members.total).toBe(gold.count);
  // Only gold customers are listed now.
  const goldIds = new Set(members.rows.map((r) => r.id));
  await expect
    .poll(async () => {
      const shown = await page.locator('[data-testid="member-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer-id')));
      return shown.length > 0 && shown.every((id) => goldIds.has(id!));
    })
    .toBe(true);
  // A gold customer whose latest earlier stored class is gold too, so the move shows as gold → platinum.
  const earlierClasses = async (id: string) =>
    (await invoke(page, 'segments:history', { customerId: id })).schemes.pyramid!.filter((h) => h.asOf < today).map((h) => h.classKey);
  let target = members.rows[members.rows.length - 1]!;
  for (const row of [...members.rows].reverse()) {
    if ((await earlierClasses(row.id)).at(-1) === 'gold') {
      target = row;
      break;
    }
  }
  const earlier = await earlierClasses(target.id);
  expect(earlier.at(-1)).toBe('gold');
  await page.locator(`[data-testid="member-row"][data-customer-id="${target.id}"]`).click();
  const explanation = byTestId(page, 'explain-pyramid');
  await expect.poll(() => explanation.innerText()).toContain('Gold');
  await expect.poll(() => byTestId(page, 'moves-pyramid').innerText()).toMatch(/Platinum/);
  await screenshot('tiers-gold-explained-en');

  // A large order: more than the best customer's whole history, so nothing can stay above them.
  const top = (await invoke(page, 'customers:list', { sort: { field: 'revenueBaseMinor', desc: true }, limit: 1 })).rows[0]!;
  const amount = String(Math.ceil((top.revenueBaseMinor * 2) / 100));
  await page.goto(page.url().replace(/#.*$/, `#/customers/${target.id}`));
  await byTestId(page, 'tab-orders').click();
  await byTestId(page, 'add-order').click();
  await inputOf(page, 'order-amount').fill(amount);
  await byTestId(page, 'order-save').click();
  await expect.poll(async () => (await invoke(page, 'segments:explain', { customerId: target.id })).schemes.pyramid!.classKey).toBe('platinum');

  await byTestId(page, 'tab-tiers').click();
  const tier = byTestId(page, 'customer-tier-pyramid');
  await expect.poll(() => tier.innerText()).toContain('Platinum');
  await expect.poll(() => tier.innerText()).toMatch(/Gold\s*→.*Platinum/);
  const history = await invoke(page, 'segments:history', { customerId: target.id });
  expect(history.schemes.pyramid!.map((h) => h.classKey)).toEqual([...earlier, 'platinum']);
  await screenshot('customer-moved-up-en');
}

/** Runs after the others (UI in English): export the customers to Excel, and back up from Settings. */
export async function exportAndBackUp({ page, screenshot }: Journey): Promise<void> {
  const { existsSync, statSync } = await import('node:fs');
  const customers = (await invoke(page, 'customers:list', {})).total;
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await byTestId(page, 'export-menu').click();
  await byTestId(page, 'export-customers-xlsx').click();
  const notice = page.locator('.ant-message-notice', { hasText: 'Exported' }).last();
  await expect.poll(() => notice.innerText()).toMatch(/Exported \d+ rows: .+\.xlsx/);
  const [, rows, path] = /Exported (\d+) rows: (.+\.xlsx)/.exec(await notice.innerText())!;
  expect(Number(rows)).toBe(customers);
  expect(existsSync(path!) && statSync(path!).size > 0).toBe(true);

  const before = (await invoke(page, 'backup:list', {})).backups.length;
  await page.goto(page.url().replace(/#.*$/, '#/settings'));
  await byTestId(page, 'backup-now').click();
  await expect.poll(async () => (await invoke(page, 'backup:list', {})).backups.length).toBe(before + 1);
  await expect.poll(() => page.locator('[data-testid="backup-row"]').count()).toBeGreaterThan(0);
  await screenshot('backup-en');
}

/**
 * Waits until the question has finished zooming in. It grows from where the pointer last was, so its buttons
 * move while it does: a click aimed at one then can land beside it, and the question stays unanswered.
 */
export async function questionSettled(page: Page): Promise<void> {
  await byTestId(page, 'unsaved-stay').waitFor();
  await animationsSettled(page);
}

/**
 * Waits until the page's animations have run out (a dialog zooming in, a drawer sliding): on a loaded machine they
 * take long enough for a click aimed at a button to land where it was a moment ago.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let i = 0; i < 20; i++) {
      const running = document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}
