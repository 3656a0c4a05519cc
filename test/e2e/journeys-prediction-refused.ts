import { expect } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { formatDate } from '../../renderer/components/format';
import { resources } from '../../renderer/i18n/resources';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';

const LANGUAGES = [
  ['中文', 'zh-CN'],
  ['English', 'en'],
] as const;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

/**
 * A new book where nobody has bought on a second day yet: twelve customers whose every order is today's (two
 * of them twice today), and four who bought once, 200 days ago. The Predictions screen and the customer file say
 * why there is no purchase likelihood instead of showing the prior's figures, and the holdout check refuses with
 * the reason, in both languages at 1366×768. The counts are the customers made here.
 */
export async function predictionRefusedOnOneDayBook({ page, screenshot }: Journey): Promise<void> {
  const today = localDateOf(new Date());
  const longAgo = addDays(today, -200);
  if (!(await invoke(page, 'workspace:status', {})).onboarded) await invoke(page, 'workspace:startEmpty', {});
  const ids: string[] = [];
  for (let i = 0; i < 16; i++) {
    const { customer } = await invoke(page, 'customers:create', { name: `一天客户${i + 1}` });
    ids.push(customer.id);
    const day = i < 12 ? today : longAgo;
    for (let k = 0; k < (i < 2 ? 2 : 1); k++) await invoke(page, 'orders:create', { customerId: customer.id, orderDate: day, amount: '128.00', currency: 'CNY' });
  }
  await invoke(page, 'segments:recompute', {});
  await page.goto(at(page, '#/prediction'));
  await page.reload();

  for (const [option, language] of LANGUAGES) {
    const words = resources.prediction[language];
    await chooseOption(page, 'language-switch', option);
    // Likely to buy: the reason, no table of figures, nothing to export.
    await page.goto(at(page, '#/prediction'));
    await expect.poll(() => byTestId(page, 'best-refused').innerText(), { timeout: 30_000 }).toBe(fill(words.refused_other, { count: 16, date: formatDate(today, language) }));
    expect(await byTestId(page, 'best-table').count()).toBe(0);
    expect(await byTestId(page, 'best-export').isDisabled()).toBe(true);
    await screenshot(`prediction-refused-${language}`);

    // The holdout check at its default split (six months back): the four who bought 200 days ago, none twice.
    await byTestId(page, 'prediction-tab-holdout').click();
    const split = await page.locator('[data-testid="holdout-split"] input, input[data-testid="holdout-split"]').first().inputValue();
    await byTestId(page, 'holdout-run').click();
    await expect
      .poll(() => byTestId(page, 'holdout-error').innerText(), { timeout: 30_000 })
      .toBe(fill(resources.errors[language].issue.prediction_no_repeat_purchases, { customers: 4, asOf: split }));
    expect(await page.locator('[data-testid="holdout-frequency-chart"]').count()).toBe(0);

    // The customer file: the same reason where the score would be.
    await page.goto(at(page, `#/customers/${ids[0]}`));
    await expect.poll(() => byTestId(page, 'prediction-refused').innerText(), { timeout: 30_000 }).toBe(fill(words.refused_other, { count: 16, date: formatDate(today, language) }));
    expect(await byTestId(page, 'prediction-summary').count()).toBe(0);
    await screenshot(`prediction-refused-file-${language}`);
  }
}
