import { expect } from 'vitest';
import { at, byTestId, inputOf, invoke, type Journey } from './journeys';

const SLOW = { timeout: 15_000 };

async function typeNumber(page: Journey['page'], id: string, value: string) {
  const input = inputOf(page, id);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(value);
  await input.press('Tab');
}

/**
 * Settings → Customer value: 24 months at 1.5 % is saved,
 * the Predictions screen states it, and the next recompute stores CLV with it. Puts the defaults back.
 */
export async function clvSettingsSavedAndStated({ page, screenshot }: Journey): Promise<void> {
  if ((await invoke(page, 'workspace:status', {})).customers === 0) {
    await invoke(page, 'workspace:loadDemo', {});
    await page.reload();
  }
  // CLV as stored at the defaults, to compare with after the change.
  await invoke(page, 'segments:recompute', {});
  const before = (await invoke(page, 'prediction:best', { limit: 1 })).rows[0]!;
  await page.goto(at(page, '#/settings'));
  const card = byTestId(page, 'settings-clv');
  await card.waitFor({ timeout: 30_000 });
  await card.scrollIntoViewIfNeeded();
  await expect.poll(() => inputOf(page, 'settings-clv-horizon').inputValue(), SLOW).toBe('12');
  await expect.poll(() => inputOf(page, 'settings-clv-discount').inputValue(), SLOW).toBe('1');

  await typeNumber(page, 'settings-clv-horizon', '24');
  await typeNumber(page, 'settings-clv-discount', '1.5');
  await byTestId(page, 'settings-save').click();
  await expect.poll(async () => {
    const s = await invoke(page, 'settings:get', {});
    return [s.clvHorizonMonths, s.clvDiscountPercent];
  }, SLOW).toEqual([24, 1.5]);
  await screenshot('settings-clv');

  await page.goto(at(page, '#/prediction'));
  const basis = byTestId(page, 'prediction-clv-basis');
  await basis.waitFor({ timeout: 30_000 });
  await expect.poll(() => basis.innerText(), SLOW).toMatch(/(24 months|24 个月)/);
  expect(await basis.innerText()).toMatch(/1\.5 ?%/);

  // The next recompute stores CLV over 24 months: worth more than over 12 for the best customer.
  // Saved but not yet applied: the stored CLV is unchanged until the next recompute, which uses 24 months.
  expect((await invoke(page, 'prediction:customers', { customerId: before.id, limit: 1 })).rows[0]!.clvMinor).toBe(before.clvMinor);
  await invoke(page, 'segments:recompute', {});
  const after = await invoke(page, 'prediction:customers', { customerId: before.id, limit: 1 });
  expect(before.clvMinor).toBeGreaterThan(0);
  expect(after.rows[0]!.clvMinor).toBeGreaterThan(before.clvMinor);

  await invoke(page, 'settings:update', { clvHorizonMonths: 12, clvDiscountPercent: 1 });
  await invoke(page, 'segments:recompute', {});
}
