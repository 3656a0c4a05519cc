import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { byTestId, chooseOption, inputOf, invoke, type Journey } from './journeys';

/**
 * The customer list is drawn page by page (100 rows a page) and a row is redrawn only when its data, its
 * place or the columns change (renderer/components/VirtualTable.tsx). Scrolled through from top to bottom,
 * every customer must appear exactly once, at its own place, with its own cells — never a row left over
 * from another page or another sort — and ticks, the keyboard selection and the language must still reach
 * rows already drawn. Runs after the main journeys (the demo's customers: several pages); test ids only.
 */
interface ShownRow {
  index: number;
  id: string;
  name: string;
  followUp: string;
}

const table = (page: Page) => byTestId(page, 'customer-table');

/** Scrolls the list to `top` (a number, or 'middle' / 'bottom'), and waits for the frame that draws that place. */
async function scrollTo(page: Page, top: number | 'middle' | 'bottom') {
  await table(page).evaluate(
    (el, y) =>
      new Promise((resolve) => {
        el.scrollTop = y === 'bottom' ? el.scrollHeight : y === 'middle' ? el.scrollHeight / 2 : y;
        requestAnimationFrame(() => requestAnimationFrame(resolve));
      }),
    top,
  );
}

/** Rows on screen once none is loading: their list index, id and what their cells say. */
async function shownRows(page: Page): Promise<ShownRow[]> {
  await expect.poll(() => page.locator('[data-testid="customer-row-loading"]').count(), { timeout: 15_000 }).toBe(0);
  return page.locator('[data-testid="customer-row"]').evaluateAll((rows) =>
    rows.map((row) => ({
      index: Number((row as HTMLElement).dataset.index),
      id: (row as HTMLElement).dataset.customerId ?? '',
      name: row.querySelector('strong')?.getAttribute('title') ?? '',
      followUp: (row.querySelector('[data-testid="quick-followup-button"]') as HTMLElement | null)?.innerText ?? '',
    })),
  );
}

/** Scrolls the list from top to bottom a little less than a screen at a time; every row seen, by index. */
async function scrollThrough(page: Page): Promise<Map<number, ShownRow[]>> {
  const seen = new Map<number, ShownRow[]>();
  const { height, clientHeight } = await table(page).evaluate((el) => ({ height: el.scrollHeight, clientHeight: el.clientHeight }));
  const step = Math.max(40, clientHeight - 120);
  for (let top = 0; ; top += step) {
    await scrollTo(page, Math.min(top, height - clientHeight));
    for (const row of await shownRows(page)) {
      const at = seen.get(row.index) ?? [];
      // The same row seen again on the next screen is the same row; only a different one counts twice.
      if (!at.some((r) => r.id === row.id)) at.push(row);
      seen.set(row.index, at);
    }
    if (top + clientHeight >= height) break;
  }
  return seen;
}

function expectInOrder(seen: Map<number, ShownRow[]>, expected: { id: string; name: string }[]) {
  expect([...seen.keys()].sort((a, b) => a - b)).toEqual(expected.map((_, i) => i));
  for (const [index, rows] of seen) {
    expect(rows, `row ${index}`).toHaveLength(1);
    expect({ id: rows[0]!.id, name: rows[0]!.name }, `row ${index}`).toEqual({ id: expected[index]!.id, name: expected[index]!.name });
  }
}

