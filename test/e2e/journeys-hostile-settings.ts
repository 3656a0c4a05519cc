import { renameSync, rmSync } from 'node:fs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { animationsSettled, at, byTestId, invoke, questionSettled, type Journey } from './journeys';
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
/** The longest team server address the join form takes. */
const SERVER_URL = `https://${repeat('couchdb-of-the-south-china-wholesale-branch.', 500 - 'https://'.length - 'example.com'.length)}example.com`;
/** A backup file of 255 characters, named partly in Arabic, chosen in the app's open dialog. */
const RESTORE_STEM = `${'客户备份'.repeat(10)}-شركة-النور-2024-`;
const RESTORE_FILE = `${RESTORE_STEM}${'7'.repeat(255 - RESTORE_STEM.length - '.sqlite'.length)}.sqlite`;

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
  const customersBefore = (await invoke(page, 'customers:list', { limit: 1 })).total;
  const longPath = made.path.replace(/\.sqlite$/, `-${'7'.repeat(180)}.sqlite`);
  renameSync(made.path, longPath);
  const longName = longPath.split(/[\\/]/).pop()!;
  const backupsBefore = (await invoke(page, 'backup:list', {})).backups.map((b) => b.name);

  // A team this laptop is in (paused: no server is asked), with eight conflicts its sync resolved.
  sql(`INSERT INTO sync_state (id, node_id) VALUES (1, 'hostile-e2e') ON CONFLICT (id) DO NOTHING`, []);
  sql(`UPDATE sync_state SET server_url = ?, database = 'tierbook', team_user = ?, team_password = 'unused', paused = 1 WHERE id = 1`, [
    SERVER_URL,
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
      if (await restoreFromFileAsksFirst(page, language)) {
        await screenshot(`hostile-restore-file-${language}`);
        // Cancelled: nothing is restored, no backup is made.
        await animationsSettled(page);
        await byTestId(page, 'restore-file-cancel').click();
        await byTestId(page, 'restore-file-question').waitFor({ state: 'hidden' });
      }
      await expect.poll(async () => (await invoke(page, 'backup:list', {})).backups.map((b) => b.name)).toEqual(backupsBefore);
      expect((await invoke(page, 'customers:list', { limit: 1 })).total).toBe(customersBefore);

      // The team's conflicts: every column of a row inside the card, without scrolling the table sideways.
      const conflict = byTestId(page, 'team-conflict-row').first();
      await conflict.waitFor(SLOW);
      await conflict.scrollIntoViewIfNeeded();
      for (const cell of await conflict.locator('td').all()) await insideOf(cell, '[data-testid="settings-team"]');
      expect(await page.evaluate(() => document.querySelector('.ant-layout-content')!.scrollWidth <= document.querySelector('.ant-layout-content')!.clientWidth)).toBe(true);
      await screenshot(`hostile-team-conflicts-${language}`);

      // The 500-character server address: one line inside the card, whole on hover, with a copy button beside it.
      const server = byTestId(page, 'team-status-server');
      await server.scrollIntoViewIfNeeded();
      expect(await server.evaluate((el) => ({ dir: el.getAttribute('dir'), title: el.getAttribute('title'), lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)) }))).toEqual({ dir: 'auto', title: `${SERVER_URL} · tierbook`, lines: 1 });
      await insideOf(server, '[data-testid="settings-team"]');
      await insideOf(byTestId(page, 'team-status-server-copy'), '[data-testid="settings-team"]');
      await screenshot(`hostile-team-server-${language}`);

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

/**
 * Restore from a file, in the app: the system's open dialog is stood in for by one that picks RESTORE_FILE (the
 * bridge has no dialog; the button shows only where one exists). Before anything is replaced, the question names
 * the file, says the data is replaced and a safety backup made first, and stays inside the window. In the Electron
 * run the dialog is the system's own, which a page cannot answer: false there, the asking is left to the Chromium run
 * and to test/unit/renderer/restore-from-file.test.ts.
 */
async function restoreFromFileAsksFirst(page: Page, language: 'en' | 'zh-CN'): Promise<boolean> {
  const stoodIn = await page.evaluate((name) => {
    const bridge = window.tierbook as { pickOpenFile?: unknown };
    if (bridge.pickOpenFile) return false;
    bridge.pickOpenFile = async () => ({ handle: 'f'.repeat(32), name });
    return true;
  }, RESTORE_FILE);
  if (!stoodIn) return false;
  // The panel draws the button by what the transport offers: drawn again, it has the stood-in dialog.
  await page.goto(at(page, '#/today'));
  await page.goto(at(page, '#/settings'));
  await byTestId(page, 'backup-restore-file').click();
  const question = byTestId(page, 'restore-file-question');
  await question.waitFor(SLOW);
  const text = await question.innerText();
  expect(text).toContain(RESTORE_FILE);
  expect(text).toContain(language === 'en' ? 'will be replaced' : '都会被文件');
  expect(text).toContain(language === 'en' ? 'A safety backup of the current data is made first' : '替换前会先把现在的数据另存为一个安全备份');
  await inWindow(page.locator('.ant-modal-confirm:visible'));
  await inWindow(byTestId(page, 'restore-file-cancel'));
  await inWindow(byTestId(page, 'restore-file-confirm'));
  return true;
}

/** Whether an element's box lies inside the window. */
async function inWindow(el: Locator) {
  const b = await el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: window.innerWidth, height: window.innerHeight };
  });
  expect(b.left).toBeGreaterThanOrEqual(0);
  expect(b.top).toBeGreaterThanOrEqual(0);
  expect(b.right).toBeLessThanOrEqual(b.width);
  expect(b.bottom).toBeLessThanOrEqual(b.height);
}
