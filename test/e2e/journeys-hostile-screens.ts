import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { at, byTestId, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 30_000 };
const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** A file a careless export makes: a 300-character header, an Arabic one, 60 columns, 5,000-character cells, bad phones. */
function hostileCsv() {
  const longHeader = repeat('AnExtraordinarilyLongColumnHeaderWithNoSpaces', 300);
  const arabicHeader = 'عمود العنوان 2024 (رقم)';
  const headers = ['Name', 'Company', 'Phone', longHeader, arabicHeader, ...Array.from({ length: 55 }, (_, i) => `列${i} 👨‍👩‍👧‍👦`)];
  const longCell = repeat('名字Name', 5000);
  const rows = Array.from({ length: 12 }, (_, r) => {
    const cells = [r === 0 ? longCell : r === 1 ? 'شركة النور 2024-117' : `客户${r}`, '👩🏿‍💻 Studio', r % 4 === 3 ? '12345' : `139123450${String(r).padStart(2, '0')}`, repeat('x', 5000), 'مرحبا 100%'];
    for (let i = 5; i < 60; i++) cells.push(`v${r}-${i}`);
    return cells;
  });
  const csv = [headers, ...rows].map((cells) => cells.map((c) => `"${c}"`).join(',')).join('\r\n');
  return { csv, longHeader, arabicHeader, longCell };
}

export async function setLanguage(page: Page, language: 'en' | 'zh-CN') {
  if ((await invoke(page, 'settings:get', {})).language !== language) await invoke(page, 'settings:update', { language });
}

/** Whether the element's box ends inside the window (it may sit below the fold: the page scrolls down, never sideways). */
const rightInWindow = (el: Locator) => el.evaluate((node) => node.getBoundingClientRect().right <= window.innerWidth && node.getBoundingClientRect().left >= 0);

/** Where two substrings of an element's text are drawn, left to right. */
export const drawnAt = (el: Locator, first: string, second: string) =>
  el.evaluate((node, [a, b]) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const rectOf = (needle: string) => {
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const at = text.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + needle.length);
        return range.getBoundingClientRect();
      }
      return null;
    };
    const ra = rectOf(a!);
    walker.currentNode = node;
    const rb = rectOf(b!);
    return ra && rb ? { firstRight: ra.right, secondLeft: rb.left, sameLine: Math.abs(ra.top - rb.top) < 4 } : null;
  }, [first, second] as const);

/**
 * The Import and Duplicates screens at 1366×768 with hostile data, in Chinese and English: a file whose header and
 * cells run to thousands of characters keeps the field choosers and the refusal reasons on screen, every file value
 * cut in its own direction with the whole on hover; a duplicate pair named in Arabic keeps the name before its
 * company in the reason, and a pair with 300-character names keeps the reason and the merge button inside the window.
 */
