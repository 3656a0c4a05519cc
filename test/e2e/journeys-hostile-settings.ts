import { renameSync, rmSync } from 'node:fs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { at, byTestId, invoke, questionSettled, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };
const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Runs one statement on the app's database file: team conflicts only arrive through a sync, which needs a server. */
export type RunSql = (statement: string, params: unknown[]) => void;

/** Ten owners alike for their first 70 characters, told apart only by their last two. */
const OWNER_STEM = repeat('华南区销售经理SalesManagerOfTheSouthChinaRegion', 70);
const LONG_INDUSTRY = repeat('ExtraordinarilyLongIndustryNameWithoutSpaces', 70);
const LONG_RESPONSIBLE = repeat('负责人ResponsiblePersonForTheseCustomers', 90);
const ARABIC_PERSON = 'مدير المبيعات 2';

async function setLanguage(page: Page, language: 'en' | 'zh-CN') {
  if ((await invoke(page, 'settings:get', {})).language !== language) await invoke(page, 'settings:update', { language });
}

/** Where an element's box lies, and the box of the element it must stay inside. */
const boxes = (el: Locator, outer: string) =>
  el.evaluate((node, selector) => {
    const r = node.getBoundingClientRect();
    const o = node.closest(selector)!.getBoundingClientRect();
    return { left: r.left, right: r.right, outerLeft: o.left, outerRight: o.right, innerWidth: window.innerWidth };
  }, outer);

async function insideOf(el: Locator, outer: string) {
  const b = await boxes(el, outer);
  expect(b.left).toBeGreaterThanOrEqual(b.outerLeft - 1);
  expect(b.right).toBeLessThanOrEqual(b.outerRight + 1);
  expect(b.right).toBeLessThanOrEqual(b.innerWidth);
}

/** Every letter of a field or an option on show: nothing hidden past its edge. */
const wholeOnShow = (el: Locator) => el.evaluate((node) => node.scrollWidth <= node.clientWidth + 1 && node.scrollHeight <= node.clientHeight + 1);

/**
 * Settings, Today and the service policies with hostile data at 1366×768, in Chinese and English: a backup of a
 * 220-character name keeps its row, its Restore and the question inside the card; the team's conflicts with
 * a 120-character customer and long laptop names fit their card, value beside value; thirty owners, ten
 * alike but for their last characters, are told apart in Today's owner list; a long industry does not squeeze
 * the policies' notes to a sliver, and a long responsible name is read whole while typed.
 */
