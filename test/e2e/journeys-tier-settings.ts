import { expect } from 'vitest';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';

const SLOW = { timeout: 20_000 };

/**
 * Tier settings → rank within groups by customer type: the tiered lists show one line per group with its
 * size (checked against the overview call), a click on a group lists only its members, and a member's
 * explanation names the group and its cut. Then the demo's business-line partition (内贸 / 外贸), which the
 * drawer shows as chosen, is put back.
 */
export async function partitionInSettingsShowsGroups({ page, screenshot }: Journey): Promise<void> {
  if ((await invoke(page, 'workspace:status', {})).customers === 0) {
    await invoke(page, 'workspace:loadDemo', {});
    await page.reload();
  }
  const saved = (await invoke(page, 'segments:config:get', {})).overrides;
  await page.goto(at(page, '#/tiers'));
  await byTestId(page, 'tiers-page').waitFor({ timeout: 30_000 });
  await chooseOption(page, 'scheme-select', 'Customer pyramid');

  await byTestId(page, 'open-segmentation-settings').click();
  const drawer = byTestId(page, 'segmentation-settings');
  await drawer.waitFor();
  // The demo ranks its two businesses apart, and the drawer says so.
  await expect.poll(() => byTestId(page, 'config-partition').innerText(), SLOW).toContain('Domestic / overseas trade');
  await chooseOption(page, 'config-partition', 'Customer type');
  await screenshot('tier-settings-partition-en');
  await byTestId(page, 'config-save').click();
  await expect.poll(async () => (await invoke(page, 'segments:config:get', {})).effective.partition, SLOW).toEqual({ kind: 'field', field: 'type' });
  await page.mouse.move(5, 700);
  await drawer.locator('.ant-drawer-close').click();

  // One line per customer type, each with the size the overview call reports.
  const overview = await invoke(page, 'segments:overview', { scheme: 'pyramid' });
  expect(overview.partition).toBe('type');
  const groups = byTestId(page, 'tier-groups');
  await groups.waitFor(SLOW);
  for (const g of overview.groups!) {
    await expect.poll(() => byTestId(page, `tier-group-${g.group}`).innerText(), SLOW).toMatch(new RegExp(`: ${g.customers} customers?`));
  }
  const distributors = overview.groups!.find((g) => g.group === 'distributor')!;
  expect(await byTestId(page, 'tier-group-distributor').innerText()).toMatch(/^Distributor: /);

  // A click on the group lists only its members, as many as the group has.
  await byTestId(page, 'tier-group-distributor').click();
  const members = await invoke(page, 'segments:members', { scheme: 'pyramid', group: 'distributor', limit: 5000 });
  expect(members.total).toBe(distributors.customers);
  const ids = new Set(members.rows.map((r) => r.id));
  await expect
    .poll(async () => {
      const rows = await page.locator('[data-testid="member-row"]').allInnerTexts();
      return rows.length > 0 && rows.every((text) => text.includes('Distributor'));
    }, SLOW)
    .toBe(true);

  // The explanation names the group and its cut.
  const top = members.rows[0]!;
  expect(ids.has(top.id)).toBe(true);
  await page.locator('[data-testid="member-row"]').first().click();
  const cut = byTestId(page, 'explain-cut-pyramid');
  await expect.poll(() => cut.allInnerTexts().then((t) => t.join('\n')), SLOW).toMatch(/in Distributor/);
  await screenshot('tier-explained-group-en');
  await page.keyboard.press('Escape');

  // The customer file's Tiers tab says the same: the group and the cut, in words.
  await page.goto(at(page, `#/customers/${top.id}`));
  await byTestId(page, 'tab-tiers').click();
  const own = (await invoke(page, 'segments:explain', { customerId: top.id })).schemes.pyramid!;
  expect(own.explanation.group).toMatchObject({ partition: 'type', key: 'distributor', size: distributors.customers });
  await expect.poll(() => byTestId(page, 'customer-tier-pyramid').innerText(), SLOW).toMatch(new RegExp(`in Distributor: top \\d+(\\.\\d+)?% of ${String(own.explanation.ranked)} ranked customers`));
  await screenshot('customer-tiers-group-en');

  // Fixed thresholds, with the distributors' own platinum threshold: ¥500,000 for everyone, ¥800,000 for them.
  await page.goto(at(page, '#/tiers'));
  await byTestId(page, 'open-segmentation-settings').click();
  await drawer.waitFor();
  await byTestId(page, 'config-pyramidMode').getByText('Fixed thresholds').click();
  await byTestId(page, 'group-own-distributor').waitFor(SLOW);
  await byTestId(page, 'group-own-distributor').click();
  const input = page.locator('[data-testid="group-distributor-platinum"] input, input[data-testid="group-distributor-platinum"]').first();
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially('800000');
  await input.press('Tab');
  await screenshot('tier-settings-group-thresholds-en');
  await byTestId(page, 'config-save').click();
  await expect
    .poll(async () => {
      const p = (await invoke(page, 'segments:config:get', {})).effective.pyramid as { mode: string; thresholds: { platinum: number }; groupThresholds: Record<string, { platinum: number; gold: number }> };
      return [p.mode, p.groupThresholds.distributor?.platinum, p.groupThresholds.distributor?.gold, p.thresholds.platinum];
    }, SLOW)
    .toEqual(['thresholds', 80_000_000, 10_000_000, 50_000_000]);
  // Every distributor at or above ¥800,000 of revenue is platinum, and only they.
  const after = await invoke(page, 'segments:members', { scheme: 'pyramid', group: 'distributor', limit: 5000 });
  expect(after.rows.filter((r) => r.classKey === 'platinum').map((r) => r.id).sort()).toEqual(after.rows.filter((r) => r.revenueMinor >= 80_000_000).map((r) => r.id).sort());
  await page.mouse.move(5, 700);
  await drawer.locator('.ant-drawer-close').click();

  await invoke(page, 'segments:config:set', { overrides: saved });
}
