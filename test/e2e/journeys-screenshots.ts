import { expect } from 'vitest';
import { byTestId, chooseOption, invoke, type Journey } from './journeys';

const LANGUAGES = [
  { code: 'zh-CN', option: '中文', today: '今日', pyramid: '客户金字塔', gold: '黄金', kinds: ['客户', '订单', '跟进记录'] },
  { code: 'en', option: 'English', today: 'Today', pyramid: 'Customer pyramid', gold: 'Gold', kinds: ['Customers', 'Orders', 'Follow-ups'] },
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

    // The Import screen's choices, for each kind of file: every one reads in full, on one line.
    await page.goto(`${base}#/import`);
    await byTestId(page, 'import-page').waitFor();
    for (const kind of lang.kinds) {
      await page.locator('[data-testid="import-kind"] .ant-segmented-item', { hasText: new RegExp(`^${kind}$`) }).click();
      await expect.poll(() => page.locator('[data-testid="import-kind"] .ant-segmented-item-selected').innerText()).toBe(kind);
      // A choice's text laid out in full (a range over it) against the room its box gives it: wider is cut short with an ellipsis.
      const choices = await page.locator('[data-testid="import-page"] .ant-select-content').evaluateAll((items) =>
        items.map((item) => {
          const text = document.createRange();
          text.selectNodeContents(item.firstChild!);
          return { text: item.textContent, clipped: text.getBoundingClientRect().width > item.clientWidth, top: Math.round(item.getBoundingClientRect().top) };
        }),
      );
      expect(choices.length, `${lang.code} ${kind}`).toBe(3);
      expect(choices.filter((choice) => choice.clipped), `${lang.code} ${kind}`).toEqual([]);
      expect(new Set(choices.map((choice) => choice.top)).size, `${lang.code} ${kind}: ${JSON.stringify(choices)}`).toBe(1);
    }
  }
}
