import { expect } from 'vitest';
import { byTestId, invoke, type Journey } from './journeys';

/**
 * A computer whose clock ran ahead once left tiers stored for a far day (`storeFarDay` writes one, as such a
 * clock would have): Today says so and names the day; removing it asks first, then the notice goes, the day is
 * gone and today's tiers are stored.
 */
export async function farDayNoticeOnToday({ page, screenshot }: Journey, storeFarDay: (day: string) => void): Promise<void> {
  storeFarDay('2999-01-01');
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.reload();
  const notice = byTestId(page, 'days-after-today');
  await notice.waitFor();
  expect(await notice.innerText()).toContain('Tiers or predictions are stored for a day after today: Jan 1, 2999');
  await screenshot('today-days-after-today-en');
  await byTestId(page, 'days-after-today-remove').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await notice.waitFor({ state: 'detached' });
  const { today, days } = await invoke(page, 'segments:daysAfterToday', {});
  expect(days).toEqual([]);
  expect((await invoke(page, 'snapshots:day', { scheme: 'pyramid', asOf: today, limit: 1 })).lastDay).toBe(today);
}