export async function hostileSettingsTodayAndPolicies({ page, screenshot }: Journey, sql: RunSql): Promise<void> {
  await page.waitForFunction(() => window.tierbook !== undefined, undefined, SLOW);
  await withDemo(page);
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const owner = i < 10 ? `${OWNER_STEM}${String(i).padStart(2, '0')}` : i < 20 ? `مدير ${i}` : `王${i}`;
    const name = i === 0 ? repeat('永兴隆国际贸易有限公司WholesaleTradingCompany', 120) : `负责人测试${i}`;
    ids.push((await invoke(page, 'customers:create', { name, owner, ...(i === 1 ? { industry: LONG_INDUSTRY } : {}) })).customer.id);
  }
  await invoke(page, 'segments:recompute', {});

  const made = await invoke(page, 'backup:create', {});
  const longPath = made.path.replace(/\.sqlite$/, `-${'7'.repeat(180)}.sqlite`);
  renameSync(made.path, longPath);
  const longName = longPath.split(/[\\/]/).pop()!;

  // A team this laptop is in (paused: no server is asked), with eight conflicts its sync resolved.
  sql(`INSERT INTO sync_state (id, node_id) VALUES (1, 'hostile-e2e') ON CONFLICT (id) DO NOTHING`, []);
  sql(`UPDATE sync_state SET server_url = ?, database = 'tierbook', team_user = ?, team_password = 'unused', paused = 1 WHERE id = 1`, [
    `https://${repeat('couchdb-of-the-south-china-wholesale-branch.', 300)}example.com`,
    repeat('销售经理SalesManagerAccount', 120),
  ]);
  const when = new Date().toISOString();
  for (let i = 0; i < 8; i++) {
    sql(`INSERT INTO sync_conflicts (id, customer_id, field, kept_value, overwritten_value, kept_by, overwritten_by, kept_at, overwritten_at, resolved_at) VALUES (?, ?, 'notes', ?, ?, ?, ?, ?, ?, ?)`, [
      `hostile-${i}`, ids[0], repeat('KeptValueWithoutAnySpaces', 400), 'شركة النور 2024', repeat('Laptop-of-ZhangWei-SalesManager-', 120), ARABIC_PERSON, when, when, when,
    ]);
  }

  try {
    for (const language of ['zh-CN', 'en'] as const) {
      await setLanguage(page, language);

      // Settings: the long backup's Restore and its question stay in the card; the page never scrolls sideways.
      await page.goto(at(page, '#/settings'));
      await page.reload();
      const restore = page.locator(`[data-testid="backup-row"][data-name="${longName}"] [data-testid="backup-restore"]`);
      await restore.waitFor(SLOW);
      await restore.scrollIntoViewIfNeeded();
      await insideOf(restore, '[data-testid="backup-panel"]');
      await restore.click();
      const question = page.locator('.ant-popover:visible');
      await question.waitFor(SLOW);
      await insideOf(question, 'body');
      await screenshot(`hostile-backup-${language}`);
      await question.getByRole('button', { name: language === 'en' ? 'Cancel' : '取消' }).click();
      await question.waitFor({ state: 'hidden' });

      // The team's conflicts: every column of a row inside the card, without scrolling the table sideways.
      const conflict = byTestId(page, 'team-conflict-row').first();
      await conflict.waitFor(SLOW);
      await conflict.scrollIntoViewIfNeeded();
      for (const cell of await conflict.locator('td').all()) await insideOf(cell, '[data-testid="settings-team"]');
      expect(await page.evaluate(() => document.querySelector('.ant-layout-content')!.scrollWidth <= document.querySelector('.ant-layout-content')!.clientWidth)).toBe(true);
      await screenshot(`hostile-team-conflicts-${language}`);

      // Today's owners: the ten alike are each read to their end.
      await page.goto(at(page, '#/today'));
      await byTestId(page, 'today-filter-owner').click();
      await page.keyboard.type('SouthChinaRegion');
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option-content');
      await expect.poll(() => options.count(), SLOW).toBeGreaterThanOrEqual(3);
      for (const option of await options.all()) expect(await wholeOnShow(option)).toBe(true);
      await screenshot(`hostile-today-owners-${language}`);
      await page.keyboard.press('Escape');

      // Service policies of the industries: room for the notes beside a long industry, the responsible read whole.
      await page.goto(at(page, '#/tiers'));
      // The industries are far down the list of schemes (drawn only as it scrolls): found by typing.
      await byTestId(page, 'scheme-select').click();
      await page.keyboard.type(language === 'en' ? 'Industry' : '行业');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: language === 'en' ? 'Industry' : '行业' }).first().click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await byTestId(page, 'open-policies').click();
      const row = page.locator('[data-testid="policies-drawer"] tr', { hasText: LONG_INDUSTRY.slice(0, 30) });
      await row.waitFor(SLOW);
      const notes = row.locator('[data-testid^="notes-"]');
      expect((await notes.boundingBox())!.width).toBeGreaterThanOrEqual(160);
      const responsible = row.locator('[data-testid^="responsible-"]');
      await responsible.fill(LONG_RESPONSIBLE);
      await expect.poll(() => wholeOnShow(responsible)).toBe(true);
      await screenshot(`hostile-policies-responsible-${language}`);
      await page.keyboard.press('Escape');
      // The question zooms in from the pointer: a click before it settles can land beside "Discard".
      await questionSettled(page);
      await byTestId(page, 'unsaved-leave').click();
      await byTestId(page, 'policies-drawer').waitFor({ state: 'hidden' });
    }
  } finally {
    await invoke(page, 'team:leave', {});
    sql(`DELETE FROM sync_conflicts WHERE id LIKE 'hostile-%'`, []);
    rmSync(longPath, { force: true });
  }
}
