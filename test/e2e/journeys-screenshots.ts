import { expect } from 'vitest';
import { byTestId, chooseOption, invoke, type Journey } from './journeys';

const LANGUAGES = [
  { code: 'zh-CN', option: '中文', today: '今日', pyramid: '客户金字塔', gold: '黄金' },
  { code: 'en', option: 'English', today: 'Today', pyramid: 'Customer pyramid', gold: 'Gold' },
] as const;

/**
 * Runs last, on the demo the other journeys used: the README's four pictures in each language, at the
 * window size a 1366×768 laptop gives — Today, the customer list, a customer file, and the pyramid's gold
 * tier with one customer's explanation open. Each screen is checked to be in the language it claims.
 */
export async function readmeScreenshots({ page, screenshot }: Journey): Promise<void> {
  const base = page.url().replace(/#.*$/, '');
  for (const lang of LANGUAGES) {
    await chooseOption(page, 'language-switch', lang.option);
    await expect.poll(async () => (await invoke(page, 'settings:get', {})).language).toBe(lang.code);

    await page.goto(`${base}#/today`);
    await byTestId(page, 'today-item').first().waitFor();
    await expect.poll(() => byTestId(page, 'nav-today').innerText()).toContain(lang.today);
    await screenshot(`today-${lang.code}`);

    await page.goto(`${base}#/customers`);
    const row = byTestId(page, 'customer-row').first();
    await row.waitFor();
    await screenshot(`customers-${lang.code}`);

    const name = (await invoke(page, 'customers:list', { sort: { field: 'revenueBaseMinor', desc: true }, limit: 1 })).rows[0]!;
    await page.goto(`${base}#/customers/${encodeURIComponent(name.id)}`);
    await expect.poll(() => byTestId(page, 'customer-title').innerText()).toBe(name.name);
    await screenshot(`customer-file-${lang.code}`);

    await page.goto(`${base}#/tiers`);
    await byTestId(page, 'tiers-page').waitFor();
    await chooseOption(page, 'scheme-select', lang.pyramid);
    const gold = page.locator('[data-testid="class-summary"] [data-class="gold"]');
    await gold.click();
    const member = byTestId(page, 'member-row').first();
    await member.waitFor();
    await member.click();
    await expect.poll(() => byTestId(page, 'explain-pyramid').innerText()).toContain(lang.gold);
    await screenshot(`tiers-explained-${lang.code}`);
    await page.keyboard.press('Escape');
  }
}
