import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 30_000 };

/** Picks a scheme by typing its name into the searchable select, as on the Evaluation journey. */
async function pickScheme(page: Page, name: string): Promise<void> {
  await byTestId(page, 'evaluation-scheme').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().waitFor(SLOW);
  await page.keyboard.press('Enter');
}

/**
 * The Evaluation's first card is titled after the scheme chosen: "Customer pyramid" only for the pyramid,
 * "Value tiers" for value tiers, a custom segment's own name for it (it said "Customer pyramid" for all),
 * in English and in Chinese.
 */
export async function evaluationCardNamesTheScheme({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  const segment = await invoke(page, 'segments:custom:save', { name: '本地大客户 Local buyers', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'locality', op: 'equals', value: 'local' }] } });
  await page.goto(at(page, '#/evaluation'));
  await page.reload();
  const report = byTestId(page, 'evaluation-report');
  const title = page.locator('[data-testid="card-pyramid"] .ant-card-head-title');
  await report.waitFor(SLOW);
  await expect.poll(() => title.innerText(), SLOW).toMatch(/^Customer pyramid \(/);

  await pickScheme(page, 'Value tiers');
  await expect.poll(() => report.getAttribute('data-scheme'), SLOW).toBe('value');
  await expect.poll(() => title.innerText(), SLOW).toMatch(/^Value tiers \(/);

  await pickScheme(page, 'Local buyers');
  await expect.poll(() => report.getAttribute('data-scheme'), SLOW).toBe(`custom:${segment.id}`);
  await expect.poll(() => title.innerText(), SLOW).toMatch(/^本地大客户 Local buyers \(/);
  expect(await title.innerText()).not.toContain('pyramid');
  await screenshot('evaluation-custom-title-en');

  // In Chinese: the segment's own name, then 价值分层 for value tiers, not 客户金字塔.
  await chooseOption(page, 'language-switch', '中文');
  await expect.poll(() => title.innerText(), SLOW).toMatch(/^本地大客户 Local buyers（/);
  await screenshot('evaluation-custom-title-zh-CN');
  await pickScheme(page, '价值分层');
  await expect.poll(() => report.getAttribute('data-scheme'), SLOW).toBe('value');
  await expect.poll(() => title.innerText(), SLOW).toMatch(/^价值分层（/);
  await chooseOption(page, 'language-switch', 'English');
  await invoke(page, 'segments:custom:delete', { id: segment.id });
}
