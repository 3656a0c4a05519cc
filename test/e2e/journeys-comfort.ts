import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { byTestId, inputOf, invoke, type Journey } from './journeys';

/**
 * Everyday comfort on the customer list and file: a click opens, unsaved edits are not lost by a stray
 * click, bulk actions act on exactly the ticked customers. Bodies run after the main journeys (demo
 * loaded); they use test ids, so they work in either UI language.
 */
const hashOf = (page: Page) => new URL(page.url()).hash;

export async function unsavedEditPrompt({ page, screenshot }: Journey): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await inputOf(page, 'customer-search').fill('');
  const first = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  const row = page.locator(`[data-testid="customer-row"][data-customer-id="${first.id}"]`);
  await row.waitFor();
  // One click on the row opens the file.
  await row.click();
  await expect.poll(() => byTestId(page, 'customer-title').innerText(), { timeout: 15_000 }).toBe(first.name);
  const fileHash = `#/customers/${first.id}`;
  expect(hashOf(page)).toBe(fileHash);

  // Edit a profile field, then try to leave by the navigation: the app asks, and the edit is still there.
  await byTestId(page, 'tab-profile').click();
  const edited = `${first.name} (edited)`;
  await inputOf(page, 'profile-name').fill(edited);
  await byTestId(page, 'nav-customers').click();
  await byTestId(page, 'unsaved-stay').waitFor();
  await screenshot('unsaved-prompt');
  expect(hashOf(page)).toBe(fileHash);
  await byTestId(page, 'unsaved-stay').click();
  await byTestId(page, 'unsaved-stay').waitFor({ state: 'detached' });
  expect(await inputOf(page, 'profile-name').inputValue()).toBe(edited);
  expect(hashOf(page)).toBe(fileHash);
  await expect.poll(() => byTestId(page, 'customer-title').innerText(), { timeout: 15_000 }).toBe(first.name);

  // The browser's Back asks too.
  await page.evaluate(() => window.history.back());
  await byTestId(page, 'unsaved-stay').waitFor();
  await byTestId(page, 'unsaved-stay').click();
  await byTestId(page, 'unsaved-stay').waitFor({ state: 'detached' });
  expect(await inputOf(page, 'profile-name').inputValue()).toBe(edited);

  // Confirming leaves, and nothing was saved.
  await byTestId(page, 'nav-customers').click();
  await byTestId(page, 'unsaved-leave').click();
  await byTestId(page, 'customer-search').waitFor();
  expect(hashOf(page)).toBe('#/customers');
  expect((await invoke(page, 'customers:get', { id: first.id })).name).toBe(first.name);

  // Once saved, there is nothing to lose and nothing is asked.
  await row.click();
  await byTestId(page, 'tab-profile').click();
  await inputOf(page, 'profile-name').fill(edited);
  await byTestId(page, 'profile-save').click();
  await expect.poll(async () => (await invoke(page, 'customers:get', { id: first.id })).name, { timeout: 15_000 }).toBe(edited);
  await byTestId(page, 'nav-customers').click();
  await byTestId(page, 'customer-search').waitFor();
  expect(await byTestId(page, 'unsaved-stay').count()).toBe(0);

  // Every screen opens at its top: scroll Settings to its end, then open the (long) customer file.
  const content = page.locator('.ant-layout-content');
  await byTestId(page, 'nav-settings').click();
  await byTestId(page, 'backup-panel').waitFor();
  await content.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => content.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  await page.evaluate((hash) => (window.location.hash = hash), fileHash);
  await byTestId(page, 'customer-title').waitFor();
  expect(await content.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(100);
  await expect.poll(() => content.evaluate((el) => el.scrollTop), { timeout: 5_000 }).toBe(0);
}

export async function bulkTagAndUndo({ page, screenshot }: Journey): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await inputOf(page, 'customer-search').fill('');
  const top = (await invoke(page, 'customers:list', { limit: 5 })).rows;
  const tick = (id: string, shift = false) => page.locator(`[data-testid="customer-row"][data-customer-id="${id}"] [data-testid="row-tick"]`).click({ modifiers: shift ? ['Shift'] : [] });
  await page.locator(`[data-testid="customer-row"][data-customer-id="${top[4]!.id}"]`).waitFor();
  // A tick, then Shift on the fourth row ticks the range: four customers, and the file did not open.
  await tick(top[0]!.id);
  await tick(top[3]!.id, true);
  await expect.poll(() => byTestId(page, 'bulk-count').innerText(), { timeout: 15_000 }).toMatch(/4/);
  expect(hashOf(page)).toBe('#/customers');
  await screenshot('bulk-bar');

  await byTestId(page, 'bulk-add-tag').click();
  await inputOf(page, 'bulk-add-tag-input').fill('spring-fair');
  await byTestId(page, 'bulk-add-tag-apply').click();
  await byTestId(page, 'bulk-result').waitFor();
  const tagged = await invoke(page, 'customers:list', { tags: ['spring-fair'], limit: 100 });
  expect(tagged.rows.map((r) => r.id).sort()).toEqual(top.slice(0, 4).map((r) => r.id).sort());

  // Undo takes the whole action back.
  await byTestId(page, 'bulk-undo').click();
  await expect.poll(async () => (await invoke(page, 'customers:list', { tags: ['spring-fair'], limit: 100 })).total, { timeout: 15_000 }).toBe(0);
  await byTestId(page, 'bulk-clear').click();
  await byTestId(page, 'bulk-bar').waitFor({ state: 'detached' });
}
