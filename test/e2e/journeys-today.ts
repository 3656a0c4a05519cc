import { expect } from 'vitest';
import { daysBetween, localDateOf } from '../../shared/domain/dates';
import { badgeSettles, byTestId, invoke, type Journey } from './journeys';

/**
 * Runs right after the first journey (the demo just loaded, UI in English): Today is where the day
 * starts. Its rows say why they are there; logging a follow-up on the first row takes it off the list
 * and the navigation badge counts one fewer.
 */
export async function todayFromFreshDemo({ page, screenshot }: Journey): Promise<void> {
  // English whatever the journey before left (it switches the language itself when it gets that far).
  if ((await invoke(page, 'settings:get', {})).language !== 'en') {
    await invoke(page, 'settings:update', { language: 'en' });
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.reload();
  } else await page.goto(page.url().replace(/#.*$/, '#/'));
  await byTestId(page, 'today-page').waitFor();
  const today = localDateOf(new Date());
  // The journey before wrote: its customers were placed on the last full run's cuts at once, and the full run
  // that follows may move others in or out of Today. Count once it has landed.
  await expect.poll(async () => (await invoke(page, 'segments:overview', { scheme: 'pyramid' })).placedSince, { timeout: 15_000 }).toBe(0);
  await page.reload();
  await byTestId(page, 'today-page').waitFor();
  const count = await invoke(page, 'today:count', {});
  expect(count.total).toBeGreaterThan(0);
  const badge = byTestId(page, 'today-badge');
  await expect.poll(() => badge.innerText()).toBe(String(count.total));
  await expect.poll(() => byTestId(page, 'today-total').innerText()).toBe(`${count.total} to serve`);

  // Overdue reminders are one collapsed group at the top: today's work starts on the first screen.
  const overdue = byTestId(page, 'today-group-overdue');
  const list = await invoke(page, 'today:list', { limit: 500 });
  expect(list.counts.overdue).toBeGreaterThan(3);
  await expect.poll(() => overdue.getAttribute('data-count')).toBe(String(list.counts.overdue));
  expect(await overdue.getAttribute('aria-expanded')).toBe('false');
  const rows = page.locator('[data-testid="today-item"]');
  await rows.first().waitFor();
  await expect.poll(async () => (await rows.first().boundingBox())!.y).toBeLessThan(300);
  expect(await rows.first().getAttribute('data-customer-id')).toBe(list.items[list.counts.overdue]!.customerId);
  // No stray toast from the journey before in the picture.
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  await screenshot('today-overview-en');

  // Every row on screen says why it is there; a policy reason names the contact it counted, in days
  // computed here from the customer's own orders and follow-ups.
  let checked = 0;
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-customer-id'))!;
    const item = list.items.find((i) => i.customerId === id)!;
    const text = await row.locator('[data-testid="today-reasons"]').innerText();
    expect(text.length).toBeGreaterThan(5);
    for (const reason of item.reasons) {
      if (reason.key === 'reminder_today') expect(text).toContain('Reminder due today');
      if (reason.key === 'policy_last_order') {
        const orders = (await invoke(page, 'orders:list', { customerId: id })).orders.map((o) => o.orderDate).filter((d) => d <= today);
        const days = daysBetween(orders.sort().at(-1)!, today);
        expect(text).toContain(`contact every ${reason.params.cadenceDays} days · last order ${days} day${days === 1 ? '' : 's'} ago`);
        checked += 1;
      }
      if (reason.key === 'policy_last_follow_up') {
        const contacts = (await invoke(page, 'followups:list', { customerId: id })).followUps.map((f) => localDateOf(new Date(f.occurredAt))).filter((d) => d <= today);
        const days = daysBetween(contacts.sort().at(-1)!, today);
        expect(text).toContain(`last follow-up ${days} day${days === 1 ? '' : 's'} ago`);
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(0);

  // The overdue group opens in place and closes again.
  await overdue.click();
  await expect.poll(() => overdue.getAttribute('aria-expanded')).toBe('true');
  await expect.poll(async () => rows.first().getAttribute('data-kind')).toBe('overdue');
  await overdue.click();
  await expect.poll(() => overdue.getAttribute('aria-expanded')).toBe('false');

  // "Reachable now" keeps the rows whose clients are at work now, and says how many; cleared, every row is back.
  // (Which clients those are is worked out by hand in test/integration/customer-local-time.test.ts.)
  const reachable = byTestId(page, 'today-filter-reachable');
  const reachableNow = async () => (await invoke(page, 'today:list', { limit: 1 })).reachableNow;
  await expect.poll(async () => (await reachable.innerText()) === `Reachable now (${await reachableNow()})`).toBe(true);
  await reachable.click();
  await expect.poll(async () => (await byTestId(page, 'today-total').innerText()) === `${await reachableNow()} to serve`).toBe(true);
  await reachable.click();
  await expect.poll(() => byTestId(page, 'today-total').innerText()).toBe(`${count.total} to serve`);

  // Log a follow-up on the first row: it leaves Today and the badge counts one fewer.
  const first = rows.first();
  const firstId = (await first.getAttribute('data-customer-id'))!;
  await first.locator('[data-testid="today-log"]').click();
  await byTestId(page, 'quick-followup').waitFor();
  await page.keyboard.type('Called about the new season, will order next week');
  await page.keyboard.press('Control+Enter');
  await byTestId(page, 'quick-followup').waitFor({ state: 'hidden' });
  await page.locator(`[data-testid="today-item"][data-customer-id="${firstId}"]`).waitFor({ state: 'detached' });
  // The badge is today:count, fetched right after the write (before the background run 1.5 s later can move anyone).
  await expect.poll(() => badge.innerText()).toBe(String(count.total - 1));
  // Then asked again until that run has placed everyone on fresh cuts: badge and list end at the settled count.
  await badgeSettles(page);
  expect((await invoke(page, 'followups:list', { customerId: firstId })).followUps[0]!.content).toBe('Called about the new season, will order next week');

  // Keyboard as on the customer list: ↓ selects the first row, F logs a follow-up for it, Enter opens the file.
  await byTestId(page, 'today-total').click();
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[data-testid="today-item"][aria-selected="true"]');
  await expect.poll(() => selected.getAttribute('data-customer-id')).toBe((await rows.first().getAttribute('data-customer-id'))!);
  const selectedId = (await selected.getAttribute('data-customer-id'))!;
  await page.keyboard.press('Enter');
  await expect.poll(() => page.url()).toContain(`#/customers/${selectedId}`);

  // The old follow-ups-due address lands on Today.
  await page.goto(page.url().replace(/#.*$/, '#/due'));
  await byTestId(page, 'today-page').waitFor();
}
