import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { byTestId, inputOf, invoke, type Journey } from './journeys';

/**
 * Tiers a user can trust (UI in English, after the main journeys): a custom segment built from choices
 * matches exactly the customers the plain locality filter finds, and stays the same segment when edited;
 * the customer list filters by a class and sorts by tier. Counts are checked against other calls
 * (the SQL-filtered customer list, the tier overview), not against the screen's own path.
 */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * Opens an antd Select by test id and picks the option whose whole label is `label` (or matches it).
 * `search`: type first, for long lists whose virtual scroll has not rendered the option yet.
 */
async function choose(page: Page, testId: string, label: string | RegExp, within = page.locator('body'), search?: string) {
  const select = within.locator(`[data-testid="${testId}"]`).first();
  await select.click();
  if (search) await select.locator('input').fill(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ has: page.locator('.ant-select-item-option-content', { hasText: typeof label === 'string' ? exactly(label) : label }) });
  await option.first().click();
}

/**
 * A success message can sit over the drawer's close button, and a pointer resting on a message keeps it
 * open: move the pointer away, let the messages time out, then close.
 */
async function closeDrawer(page: Page, drawer: Locator) {
  await page.mouse.move(5, 700);
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
  await drawer.locator('.ant-drawer-close').click();
}

async function closeDropdowns(page: Page) {
  await page.keyboard.press('Escape');
  // Two dropdowns may be closing at once (one sliding out as another opens): wait for none, not for one.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

const liveCount = async (page: Page, locality: 'local' | 'non_local') => (await invoke(page, 'customers:list', { localities: [locality], limit: 1 })).total;

export async function customSegmentOnLocalityThenEdited({ page, screenshot }: Journey): Promise<void> {
  await page.goto(`${page.url().replace(/#.*$/, '')}#/tiers`);
  await byTestId(page, 'tiers-page').waitFor();
  await byTestId(page, 'open-custom-segments').click();
  const drawer = byTestId(page, 'custom-segments');
  await drawer.waitFor();

  await inputOf(page, 'custom-name').fill('Local customers');
  // A figure left empty is asked for, not saved as "≥ 0" (a segment of everyone, saved without a word).
  await byTestId(page, 'custom-save').click();
  await page.locator('.ant-message-notice', { hasText: 'Condition 1 has no value yet' }).waitFor();
  expect(await drawer.locator('.ant-input-number-status-error').count()).toBeGreaterThan(0);
  // … with the cursor in the box to type it in (it stayed on Save).
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null)).toBe('custom-value');
  expect((await invoke(page, 'segments:custom:list', {})).segments).toEqual([]);
  // A tag longer than a tag may be is the server's refusal, not the form's: said under the condition's row, with the
  // cursor in the tag's box (it was said only in a passing message, the cursor left on Save).
  await choose(page, 'custom-kind', 'Tag', drawer);
  await drawer.locator('[data-testid="custom-tag"] input').fill('t'.repeat(41));
  await byTestId(page, 'custom-save').click();
  // … with its length and the limit, as every field says it (it said a bare "Too long").
  await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(['41 characters, at most 40: shorten it by 1 to save (nothing was cut)']);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null)).toBe('custom-tag');
  expect((await invoke(page, 'segments:custom:list', {})).segments).toEqual([]);
  await choose(page, 'custom-kind', 'Profile field', drawer);
  await expect.poll(() => drawer.locator('.ant-form-item-explain-error').count()).toBe(0);
  await choose(page, 'custom-field', 'Locality', drawer);
  // The value is a choice of the field's own values, not free text.
  await expect(drawer.locator('[data-testid="custom-field-text"]').count()).resolves.toBe(0);
  await choose(page, 'custom-field-value', 'Local', drawer);
  await byTestId(page, 'custom-save').click();
  await page.locator('.ant-message-notice', { hasText: 'Saved' }).last().waitFor();
  const [saved] = (await invoke(page, 'segments:custom:list', {})).segments;
  expect(saved!.rule.conditions).toEqual([{ kind: 'field', field: 'locality', op: 'equals', value: 'local' }]);

  // The saved segment lists its conditions in words.
  await drawer.locator('[data-testid="custom-view"]').first().click();
  await expect.poll(() => drawer.locator('[data-testid="custom-rule-lines"]').innerText()).toContain('Locality equals Local');
  await closeDrawer(page, drawer);
  // Closing hands focus back to the button that opened the drawer: wait for it before using the toolbar.
  await drawer.waitFor({ state: 'hidden' });

  const local = await liveCount(page, 'local');
  expect(local).toBeGreaterThan(0);
  await choose(page, 'scheme-select', 'Local customers', page.locator('body'), 'Local customers');
  const member = page.locator('[data-testid="class-summary"] [data-class="member"]');
  await expect.poll(() => member.innerText()).toMatch(new RegExp(`Matches\\s+${local}\\b`));
  await screenshot('custom-segment-local-en');

  // Edit: the conditions come back into the editor; saving keeps the segment (and its history).
  await byTestId(page, 'open-custom-segments').click();
  await drawer.locator('[data-testid="custom-edit"]').first().click();
  await expect.poll(() => byTestId(page, 'custom-form-title').innerText()).toBe('Editing: Local customers');
  await expect.poll(() => inputOf(page, 'custom-name').inputValue()).toBe('Local customers');
  await inputOf(page, 'custom-name').fill('Non-local customers');
  await choose(page, 'custom-field-value', 'Non-local', drawer);
  await byTestId(page, 'custom-save').click();
  await expect.poll(async () => (await invoke(page, 'segments:custom:list', {})).segments.map((s) => [s.id, s.name])).toEqual([[saved!.id, 'Non-local customers']]);
  await closeDrawer(page, drawer);
  await drawer.waitFor({ state: 'hidden' });

  const nonLocal = await liveCount(page, 'non_local');
  await expect.poll(() => page.locator('[data-testid="scheme-select"]').innerText()).toContain('Non-local customers');
  await expect.poll(() => member.innerText()).toMatch(new RegExp(`Matches\\s+${nonLocal}\\b`));
  await invoke(page, 'segments:custom:delete', { id: saved!.id });
}

