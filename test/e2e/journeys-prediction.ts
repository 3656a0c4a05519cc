import { expect } from 'vitest';
import { daysBetween, localDateOf } from '../../shared/domain/dates';
import { formatDate, formatShortDate } from '../../renderer/components/format';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';

/** A stored score as every screen shows it, the same in both languages: 0 and 100 are a chance rounded, never 0 or 1 (chance-text.ts). */
const shownScore = (score: number) => (score === 0 ? '<1%' : score === 100 ? '>99%' : `${score}%`);

/**
 * Runs after the others (demo loaded, UI in English): the customer file shows a purchase-likelihood score
 * and its sentence of why, the list sorts by likelihood, and the holdout check draws its charts beside
 * their tables. Figures on screen are checked against the stored rows and the orders themselves.
 */
export async function predictionScoreSortAndHoldout({ page, screenshot }: Journey): Promise<void> {
  const today = localDateOf(new Date());
  // Demo data: loaded by the first journey; loaded here when this one runs alone.
  if ((await invoke(page, 'workspace:status', {})).customers === 0) {
    await invoke(page, 'workspace:loadDemo', {});
    await page.reload();
  }
  await invoke(page, 'segments:recompute', {});
  const best = await invoke(page, 'prediction:best', { limit: 1 });
  const top = best.rows[0]!;

  // The customer file: the score, and a sentence whose "days ago" is today minus the last order date.
  await page.goto(at(page, `#/customers/${top.id}`));
  await byTestId(page, 'prediction-summary').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    throw new Error(`no prediction summary on ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: error });
  });
  await expect.poll(() => byTestId(page, 'prediction-score').innerText()).toBe(shownScore(top.score));
  const orders = await invoke(page, 'orders:list', { customerId: top.id });
  const lastOrder = orders.orders.map((o) => o.orderDate).sort().at(-1)!;
  const purchaseDays = new Set(orders.orders.map((o) => o.orderDate)).size;
  const why = await byTestId(page, 'prediction-why').innerText();
  // In whichever language the UI is in (English after the first journey, the system's when run alone).
  const days = daysBetween(lastOrder, today);
  // A purchase of today or yesterday in words: "last 0 days ago" was what a customer who bought today read.
  expect(why).toMatch(days === 0 ? /last today|上次是今天/ : days === 1 ? /yesterday|昨天/ : new RegExp(`(${days} days ago|${days}天前)`));
  expect(why).not.toMatch(/\b0 days|\b1 days|0天前/);
  expect(why).toMatch(purchaseDays > 1 ? new RegExp(`(Bought ${purchaseDays} times|买过${purchaseDays}次)`) : /(Bought once|只买过1次)/);
  expect(why).toMatch(/→ \S/);
  await screenshot('customer-prediction-en');

  // A one-time buyer: the model's P(alive) is 1 however long ago they bought, so the file shows it as not estimated.
  const stored = await invoke(page, 'prediction:customers', { sort: 'score', storedOnly: true, limit: 5000 });
  const once = stored.rows.find((r) => r.purchases === 1);
  expect(once, 'the demo has one-time buyers').toBeDefined();
  expect(once!.pAlive).toBe(1);
  await page.goto(at(page, `#/customers/${once!.id}`));
  await byTestId(page, 'palive-once').waitFor({ timeout: 30_000 });
  await byTestId(page, 'palive-once').hover();
  await expect.poll(() => page.locator('.ant-tooltip').last().innerText()).toMatch(/Bought once|只买过1次/);

  // The customer list sorted by likelihood, highest first.
  await page.goto(at(page, '#/customers'));
  const header = page.locator('[role="columnheader"][data-column="likelihood"]');
  await header.waitFor({ timeout: 30_000 });
  for (let i = 0; i < 3 && !(await header.innerText()).endsWith('▼'); i++) await header.click();
  expect(await header.innerText()).toMatch(/▼$/);
  const sorted = await invoke(page, 'customers:list', { sort: { field: 'likelihood', desc: true }, limit: 5 });
  await expect.poll(() => page.locator('[data-testid="customer-row"]').first().getAttribute('data-customer-id')).toBe(sorted.rows[0]!.id);
  await expect.poll(() => page.locator('[data-testid="cell-likelihood"]').first().innerText()).toBe(shownScore(sorted.rows[0]!.likelihood!));

  // The holdout check: charts drawn, and the tables beside them hold the same numbers as the call.
  await page.goto(at(page, '#/prediction'));
  // Likely to buy: the best customer first, its score a percentage as in the list and on Today.
  await expect.poll(() => byTestId(page, 'best-score').first().innerText(), { timeout: 30_000 }).toBe(shownScore(top.score));
  await byTestId(page, 'prediction-tab-holdout').click();
  const split = await page.locator('[data-testid="holdout-split"] input, input[data-testid="holdout-split"]').first().inputValue();
  expect(split).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await byTestId(page, 'holdout-run').click();
  await page.locator('[data-testid="holdout-frequency-chart"] canvas').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="holdout-cumulative-chart"] canvas').waitFor();
  const expected = await invoke(page, 'prediction:holdout', { split });
  const cells = await page.locator('[data-testid="holdout-frequency-table"] tbody tr.ant-table-row').first().locator('td').allInnerTexts();
  expect(cells).toEqual(['0', String(expected.byFrequency[0]!.customers), expect.any(String), expect.any(String)]);
  expect(Number(cells[2]!.replace(/,/g, ''))).toBeCloseTo(expected.byFrequency[0]!.actual, 2);
  const summary = await byTestId(page, 'holdout-summary').innerText();
  expect(summary.replace(/,/g, '')).toContain(String(expected.cumulative.at(-1)!.actual));
  // Dates as the other screens write them in the UI's language, not the call's ISO form (2026-06-01 in English).
  for (const [option, language] of [['中文', 'zh-CN'], ['English', 'en']] as const) {
    await chooseOption(page, 'language-switch', option);
    await expect.poll(() => byTestId(page, 'holdout-summary').innerText()).toContain(formatDate(expected.split, language));
    expect(await byTestId(page, 'holdout-summary').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const dateCell = page.locator('[data-testid="holdout-cumulative-table"] tbody tr.ant-table-row').first().locator('td').nth(1);
    expect(await dateCell.innerText()).toBe(formatShortDate(expected.cumulative[0]!.date, language));
  }
  await screenshot('holdout-check-en');

  // Compared until a day before the split: refused, and the last check's result (for other dates) is not left under the error.
  const until = page.locator('[data-testid="holdout-until"] input, input[data-testid="holdout-until"]').first();
  await until.click();
  await page.keyboard.type(split.replace(/^\d{4}/, (y) => String(Number(y) - 1)));
  await page.keyboard.press('Enter');
  await byTestId(page, 'holdout-run').click();
  await expect.poll(() => byTestId(page, 'holdout-error').innerText()).toContain('after the split');
  expect(await byTestId(page, 'holdout-summary').count()).toBe(0);
  expect(await byTestId(page, 'holdout-frequency-table').count()).toBe(0);
}
