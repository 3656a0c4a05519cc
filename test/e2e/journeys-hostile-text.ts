import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { at, byTestId, inputOf, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';
import { HOSTILE, seedHostile } from './hostile-data';

const SLOW = { timeout: 15_000 };

/** Whether an element is one line whose box lies inside the window (a clipped remainder is read by its title). */
const oneLineInWindow = (el: Locator) =>
  el.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(node).lineHeight) || 22;
    return box.height <= lineHeight * 1.5 && box.left >= 0 && box.right <= window.innerWidth;
  });

/** What a user-typed value shows: its direction isolated, the whole text on hover. */
const isolatedWithTitle = (el: Locator) => el.evaluate((node) => ({ dir: node.getAttribute('dir'), title: node.getAttribute('title') }));

async function expectIsolated(el: Locator, text: string) {
  expect(await isolatedWithTitle(el)).toEqual({ dir: 'auto', title: text });
  expect(await oneLineInWindow(el)).toBe(true);
}

/**
 * Hostile text on the screens at 1366×768: the longest name and company the app takes, right-to-left names
 * followed by digits, emoji sequences and ten-digit amounts. Each stays on one line inside the window, the
 * whole value on hover, in its own direction; the figures never break inside; the buttons stay in view.
 */
export async function hostileTextStaysInItsBox({ page, screenshot }: Journey): Promise<void> {
  // Run alone or after a journey that left the page loading: the app's bridge first.
  await page.waitForFunction(() => window.tierbook !== undefined, undefined, SLOW);
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  const ids = await seedHostile(page);

  // Customers: the name and company cells of the long and the Arabic customer.
  await page.goto(at(page, '#/customers'));
  await page.reload();
  for (const [id, name] of [[ids.longId, HOSTILE.longName], [ids.arabicId, HOSTILE.arabic]] as const) {
    await inputOf(page, 'customer-search').fill(name.slice(0, 20));
    const row = page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`);
    await row.waitFor(SLOW);
    await expectIsolated(row.locator('strong.user-text'), name);
  }

  // The customer file's header: the long company gives way, the actions stay on screen.
  await page.goto(at(page, `#/customers/${ids.longId}`));
  await expect.poll(() => byTestId(page, 'customer-title').getAttribute('dir'), SLOW).toBe('auto');
  await expectIsolated(byTestId(page, 'customer-company'), HOSTILE.longCompany);
  await screenshot('hostile-file-en');
  await page.goto(at(page, `#/customers/${ids.hebrewId}`));
  await expect.poll(() => byTestId(page, 'customer-title').innerText(), SLOW).toBe(HOSTILE.hebrew);
  expect(await byTestId(page, 'customer-title').getAttribute('dir')).toBe('auto');

  // Predictions: every row one line high, the figures whole, the last column reached by scrolling sideways.
  await page.goto(at(page, '#/prediction'));
  const names = byTestId(page, 'best-name');
  await expect.poll(() => names.evaluateAll((all) => all.map((n) => n.getAttribute('title'))), SLOW).toEqual(expect.arrayContaining([HOSTILE.longName, HOSTILE.arabic, HOSTILE.hebrew, HOSTILE.emoji]));
  for (const name of [HOSTILE.longName, HOSTILE.arabic, HOSTILE.hebrew]) await expectIsolated(names.and(page.getByTitle(name, { exact: true })), name);
  const rows = await byTestId(page, 'best-table').locator('tr.ant-table-row').evaluateAll((all) =>
    all.map((row) => ({
      height: row.getBoundingClientRect().height,
      // A figure on one line: its cell's text is no taller than one line of it.
      figuresWrapped: [...row.querySelectorAll<HTMLElement>('td.figure-text')].some((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      }),
    })),
  );
  expect(rows.length).toBeGreaterThan(4);
  expect(rows.filter((r) => r.height > 60 || r.figuresWrapped)).toEqual([]);
  const body = byTestId(page, 'best-table').locator('.ant-table-body');
  const sideways = await body.evaluate((el) => ({ wider: el.scrollWidth > el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
  if (sideways.wider) expect(['auto', 'scroll']).toContain(sideways.overflowX);
  await screenshot('hostile-prediction-en');

  // Today: the Arabic customer's name, company and owner keep to their own boxes on the row's first line.
  await page.goto(at(page, '#/today'));
  await page.reload();
  // Their reminders are the most overdue: first in the overdue group, once it is open.
  const group = byTestId(page, 'today-group-overdue');
  await group.waitFor(SLOW);
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  const link = page.locator(`[data-testid="today-customer-link"][href$="${ids.arabicId}"]`);
  await link.waitFor(SLOW);
  await expectIsolated(link.locator('.user-text'), HOSTILE.arabic);
  const longLink = page.locator(`[data-testid="today-customer-link"][href$="${ids.longId}"] .user-text`);
  await expectIsolated(longLink, HOSTILE.longName);
  await screenshot('hostile-today-en');

  // The sidebar: a business name of 120 characters keeps to two lines under the app's name, whole on hover.
  const saved = (await invoke(page, 'settings:get', {})).businessName;
  const longBusiness = `${HOSTILE.longName.slice(0, 60)} ${'贸易有限公司'.repeat(10)}`.slice(0, 120);
  await invoke(page, 'settings:update', { businessName: longBusiness });
  await page.reload();
  const business = byTestId(page, 'sidebar-business-name');
  await expect.poll(() => business.getAttribute('title'), SLOW).toBe(longBusiness);
  expect(await business.getAttribute('dir')).toBe('auto');
  const lines = await business.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBeLessThanOrEqual(2);
  await invoke(page, 'settings:update', { businessName: saved });
}
