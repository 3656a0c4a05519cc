import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { at, byTestId, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';
import { HOSTILE, seedHostile } from './hostile-data';

const SLOW = { timeout: 15_000 };

async function setLanguage(page: Page, language: 'en' | 'zh-CN') {
  if ((await invoke(page, 'settings:get', {})).language !== language) await invoke(page, 'settings:update', { language });
}

/** Whether the element lies wholly inside the window, as it is drawn now (nothing scrolled to reach it). */
const inWindowNow = (el: Locator) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });

/**
 * Where a field's own style draws two parts of its last line, left to right. A text box's characters are not
 * in the page's tree, so the same text is laid out once in a box given the field's computed bidi, direction,
 * alignment, font and width, and measured there.
 */
const drawnInField = (field: Locator, first: string, second: string) =>
  field.evaluate((node, [a, b]) => {
    const input = node as HTMLTextAreaElement;
    const style = getComputedStyle(input);
    const box = document.createElement('div');
    for (const p of ['direction', 'unicodeBidi', 'textAlign', 'font', 'whiteSpace', 'width', 'padding'] as const) box.style[p] = style[p];
    box.style.position = 'absolute';
    box.style.top = '0';
    box.style.left = '0';
    const line = input.value.split('\n').pop()!;
    box.textContent = input.value;
    document.body.append(box);
    const text = box.firstChild!;
    const start = input.value.length - line.length;
    const rectOf = (needle: string) => {
      const range = document.createRange();
      const at = start + line.indexOf(needle);
      range.setStart(text, at);
      range.setEnd(text, at + needle.length);
      return range.getBoundingClientRect();
    };
    const [ra, rb] = [rectOf(a!), rectOf(b!)];
    box.remove();
    return { firstLeft: ra.left, secondRight: rb.right };
  }, [first, second] as const);

/**
 * Forms with hostile data at 1366×768, in Chinese and English. A follow-up written in Arabic is edited in its
 * own direction: "تم 100%" keeps its figure beside it, instead of the field laying the line left to right and
 * sending "%" past the word. A custom segment of a long name and twelve conditions keeps its Save button in
 * the window, below a body that scrolls, instead of a screen and more down the drawer.
 */
export async function hostileFormsKeepDirectionAndSave({ page, screenshot }: Journey): Promise<void> {
  await page.waitForFunction(() => window.tierbook !== undefined, undefined, SLOW);
  await withDemo(page);
  const ids = await seedHostile(page);
  const rtl = 'تم 100%';
  const content = `${HOSTILE.arabic}\n${rtl}`;
  await invoke(page, 'followups:create', { customerId: ids.arabicId, content, occurredAt: '2024-03-01T02:00:00.000Z' });
  const name = `12 ${HOSTILE.segmentName}`.slice(0, HOSTILE.segmentName.length);
  const conditions = Array.from({ length: 12 }, (_, i) => ({ kind: 'field' as const, field: 'city' as const, op: 'equals' as const, value: `城市${i}` }));
  const segment = await invoke(page, 'segments:custom:save', { name, rule: { kind: 'group', op: 'or', conditions } });

  for (const language of ['zh-CN', 'en'] as const) {
    await setLanguage(page, language);

    // The follow-up's edit dialog: the Arabic line in its own direction, the figure to the left of the word.
    await page.goto(at(page, `#/customers/${ids.arabicId}`));
    await page.reload();
    const item = byTestId(page, 'followup-item').filter({ hasText: rtl });
    await item.waitFor(SLOW);
    await item.locator('[data-testid="followup-edit"]').click();
    const field = page.locator('.ant-modal textarea[data-testid="followup-content"]');
    await expect.poll(() => field.inputValue(), SLOW).toBe(content);
    const drawn = await drawnInField(field, 'تم', '%');
    expect(drawn.secondRight).toBeLessThanOrEqual(drawn.firstLeft);
    await screenshot(`hostile-followup-edit-${language}`);
    await page.keyboard.press('Escape');
    await field.waitFor({ state: 'hidden' });

    // The custom segment: twelve conditions, and Save still in the window without scrolling the drawer.
    await page.goto(at(page, '#/tiers'));
    await page.reload();
    await byTestId(page, 'open-custom-segments').click();
    const row = byTestId(page, 'custom-segment-item').filter({ hasText: name.slice(0, 40) });
    await row.locator('[data-testid="custom-edit"]').click();
    await expect.poll(() => page.locator('[data-testid="custom-field"]:visible').count(), SLOW).toBe(12);
    expect(await inWindowNow(byTestId(page, 'custom-save'))).toBe(true);
    expect(await inWindowNow(byTestId(page, 'custom-form-title'))).toBe(true);
    await screenshot(`hostile-custom-segment-${language}`);
    await page.keyboard.press('Escape');
    await byTestId(page, 'custom-segments').waitFor({ state: 'hidden' });
  }

  // Later journeys count custom segments from the demo alone.
  await invoke(page, 'segments:custom:delete', { id: segment.id });
}
