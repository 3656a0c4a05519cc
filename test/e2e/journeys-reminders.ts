import { expect } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { byTestId, inputOf, invoke, type Journey } from './journeys';

/** A screen change on a busy machine can take longer than a poll's default second. */
const SLOW = { timeout: 15_000 };

/** Types a time into an antd TimePicker and commits it. */
async function typeTime(page: Journey['page'], testId: string, time: string) {
  const input = inputOf(page, testId);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(time);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

/**
 * Runs after the others (demo data, UI in English). Settings: reminders off and on, a new daily time,
 * saved; a follow-up logged with a reminder time. With `browserNotifications` (the Chromium launcher,
 * notifications allowed), the page's own scheduler then shows today's summary as a web notification,
 * whose click opens Today; in the Electron app the main process shows native ones instead.
 */
export async function remindersSettingsAndTimedFollowUp({ page, screenshot }: Journey, options: { browserNotifications: boolean }): Promise<void> {
  if (options.browserNotifications) {
    await page.context().grantPermissions(['notifications']);
    // Notifications the page creates are recorded where the test can read them.
    await page.addInitScript(() => {
      const shown: { title: string; body: string; tag: string }[] = [];
      (window as unknown as { __notifications: typeof shown }).__notifications = shown;
      class Recorded {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options: { body: string; tag: string }) {
          shown.push({ title, body: options.body, tag: options.tag });
          (window as unknown as { __lastNotification: Recorded }).__lastNotification = this;
        }
        close() {}
      }
      (window as unknown as { Notification: unknown }).Notification = Recorded;
    });
    await page.reload();
  }
  await page.goto(page.url().replace(/#.*$/, '') + '#/settings');
  const card = byTestId(page, 'settings-reminders');
  await card.waitFor();
  await expect.poll(() => card.innerText(), SLOW).toContain('nothing is sent anywhere');
  await expect.poll(() => inputOf(page, 'settings-reminder-time').inputValue(), SLOW).toBe('09:00');
  await card.scrollIntoViewIfNeeded();
  await screenshot('settings-reminders-en');

  // Off, saved: the time cannot be edited; on again with 00:00 (so today's summary is due at once).
  const toggle = byTestId(page, 'settings-reminders-enabled');
  await toggle.click();
  await expect.poll(() => inputOf(page, 'settings-reminder-time').isDisabled(), SLOW).toBe(true);
  await byTestId(page, 'settings-save').click();
  await expect.poll(async () => (await invoke(page, 'settings:get', {})).remindersEnabled, SLOW).toBe(false);
  await toggle.click();
  await typeTime(page, 'settings-reminder-time', '00:00');
  await byTestId(page, 'settings-save').click();
  await expect.poll(async () => {
    const s = await invoke(page, 'settings:get', {});
    return [s.remindersEnabled, s.reminderTime];
  }, SLOW).toEqual([true, '00:00']);

  if (options.browserNotifications) {
    // Today's work, counted by the Today list itself (the screen's own count).
    const { total } = await invoke(page, 'today:count', {});
    await expect.poll(() => page.evaluate(() => (window as unknown as { __notifications: { title: string }[] }).__notifications.map((n) => n.title)), { timeout: 15_000 }).toEqual([
      `Today: ${total} items to handle`,
    ]);
    expect((await invoke(page, 'reminders:state', {})).summaryShownOn).toBe(localDateOf(new Date()));
    await page.evaluate(() => (window as unknown as { __lastNotification: { onclick(): void } }).__lastNotification.onclick());
    await expect.poll(() => page.url(), SLOW).toMatch(/#\/today$/);
  }

  // A follow-up with a reminder time, from the customer file.
  const customer = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  await page.goto(page.url().replace(/#.*$/, '') + `#/customers/${customer.id}`);
  const form = byTestId(page, 'followup-form');
  await form.locator('[data-testid="followup-content"]').fill('Call back about the quote');
  await expect.poll(() => inputOf(page, 'followup-next-time').isDisabled(), SLOW).toBe(true);
  await form.getByRole('button', { name: /^in 3 days$/i }).click();
  await typeTime(page, 'followup-next-time', '14:30');
  await byTestId(page, 'followup-add').click();
  await expect.poll(() => byTestId(page, 'followup-timeline').innerText(), SLOW).toContain('Call back about the quote');
  const saved = (await invoke(page, 'followups:list', { customerId: customer.id })).followUps[0]!;
  expect([saved.nextContactDate, saved.nextContactTime]).toEqual([addDays(localDateOf(new Date()), 3), '14:30']);
  await expect.poll(() => byTestId(page, 'followup-timeline').innerText(), SLOW).toContain('14:30');
  await screenshot('customer-file-timed-reminder-en');
}
