import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 15_000 };

const NOTE =
  'Call before the 10th of each month; they pay by bank transfer, never cash. Ask for Ms Chen, not the front desk. Send the new season catalogue with samples of the cotton line, and remind them of the volume discount above 500 pieces.';
const NEXT = 'Invite to the spring fair in Guangzhou, booth 3.2 B14, and confirm the hotel two weeks before';

/** Whether a text box shows all of its text: nothing hidden past its right edge or its last line. */
const showsAll = (box: Locator) => box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);

/**
 * A service policy's notes and next action are read in full where they are edited: the boxes grow with a
 * long note (a one-line box clipped it, with no way to read the rest), and hovering shows the whole text.
 */
export async function policyNotesReadInFull({ page, screenshot }: Journey): Promise<void> {
  await withDemo(page);
  if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
  const kept = (await invoke(page, 'policies:list', { scheme: 'pyramid' })).policies.find((p) => p.classKey === 'gold');
  await invoke(page, 'policies:saveMany', { policies: [{ scheme: 'pyramid', classKey: 'gold', cadenceDays: kept?.cadenceDays ?? 14, priority: kept?.priority ?? 2, notes: NOTE, nextAction: NEXT, responsible: kept?.responsible ?? null }] });
  await page.goto(at(page, '#/tiers'));
  await page.reload();
  await byTestId(page, 'open-policies').click();
  const notes = page.locator('textarea[data-testid="notes-gold"]');
  const next = page.locator('textarea[data-testid="next-action-gold"]');
  await expect.poll(() => notes.inputValue(), SLOW).toBe(NOTE);
  await expect.poll(() => showsAll(notes)).toBe(true);
  await expect.poll(() => showsAll(next)).toBe(true);
  expect(await notes.getAttribute('title')).toBe(NOTE);
  expect(await next.getAttribute('title')).toBe(NEXT);
  // An empty box stays one line: the table of classes does not grow for nothing.
  const platinum = page.locator('textarea[data-testid="notes-platinum"]');
  if ((await platinum.inputValue()) === '') expect(await platinum.evaluate((el) => el.clientHeight)).toBeLessThan(40);
  await screenshot('policies-long-note-en');

  // Typing on grows the box as well, and the tooltip follows the text.
  await notes.focus();
  await notes.press('End');
  await notes.pressSequentially(' Their warehouse closes at 4 pm on Saturdays.');
  await expect.poll(() => showsAll(notes)).toBe(true);
  expect(await notes.getAttribute('title')).toBe(`${NOTE} Their warehouse closes at 4 pm on Saturdays.`);
  await byTestId(page, 'save-policies').click();
  await expect.poll(async () => (await invoke(page, 'policies:list', { scheme: 'pyramid' })).policies.find((p) => p.classKey === 'gold')?.notes, SLOW).toBe(`${NOTE} Their warehouse closes at 4 pm on Saturdays.`);
  await page.keyboard.press('Escape');
  await byTestId(page, 'policies-drawer').waitFor({ state: 'hidden' });

  // The same drawer in Chinese.
  await chooseOption(page, 'language-switch', '中文');
  await byTestId(page, 'open-policies').click();
  await expect.poll(() => showsAll(notes), SLOW).toBe(true);
  await screenshot('policies-long-note-zh-CN');
  await page.keyboard.press('Escape');
  await byTestId(page, 'policies-drawer').waitFor({ state: 'hidden' });
  await chooseOption(page, 'language-switch', 'English');
  await invoke(page, 'policies:saveMany', { policies: [{ scheme: 'pyramid', classKey: 'gold', cadenceDays: kept?.cadenceDays ?? null, priority: kept?.priority ?? 3, notes: kept?.notes ?? '', nextAction: kept?.nextAction ?? '', responsible: kept?.responsible ?? null }] });
}
