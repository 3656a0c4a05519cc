import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { animationsSettled, at, byTestId, invoke, type Journey } from './journeys';
import { withDemo } from './journeys-discard';

const SLOW = { timeout: 20_000 };

/** axe-core's own build, run inside the page (evaluated through the debugger, so the page's script-src does not stop it). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A rule left unchecked on exactly these elements, and why it cannot be mended from the app's side. */
interface Exclusion {
  rule: string;
  /** Matched with Element.closest: the element axe names or one of its ancestors. */
  selector: string;
  why: string;
}

const EXCLUSIONS: Exclusion[] = [
  {
    rule: 'color-contrast',
    selector: '.ant-table-placeholder',
    why: "antd writes an empty table's text in colorTextDisabled; darkening that token would make disabled controls look enabled",
  },
  {
    rule: 'scrollable-region-focusable',
    selector: '.ant-table-content',
    why: "antd's own scroll box inside a wide table takes no tabIndex from the Table's props; the page scrolls by keyboard around it",
  },
];

interface Found {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the whole page as it now stands; returns the serious and critical violations not excluded above. */
async function seriousViolations(page: Page, screen: string): Promise<Found[]> {
  await animationsSettled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (exclusions) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; element?: Element; any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'], elementRef: true });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact!,
        help: v.help,
        targets: v.nodes
          .filter((n) => !exclusions.some((x) => x.rule === v.id && n.element?.closest(x.selector)))
          .map((n) => {
            // What the element is, and for contrast the colours measured, so the message says what to mend.
            const data = n.any[0]?.data;
            const colours = data?.fgColor ? ` ${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}:1` : '';
            return `${n.target.map(String).join(' >> ')}  ${n.html.slice(0, 140)}${colours}`;
          }),
      }))
      .filter((v) => v.targets.length > 0);
  }, EXCLUSIONS);
  return found.map((f) => ({ screen, ...f }));
}

const wordFound = (f: Found) => `[${f.screen}] ${f.rule} (${f.impact}): ${f.help}\n${f.targets.map((t) => `    ${t}`).join('\n')}`;

/**
 * Every main screen checked by axe-core, in English and in Chinese: Today, the customer list, a customer file on
 * each of its tabs, the tiered lists with a member's explanation open, Evaluation, Predictions on both tabs, FX
 * rates, Import, Duplicates and Settings. Any serious or critical violation fails the journey, named with the
 * elements it was found on; a rule is left out only on the antd parts listed in EXCLUSIONS, each with its reason.
 */
export async function everyScreenPassesAxe({ page }: Journey): Promise<void> {
  await page.waitForFunction(() => window.tierbook !== undefined, undefined, SLOW);
  await withDemo(page);
  const customer = (await invoke(page, 'customers:list', { limit: 1 })).rows[0]!;
  const found: Found[] = [];

  for (const language of ['en', 'zh-CN'] as const) {
    if ((await invoke(page, 'settings:get', {})).language !== language) await invoke(page, 'settings:update', { language });
    const check = async (screen: string) => found.push(...(await seriousViolations(page, `${language} ${screen}`)));
    const open = async (hash: string, ready: string) => {
      await page.goto(at(page, hash));
      await page.reload();
      await page.locator(ready).first().waitFor(SLOW);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    };

    await open('#/today', '[data-testid="today-page"]');
    await check('Today');

    await open('#/customers', '[data-testid="customer-row"]');
    await check('Customers');

    await open(`#/customers/${customer.id}`, '[data-testid="customer-title"]');
    for (const tab of ['tab-followups', 'tab-orders', 'tab-tiers', 'tab-offers', 'tab-profile']) {
      await byTestId(page, tab).click();
      await expect.poll(() => page.locator(`.ant-tabs-tab-active [data-testid="${tab}"]`).count()).toBe(1);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await check(`Customer file, ${tab}`);
    }

    await open('#/tiers', '[data-testid="member-row"]');
    await check('Tiered lists');
    await byTestId(page, 'member-row').first().click();
    await page.locator('.ant-drawer-open .ant-drawer-body').waitFor(SLOW);
    await check('Tiered lists, explanation drawer');
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

    await open('#/evaluation', '[data-testid="evaluation-page"]');
    await check('Evaluation');

    await open('#/prediction', '[data-testid="prediction-tab-best"]');
    await check('Predictions, best');
    await byTestId(page, 'prediction-tab-holdout').click();
    await expect.poll(() => page.locator('.ant-tabs-tab-active [data-testid="prediction-tab-holdout"]').count()).toBe(1);
    await check('Predictions, holdout');

    await open('#/fx', '[data-testid="fx-page"]');
    await check('FX rates');

    await open('#/import', '[data-testid="import-page"]');
    await check('Import');

    await open('#/duplicates', '[data-testid="duplicates-count"], [data-testid="duplicates-empty"]');
    await check('Duplicates');

    await open('#/settings', '[data-testid="settings-page"]');
    await check('Settings');
  }

  expect(found.length === 0 ? '' : `${found.length} serious or critical axe violations:\n${found.map(wordFound).join('\n')}`).toBe('');
}
