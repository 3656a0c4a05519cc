import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { at, byTestId, chooseOption, invoke, type Journey } from './journeys';

/** Heatmap margins as the screen draws them (renderer/features/evaluation/MigrationCard.tsx, HEATMAP_GRID). */
const HEATMAP_GRID = { left: 132, right: 16, top: 8, bottom: 72 };

/** The first day of each of the last twelve months before this one, oldest first. */
function monthStarts(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (12 - i), 1));
    return d.toISOString().slice(0, 10);
  });
}

/**
 * A year of tier history for the demo: one stored snapshot at the start of each month, then today, as a
 * year of daily use would leave behind. History is written forward only, so on a database that already
 * stored later days (the Electron run shares one with the other journeys) only what can still be added is.
 */
async function storeAYearOfHistory(page: Page, today: string): Promise<void> {
  const { lastDay } = await invoke(page, 'snapshots:day', { scheme: 'pyramid', asOf: today, limit: 1 });
  for (const day of monthStarts(today)) {
    if (lastDay !== null && day <= lastDay) continue;
    expect((await invoke(page, 'segments:recompute', { asOf: day })).stored).toBe(true);
  }
  await invoke(page, 'segments:recompute', {});
}

/** Picks a scheme by typing its name into the searchable select (robust while a heavy screen redraws). */
async function pickScheme(page: Page, name: string): Promise<void> {
  await byTestId(page, 'evaluation-scheme').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Clicks the heatmap cell at (column, row) of a grid of `n` × `n` categories on the chart's canvas. */
async function clickHeatmapCell(page: Page, column: number, row: number, n: number): Promise<void> {
  const chart = byTestId(page, 'chart-migration-heatmap');
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const width = box.width - HEATMAP_GRID.left - HEATMAP_GRID.right;
  const height = box.height - HEATMAP_GRID.top - HEATMAP_GRID.bottom;
  await page.mouse.click(box.x + HEATMAP_GRID.left + ((column + 0.5) * width) / n, box.y + HEATMAP_GRID.top + ((row + 0.5) * height) / n);
}

/**
 * Demo → Evaluation → another scheme and period → a migration cell clicked on the heatmap: the customers
 * listed are exactly the ones the CLI's `migration` answer puts in that cell (segments:migration, the
 * call the CLI makes, asked here through the bridge). Then PNG and .xlsx exports, and the README pictures
 * of the dashboard in both languages, at 1366×768 with nothing written to the console in error.
 */
export async function evaluationDashboardAndMigration({ page, screenshot }: Journey): Promise<void> {
  const consoleErrors: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => void (message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('console', onConsole);
  try {
    const today = localDateOf(new Date());
    if ((await invoke(page, 'workspace:status', {})).customers === 0) await invoke(page, 'workspace:loadDemo', {});
    await storeAYearOfHistory(page, today);
    if ((await invoke(page, 'settings:get', {})).language !== 'en') await invoke(page, 'settings:update', { language: 'en' });
    await page.goto(at(page, '#/today'));
    await page.reload();

    // Who answers for the gold class, named with its service policy on the Tiered lists screen.
    await byTestId(page, 'nav-tiers').click();
    await byTestId(page, 'open-policies').click();
    await page.locator('textarea[data-testid="responsible-gold"]').fill('Wang Fang');
    await byTestId(page, 'save-policies').click();
    await expect.poll(async () => (await invoke(page, 'policies:list', { scheme: 'pyramid' })).policies.find((p) => p.classKey === 'gold')?.responsible).toBe('Wang Fang');
    await page.keyboard.press('Escape');

    await byTestId(page, 'nav-evaluation').click();
    const report = byTestId(page, 'evaluation-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getAttribute('data-scheme')).toBe('pyramid');
    expect(await report.getAttribute('data-period')).toBe('month');

    // The pyramid's counts are the stored tiers of its day, read here through the tiered lists' "as of" call.
    const from = localDateOf(new Date(new Date().getFullYear(), new Date().getMonth() - 11, 1));
    const evaluation = await invoke(page, 'reports:evaluation', { scheme: 'pyramid', from, to: today, period: 'month' });
    const stored = await invoke(page, 'snapshots:day', { scheme: 'pyramid', asOf: evaluation.pyramid.asOf, limit: 1 });
    expect(Object.fromEntries(evaluation.pyramid.levels.filter((l) => l.customers > 0).map((l) => [l.classKey, l.customers]))).toEqual(Object.fromEntries(stored.classes.map((c) => [c.classKey, c.count])));
    const pyramidRows = page.locator('[data-testid="table-pyramid"] tbody tr.ant-table-row');
    await expect.poll(() => pyramidRows.count()).toBe(evaluation.pyramid.levels.length);
    await expect.poll(() => page.locator('[data-testid="table-pyramid"] tr', { hasText: 'Gold' }).innerText()).toContain('Responsible: Wang Fang');
    // Twelve months, each a column of the sizes table; each cell is the class's count stored on the month's first day.
    // (Where nothing was stored before this month, as on a database that already held today, the card says so.)
    const cohorts = evaluation.periods.some((p) => Object.values(p.classes).some((f) => f.customers > 0));
    if (!cohorts) await expect.poll(() => byTestId(page, 'empty-sizes').innerText()).toContain('Needs stored tier history');
    else {
      await byTestId(page, 'chart-sizes').waitFor();
      await expect.poll(() => page.locator('[data-testid="table-sizes"] thead th').count()).toBe(evaluation.periods.length + 1);
      const sizeRows = page.locator('[data-testid="table-sizes"] tbody tr.ant-table-row');
      for (const [i, period] of evaluation.periods.entries()) {
        const first = await invoke(page, 'snapshots:day', { scheme: 'pyramid', asOf: period.start, limit: 1 });
        for (const [row, c] of evaluation.classes.entries()) {
          const count = first.classes.find((k) => k.classKey === c.key)?.count ?? 0;
          expect([period.start, c.key, (await sizeRows.nth(row).locator('td').nth(i + 1).innerText()).replace(/,/g, '')]).toEqual([period.start, c.key, String(count)]);
        }
      }
    }
    await page.waitForTimeout(400); // transitions settle (a quarter second)
    await screenshot('evaluation-en');

    // Another scheme and period: the report follows both.
    await pickScheme(page, 'Value tiers');
    await byTestId(page, 'period-quarter').click();
    await expect.poll(() => report.getAttribute('data-scheme')).toBe('value');
    await expect.poll(() => report.getAttribute('data-period')).toBe('quarter');
    const quarterly = await invoke(page, 'reports:evaluation', { scheme: 'value', from, to: today, period: 'quarter' });
    await expect.poll(async () => Number(await report.getAttribute('data-periods'))).toBe(quarterly.periods.length);
    // The pyramid's revenue is over whole quarters, wider than the range picked: its column names those days,
    // up to today while the last quarter runs (not to its end, which has not come).
    const shortDay = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    const lastQuarter = quarterly.periods.at(-1)!;
    expect(lastQuarter.complete).toBe(false);
    await expect
      .poll(() => byTestId(page, 'pyramid-revenue-title').innerText())
      .toBe(`Revenue ${shortDay(quarterly.periods[0]!.start)} – ${shortDay(today)} (so far)`);

    // The migration over the range: a cell where customers changed class, clicked on the heatmap itself.
    const migrationFrom = quarterly.historyFrom! > from ? quarterly.historyFrom! : from;
    const cli = await invoke(page, 'segments:migration', { scheme: 'value', from: migrationFrom, to: today });
    const matrix = await invoke(page, 'reports:migration', { scheme: 'value', from: migrationFrom, to: today });
    const axis: (string | null)[] = [...matrix.classes.map((c) => c.key), ...(matrix.cells.some((c) => c.from === null || c.to === null) ? [null] : [])];
    // A cell of customers who changed class (the demo's year moves many); where history could not be
    // stored back in time (a database that already holds today), any small cell.
    const small = cli.cells.filter((c) => c.from !== null && c.to !== null && c.count <= 20);
    const moved = small.filter((c) => c.from !== c.to).sort((a, b) => b.count - a.count)[0] ?? small.sort((a, b) => a.count - b.count)[0];
    expect(moved).toBeDefined();
    // The matrix drawn for this scheme (the previous one's stays on screen until the new one arrives), settled.
    await expect.poll(() => byTestId(page, 'migration-totals').getAttribute('data-scheme')).toBe('value');
    await page.waitForTimeout(400);
    // Cards above may still change height as they redraw: a click that lands while the canvas moves is tried again.
    const members = byTestId(page, 'migration-members');
    for (let attempt = 0; attempt < 4 && (await members.count()) === 0; attempt++) {
      await clickHeatmapCell(page, axis.indexOf(moved!.to), axis.indexOf(moved!.from), axis.length);
      await members.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await expect.poll(() => members.getAttribute('data-from')).toBe(moved!.from);
    expect(await members.getAttribute('data-to')).toBe(moved!.to);
    const listed = members.locator('[data-customer-id]');
    await expect.poll(() => listed.count()).toBe(moved!.count);
    const ids = await listed.evaluateAll((links) => links.map((a) => a.getAttribute('data-customer-id')));
    expect([...ids].sort()).toEqual(moved!.customerIds);
    // Each with why they are in their new class.
    await expect.poll(() => members.locator('[data-testid="migration-explanation"]').count()).toBe(moved!.count);
    // Upgraded / downgraded / stayed totals are the cells' counts by direction.
    const byDirection = (d: string) => matrix.cells.filter((c) => c.direction === d).reduce((sum, c) => sum + c.customers, 0);
    for (const kind of ['upgraded', 'downgraded', 'stayed'] as const) {
      await expect.poll(() => byTestId(page, `migration-total-${kind}`).innerText()).toContain(String(byDirection(kind)));
    }
    // The same cell from the table lists the same customers.
    await byTestId(page, `migration-cell-${moved!.from}-${moved!.to}`).click();
    await expect.poll(() => listed.count()).toBe(moved!.count);
    await page.evaluate(() => document.querySelector('[data-testid="card-migration-heatmap"]')!.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(400);
    await screenshot('evaluation-migration-en');

    // Exports: a chart as PNG and the tables as a workbook, each saying where the file went.
    await byTestId(page, 'png-migration-heatmap').click();
    await expect.poll(() => page.locator('.ant-message-notice').last().innerText()).toMatch(/\.png/);
    await byTestId(page, 'evaluation-export-xlsx').click();
    await expect.poll(() => page.locator('.ant-message-notice').last().innerText()).toMatch(/\.xlsx/);

    // RFM has 125 cells: the matrix becomes a list of its non-empty cells, each still a click away from its customers.
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 20_000 });
    await page.evaluate(() => document.querySelector('.ant-layout-content')!.scrollTo({ top: 0 }));
    await pickScheme(page, 'RFM scores');
    await expect.poll(() => report.getAttribute('data-scheme')).toBe('rfm');
    await expect.poll(() => byTestId(page, 'migration-totals').getAttribute('data-scheme')).toBe('rfm');
    const firstCell = page.locator('[data-testid="table-migration"] [data-testid^="migration-cell-"]').first();
    await firstCell.waitFor();
    const inCell = Number(await firstCell.getAttribute('data-customers'));
    await firstCell.click();
    await expect.poll(() => listed.count()).toBe(Math.min(inCell, 20));
    await expect.poll(() => page.evaluate(() => { const m = document.querySelector('.ant-layout-content')!; return m.scrollWidth - m.clientWidth; })).toBeLessThanOrEqual(0);

    // A range before any stored history: each chart says what data it needs instead of drawing nothing.
    const range = byTestId(page, 'evaluation-range').first();
    await page.evaluate(() => document.querySelector('.ant-layout-content')!.scrollTo({ top: 0 }));
    await range.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2020-01-01');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2020-12-31');
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId(page, 'empty-sizes').innerText()).toContain('Needs stored tier history');
    await expect.poll(() => byTestId(page, 'empty-migration').innerText()).toContain('Needs tier history stored on (or before) both dates');
    expect(await byTestId(page, 'chart-sizes').count()).toBe(0);
    // A range the report refuses (more than 120 quarters, the period still picked): the error alone, not the last
    // range's charts under it reading as this one's, and nothing to export.
    await range.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1990-01-01');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId(page, 'evaluation-error').innerText()).toContain('More than 120 periods');
    await expect.poll(() => report.count()).toBe(0);
    expect(await byTestId(page, 'evaluation-export-xlsx').isDisabled()).toBe(true);
    await page.reload();
    await report.waitFor({ timeout: 60_000 });

    // Chinese: the same screen in the other language, for the README.
    await chooseOption(page, 'language-switch', '中文');
    await expect.poll(async () => (await invoke(page, 'settings:get', {})).language).toBe('zh-CN');
    await pickScheme(page, '客户金字塔');
    await byTestId(page, 'period-month').click();
    await expect.poll(() => report.getAttribute('data-scheme')).toBe('pyramid');
    await expect.poll(() => byTestId(page, 'nav-evaluation').innerText()).toContain('分级评估');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.evaluate(() => document.querySelector('main, .ant-layout-content')?.scrollTo({ top: 0 }));
    await page.waitForTimeout(400);
    await expect.poll(() => page.evaluate(() => { const m = document.querySelector('.ant-layout-content')!; return m.scrollWidth - m.clientWidth; })).toBeLessThanOrEqual(0);
    await screenshot('evaluation-zh-CN');
    await chooseOption(page, 'language-switch', 'English');
    // A past day's tiered list, as stored: the as-of view on the Tiered lists screen.
    const past = addDays(today, -40);
    const day = await invoke(page, 'snapshots:day', { scheme: 'pyramid', asOf: past, limit: 1 });
    await page.goto(at(page, '#/tiers'));
    await byTestId(page, 'tiers-page').waitFor();
    await byTestId(page, 'tiers-as-of').click();
    await page.keyboard.type(past);
    await page.keyboard.press('Enter');
    if (day.snapshotDay === null) await byTestId(page, 'as-of-nothing').waitFor();
    else {
      await expect.poll(() => byTestId(page, 'as-of-view').getAttribute('data-snapshot-day')).toBe(day.snapshotDay);
      await expect.poll(() => byTestId(page, 'as-of-note').innerText()).toContain(`${day.customers} customers`);
      await expect.poll(() => page.locator('[data-testid="as-of-members"] tbody tr.ant-table-row').count()).toBe(Math.min(day.customers, 50));
    }

    // A mover's file charts their class over time from the stored history, change by change.
    const mover = moved!.customerIds[0]!;
    const history = await invoke(page, 'segments:history', { customerId: mover, scheme: 'pyramid' });
    await page.goto(at(page, `#/customers/${encodeURIComponent(mover)}`));
    await byTestId(page, 'tab-tiers').click();
    await byTestId(page, 'tier-history-chart').waitFor();
    await expect.poll(() => page.locator('[data-testid="tier-history-table"] tbody tr.ant-table-row').count()).toBe(history.schemes.pyramid!.length);

    // A class named by the user (an industry near the 80 characters the field takes): its tag ends in …
    // and the screen does not scroll sideways at 1366 px (the pyramid's table pushed it 197 px wide).
    const industry = 'Industrial wholesale of specialised machinery parts 纺织机械零配件进出口批发 and more';
    await invoke(page, 'customers:create', { name: '长行业', industry });
    await invoke(page, 'segments:recompute', {});
    await page.goto(at(page, '#/evaluation'));
    await report.waitFor({ timeout: 60_000 });
    await pickScheme(page, 'Industry');
    await expect.poll(() => report.getAttribute('data-scheme')).toBe('industry');
    await expect.poll(() => page.locator('[data-testid="table-pyramid"]', { hasText: industry.toLowerCase() }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => { const m = document.querySelector('.ant-layout-content')!; return m.scrollWidth - m.clientWidth; })).toBeLessThanOrEqual(0);
    expect([...new Set(consoleErrors)]).toEqual([]);
  } finally {
    page.off('console', onConsole);
  }
}