export async function listScrollsThroughEveryPage({ page }: Journey): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  await inputOf(page, 'customer-search').fill('');
  // The whole list in one call, as the server sorts it: what the pages must add up to.
  const byName = (await invoke(page, 'customers:list', { limit: 5000 })).rows.map((r) => ({ id: r.id, name: r.name }));
  expect(byName.length).toBeGreaterThan(250);
  await byTestId(page, 'customer-row').first().waitFor();
  expectInOrder(await scrollThrough(page), byName);

  // A jump to the middle of the list shows the rows of that place, and the bottom row is the last customer.
  await scrollTo(page, 'middle');
  for (const row of await shownRows(page)) expect(row.id).toBe(byName[row.index]!.id);
  await scrollTo(page, 'bottom');
  const bottom = await shownRows(page);
  expect(bottom.at(-1)).toMatchObject({ index: byName.length - 1, id: byName.at(-1)!.id });

  // Sorted the other way: the same places now hold other customers, and every one is redrawn.
  await scrollTo(page, 0);
  await page.locator('[role="columnheader"][data-column="name"]').click();
  const byNameDesc = (await invoke(page, 'customers:list', { sort: { field: 'name', desc: true }, limit: 5000 })).rows.map((r) => ({ id: r.id, name: r.name }));
  await expect.poll(async () => (await shownRows(page))[0]?.id, { timeout: 15_000 }).toBe(byNameDesc[0]!.id);
  expectInOrder(await scrollThrough(page), byNameDesc);
  await scrollTo(page, 0);
  await page.locator('[role="columnheader"][data-column="name"]').click();
  await expect.poll(async () => (await shownRows(page))[0]?.id, { timeout: 15_000 }).toBe(byName[0]!.id);

  // A tick reaches a row already drawn, and is still there after the row was scrolled away and drawn again.
  const third = byName[2]!;
  const tick = page.locator(`[data-testid="customer-row"][data-customer-id="${third.id}"] [data-testid="row-tick"]`);
  await tick.click();
  await expect.poll(() => tick.isChecked()).toBe(true);
  await scrollTo(page, 'bottom');
  await shownRows(page);
  await scrollTo(page, 0);
  await expect.poll(() => tick.isChecked(), { timeout: 15_000 }).toBe(true);
  await tick.click();
  await byTestId(page, 'bulk-bar').waitFor({ state: 'detached' });

  // A change made while the list is scrolled far down reloads it without drawing those rows blank: they
  // stay until their page comes back (the table would not ask for them again until the next scroll).
  await scrollTo(page, 'bottom');
  await shownRows(page);
  const last = byName.at(-1)!;
  await page.locator(`[data-testid="customer-row"][data-customer-id="${last.id}"] [data-testid="row-tick"]`).click();
  await byTestId(page, 'bulk-add-tag').click();
  await inputOf(page, 'bulk-add-tag-input').fill('late-page');
  // The most rows drawn as still loading in any frame of the next second and a half.
  const mostLoading = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let most = 0;
        let frames = 0;
        const look = () => {
          most = Math.max(most, document.querySelectorAll('[data-testid="customer-row-loading"]').length);
          if (++frames < 90) requestAnimationFrame(look);
          else resolve(most);
        };
        requestAnimationFrame(look);
      }),
  );
  await byTestId(page, 'bulk-add-tag-apply').click();
  await byTestId(page, 'bulk-result').waitFor();
  expect(await mostLoading).toBe(0);
  expect((await invoke(page, 'customers:list', { tags: ['late-page'], limit: 10 })).rows.map((r) => r.id)).toEqual([last.id]);
  for (const row of await shownRows(page)) expect(row.id).toBe(byName[row.index]!.id);
  await byTestId(page, 'bulk-undo').click();
  await expect.poll(async () => (await invoke(page, 'customers:list', { tags: ['late-page'], limit: 10 })).total, { timeout: 15_000 }).toBe(0);
  await byTestId(page, 'bulk-clear').click();
  await byTestId(page, 'bulk-bar').waitFor({ state: 'detached' });
  await scrollTo(page, 0);

  // The keyboard selection moves over rows already drawn.
  await inputOf(page, 'customer-search').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator('[data-testid="customer-row"][aria-selected="true"]').getAttribute('data-customer-id')).toBe(byName[1]!.id);

  // The other language redraws the rows on screen (their buttons), then back to English for what follows.
  await chooseOption(page, 'language-switch', '中文');
  await expect.poll(async () => new Set((await shownRows(page)).map((r) => r.followUp)), { timeout: 15_000 }).toEqual(new Set(['跟进']));
  await chooseOption(page, 'language-switch', 'English');
  await expect.poll(async () => new Set((await shownRows(page)).map((r) => r.followUp)), { timeout: 15_000 }).toEqual(new Set(['Follow up']));
}
