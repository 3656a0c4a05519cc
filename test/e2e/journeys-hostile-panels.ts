import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { at, byTestId, chooseOption, invoke, questionSettled, type Journey } from './journeys';
import { withDemo } from './journeys-discard';
import { HOSTILE, seedHostile } from './hostile-data';

const SLOW = { timeout: 15_000 };

/** An element's box, inside the window (the page's own scroll aside). */
const box = (el: Locator) => el.evaluate((node) => {
  const r = node.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, innerWidth: window.innerWidth, innerHeight: window.innerHeight };
});

async function inWindow(el: Locator) {
  const b = await box(el);
  expect(b.top).toBeGreaterThanOrEqual(0);
  expect(b.left).toBeGreaterThanOrEqual(0);
  expect(b.bottom).toBeLessThanOrEqual(b.innerHeight);
  expect(b.right).toBeLessThanOrEqual(b.innerWidth);
}

async function setLanguage(page: Page, language: 'en' | 'zh-CN') {
  if ((await invoke(page, 'settings:get', {})).language !== language) await invoke(page, 'settings:update', { language });
}

/**
 * The customer file's panels, a dialog and a drawer with hostile data at 1366×768, in Chinese and English:
 * a right-to-left follow-up keeps its direction, its lines and its digits; a 1,000-character order note
 * does not push the actions a screen away; an order of fifteen lines keeps its title and Save on screen;
 * a policy's class sits beside the start of its long note.
 */
export async function hostilePanelsAndDialogs({ page, screenshot }: Journey): Promise<void> {
  await page.waitForFunction(() => window.tierbook !== undefined, undefined, SLOW);
  await withDemo(page);
  const ids = await seedHostile(page, true);
  const token = `https://example.com/${'averyveryverylongpathsegment'.repeat(20)}`;
  const content = `${HOSTILE.arabic} اتصل بالعميل\nسطر ثان 42\n${token}`;
  await invoke(page, 'followups:create', { customerId: ids.arabicId, content, outcome: 'تم 100%', occurredAt: '2024-02-01T02:00:00.000Z' });

  for (const language of ['zh-CN', 'en'] as const) {
    await setLanguage(page, language);

    // The follow-up timeline: the Arabic paragraph in its own direction, its three lines kept, the link broken inside the box.
    await page.goto(at(page, `#/customers/${ids.arabicId}`));
    await page.reload();
    const paragraph = byTestId(page, 'followup-content').filter({ hasText: 'اتصل بالعميل' });
    await paragraph.waitFor(SLOW);
    expect(await paragraph.getAttribute('dir')).toBe('auto');
    expect(await paragraph.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await paragraph.innerText()).toBe(content);
    expect(await paragraph.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    const outcome = byTestId(page, 'followup-outcome').filter({ hasText: 'تم 100%' });
    expect(await outcome.getAttribute('dir')).toBe('auto');
    await paragraph.scrollIntoViewIfNeeded();
    await screenshot(`hostile-followup-${language}`);

    // Orders: every note one line inside the table; the first row's actions on screen without scrolling sideways.
    await page.goto(at(page, `#/customers/${ids.longId}`));
    await byTestId(page, 'tab-orders').click();
    const notes = byTestId(page, 'order-note-cell');
    await expect.poll(() => notes.count(), SLOW).toBe(4);
    for (const note of await notes.all()) {
      expect(await note.getAttribute('dir')).toBe('auto');
      expect(await note.getAttribute('title')).toBe(HOSTILE.notes.slice(0, 1000));
      await inWindow(note);
    }
    await inWindow(byTestId(page, 'order-delete').first());
    await screenshot(`hostile-orders-${language}`);

    // An order of fifteen lines: its body scrolls, its title and Save stay on screen.
    await byTestId(page, 'add-order').click();
    await byTestId(page, 'order-add-line').waitFor();
    const before = await byTestId(page, 'order-line').count();
    for (let i = before; i < 15; i++) await byTestId(page, 'order-add-line').click();
    await expect.poll(() => byTestId(page, 'order-line').count()).toBe(15);
    await inWindow(page.locator('.ant-modal-title:visible'));
    await inWindow(byTestId(page, 'order-save'));
    await byTestId(page, 'order-add-line').scrollIntoViewIfNeeded();
    await inWindow(byTestId(page, 'order-add-line'));
    await inWindow(byTestId(page, 'order-save'));
    await screenshot(`hostile-order-lines-${language}`);
    await page.keyboard.press('Escape');
    // The question zooms in from the pointer: a click before it settles can land beside "Discard".
    await questionSettled(page);
    await byTestId(page, 'unsaved-leave').click();
    await byTestId(page, 'order-form').waitFor({ state: 'hidden' });

    // Service policies: the gold row's class beside the first line of its 2,000-character note.
    await page.goto(at(page, '#/tiers'));
    await chooseOption(page, 'scheme-select', language === 'en' ? 'Customer pyramid' : '客户金字塔');
    await byTestId(page, 'open-policies').click();
    const notesGold = page.locator('textarea[data-testid="notes-gold"]');
    await expect.poll(() => notesGold.inputValue(), SLOW).toBe(HOSTILE.policyNotes.slice(0, 2000));
    const row = notesGold.locator('xpath=ancestor::tr[1]');
    // The first line of the class's label (a tag or plain words), against the note's own first line.
    const [labelTop, noteTop] = await row.evaluate((tr) => {
      const label = document.createRange();
      label.selectNodeContents(tr.querySelector('td')!);
      return [label.getClientRects()[0]!.top, tr.querySelector('textarea')!.getBoundingClientRect().top];
    });
    expect(Math.abs(labelTop - noteTop)).toBeLessThan(24);
    await screenshot(`hostile-policies-${language}`);
    await page.keyboard.press('Escape');
    await byTestId(page, 'policies-drawer').waitFor({ state: 'hidden' });
  }
}