export async function hostileImportAndDuplicates({ page, screenshot }: Journey, files: { write(name: string, bytes: Uint8Array): string }): Promise<void> {
  await page.waitForFunction(() => window.tierbook !== undefined, undefined, SLOW);
  await withDemo(page);
  const file = hostileCsv();
  const path = files.write('hostile-columns.csv', new TextEncoder().encode(file.csv));
  const arabic = { name: 'شركة الأمل للتجارة 2024-117', company: 'الأمل 3000' };
  const long = { name: repeat('永兴隆国际贸易有限公司WholesaleTradingCompany', 120), company: repeat('ExtraordinarilyLongCompanyNameWithoutSpaces', 200) };
  const pairs = [];
  for (const [p, who] of [arabic, long].entries()) {
    const ids = [];
    // Each its own long e-mail: the pairs are found by name and company alone.
    for (let i = 0; i < 2; i++) ids.push((await invoke(page, 'customers:create', { ...who, contacts: [{ kind: 'email', value: `${repeat('longmailbox', 90)}${p}${i}@example.com` }] })).customer.id);
    pairs.push(ids);
  }

  for (const language of ['zh-CN', 'en'] as const) {
    await setLanguage(page, language);
    await page.goto(at(page, '#/import'));
    await page.reload();
    await byTestId(page, 'import-page').waitFor(SLOW);
    await page.locator('input[data-testid="import-file"]').setInputFiles(path);
    await byTestId(page, 'import-summary').waitFor(SLOW);

    // The mapping: each column's field chooser on screen, beside a header cut in its own direction, whole on hover.
    const mapping = page.locator('[data-testid="import-mapping-row"]');
    await expect.poll(() => mapping.count(), SLOW).toBe(60);
    for (const header of [file.longHeader, file.arabicHeader]) {
      const row = page.locator(`[data-testid="import-mapping-row"][data-header="${header}"]`);
      const cell = row.locator('[data-testid="import-mapping-header"]');
      expect(await cell.evaluate((n) => ({ dir: n.getAttribute('dir'), title: n.getAttribute('title'), cut: n.scrollWidth <= n.clientWidth || getComputedStyle(n).textOverflow === 'ellipsis' }))).toEqual({ dir: 'auto', title: header, cut: true });
      expect(await rightInWindow(row.locator('[data-testid="import-field"]'))).toBe(true);
      expect(await rightInWindow(row)).toBe(true);
    }
    // Three samples of a column share the cell: a 5,000-character one does not squeeze the other two to nothing.
    const samples = mapping.first().locator('[data-testid="import-samples"] .user-text');
    expect(await samples.evaluateAll((all) => all.map((n) => [n.getAttribute('dir'), n.getBoundingClientRect().width > 20]))).toEqual([['auto', true], ['auto', true], ['auto', true]]);
    await screenshot(`hostile-import-mapping-${language}`);

    // The refused rows: the 5,000-character name cut in its box, the reason beside it on screen.
    const refused = page.locator('[data-testid="import-error"][data-row="2"]');
    await refused.waitFor(SLOW);
    await refused.scrollIntoViewIfNeeded();
    const value = refused.locator('[data-testid="import-error-value"]');
    expect(await value.getAttribute('dir')).toBe('auto');
    expect((await value.getAttribute('title'))!.startsWith(file.longCell.slice(0, 100))).toBe(true);
    expect(await rightInWindow(refused.locator('td').last())).toBe(true);
    expect(await refused.evaluate((tr) => tr.getBoundingClientRect().height)).toBeLessThan(80);
    expect(await rightInWindow(byTestId(page, 'import-header-row'))).toBe(true);
    await screenshot(`hostile-import-refused-${language}`);

    // Duplicates: the Arabic pair's reason names it before its company, as the sentence reads.
    await page.goto(at(page, '#/duplicates'));
    const groupOf = (id: string) => byTestId(page, 'duplicate-group').filter({ has: byTestId(page, `merge-keep-${id}`) });
    const arabicGroup = groupOf(pairs[0]![0]!);
    await arabicGroup.waitFor(SLOW);
    const reason = arabicGroup.locator('[data-testid="merge-reason"]').filter({ hasText: arabic.company });
    const order = await drawnAt(reason, arabic.name, arabic.company);
    expect(order).toMatchObject({ sameLine: true });
    expect(order!.firstRight).toBeLessThanOrEqual(order!.secondLeft);
    expect(await arabicGroup.locator('[data-testid="merge-candidate-name"]').first().getAttribute('dir')).toBe('auto');

    // The long pair: its reasons wrap inside the card, the merge button and the table's box stay in the window.
    const longGroup = groupOf(pairs[1]![0]!);
    await longGroup.scrollIntoViewIfNeeded();
    for (const tag of await longGroup.locator('[data-testid="merge-reason"]').all()) expect(await rightInWindow(tag)).toBe(true);
    expect(await rightInWindow(longGroup.locator('[data-testid="merge-start"]'))).toBe(true);
    expect(await rightInWindow(longGroup.locator('[data-testid="merge-table"]'))).toBe(true);
    await screenshot(`hostile-duplicates-${language}`);
  }

  // The pairs merged away, so later journeys see the book they expect.
  for (const [keepId, mergeId] of pairs) await invoke(page, 'customers:merge', { keepId: keepId!, mergeIds: [mergeId!], fields: {} });
}