export async function classFilterOnCustomerList({ page, screenshot }: Journey): Promise<void> {
  const gold = (await invoke(page, 'segments:overview', { scheme: 'pyramid' })).classes.find((c) => c.classKey === 'gold')!;
  expect(gold.count).toBeGreaterThan(0);
  await page.goto(`${page.url().replace(/#.*$/, '')}#/customers`);
  await byTestId(page, 'customer-row').first().waitFor();

  await choose(page, 'filter-tier-scheme', 'Customer pyramid');
  await choose(page, 'filter-tier-classes', `Gold (${gold.count})`);
  await closeDropdowns(page);
  await expect.poll(() => byTestId(page, 'customer-count').innerText()).toBe(`${gold.count} customers`);
  const tags = () => page.locator('[data-testid="customer-row"] [data-scheme="pyramid"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-class-key')));
  await expect.poll(async () => {
    const shown = await tags();
    return shown.length > 0 && shown.every((c) => c === 'gold');
  }).toBe(true);
  // Gold is a good class: the tag is drawn in the "good" tone.
  await expect.poll(() => page.locator('[data-testid="customer-row"] [data-scheme="pyramid"][data-class-key="gold"]').first().getAttribute('data-tone')).toBe('good');
  await screenshot('customers-filtered-gold-en');

  // The pyramid column says which window it covers, and sorts by tier.
  const header = page.locator('[role="columnheader"][data-column="scheme:pyramid"]');
  await expect.poll(() => header.innerText()).toContain('Customer pyramid (last 12 months)');
  expect(await header.getAttribute('title')).toContain('the last 12 months');
  await page.locator('[data-testid="filter-tier-classes"] .ant-select-clear').click({ force: true });
  const total = (await invoke(page, 'customers:list', { limit: 1 })).total;
  await expect.poll(() => byTestId(page, 'customer-count').innerText()).toBe(`${total} customers`);
  await header.click();
  await expect.poll(async () => (await tags())[0]).toBe('platinum');
  const best = await invoke(page, 'customers:list', { sort: { field: 'tier', desc: false, scheme: 'pyramid' }, schemes: ['pyramid'], limit: 1 });
  await expect.poll(() => page.locator('[data-testid="customer-row"]').first().getAttribute('data-customer-id')).toBe(best.rows[0]!.id);
  // Ascending puts "no orders in the last 12 months" last; descending puts it first.
  await header.click();
  await expect.poll(async () => (await tags())[0]).toBe('none');
  await expect.poll(() => page.locator('[data-testid="customer-row"] [data-scheme="pyramid"][data-class-key="none"]').first().innerText()).toBe('No orders in the last 12 months');
}
