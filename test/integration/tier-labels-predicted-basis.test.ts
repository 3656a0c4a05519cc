/**
 * Tiers ranked by predicted value (Settings → tier basis 'predicted'): the pyramid's 'none' holds every customer
 * without a predicted value, buyers of today included. The explanation drawer says "Not ranked: no predicted value";
 * every other place that names the class said "No orders in the last 12 months" — the Tiered lists summary, its
 * member table and CSV export, the Customers list's pyramid column and its header, the Evaluation's charts, Today's
 * reasons. Each is read here as the screen reads it: the settings from segments:config:get (as use-tier-settings.ts
 * does), the rows from the app's own answers; who ordered in the window is worked out in SQL.
 */
import type { CellContext } from '@tanstack/react-table';
import i18next from 'i18next';
import { createElement, isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CustomerRow } from '../../shared/contract/customers';
import type { MemberRow } from '../../shared/contract/segmentation';
import type { TodayReason } from '../../shared/today/types';
import { customerColumns, schemeColumnId } from '../../renderer/features/customers/customer-columns';
import { classText } from '../../renderer/features/evaluation/figures';
import { reasonLabel } from '../../renderer/features/today/reason-label';
import { ClassSummary } from '../../renderer/features/tiers/ClassSummary';
import { exportMembersCsv } from '../../renderer/features/tiers/export-csv';
import { schemeColumnLabel, schemeColumnTooltip, type ClassLabelEnv } from '../../renderer/features/tiers/labels';
import { memberColumns } from '../../renderer/features/tiers/member-columns';
import { tierSettingsOf } from '../../renderer/features/tiers/use-tier-settings';
import { setupI18n } from '../../renderer/i18n';
import { bothTranslators, type Language } from '../support/both-languages';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
const LANGUAGES = ['en', 'zh-CN'] as const;
const ts = bothTranslators();
const UNRANKED = { en: 'Not ranked: no predicted value', 'zh-CN': '未排名：没有预测价值' } as const;
const NO_ORDERS = { en: 'No orders in the last 12 months', 'zh-CN': '近12个月无订单' } as const;
const SAYS_NO_ORDERS = /No orders|Never ordered|无订单|从未下单/;

let app: TestApp | undefined;
beforeAll(() => {
  setupI18n('en');
});
afterEach(async () => {
  vi.unstubAllGlobals();
  app?.cleanup();
  app = undefined;
  await i18next.changeLanguage('en');
});

/**
 * Twelve customers who bought today, four 200 days ago, one who never bought. Nobody has bought on a second day, so
 * no prediction can be made: ranked by predicted value, all seventeen are in the pyramid's 'none'.
 */
async function oneDayBook(opened: TestApp): Promise<{ today: string; never: string }> {
  const ids: string[] = [];
  for (let i = 0; i < 16; i++) {
    const { customer } = await opened.call('customers:create', { name: `一天客户${i + 1}` });
    ids.push(customer.id);
    await opened.call('orders:create', { customerId: customer.id, orderDate: i < 12 ? TODAY : '2026-05-07', amount: '128.00', currency: 'CNY' });
  }
  const { customer: never } = await opened.call('customers:create', { name: '未下单客户' });
  return { today: ids[0]!, never: never.id };
}

async function rankBy(opened: TestApp, basis: 'revenue' | 'predicted'): Promise<ClassLabelEnv> {
  const { effective } = await opened.call('segments:config:get', {});
  const { pyramid, value } = effective as { pyramid: Record<string, unknown>; value: Record<string, unknown> };
  const set = await opened.call('segments:config:set', { overrides: { pyramid: { ...pyramid, basis }, value: { ...value, basis } } });
  await opened.call('segments:recompute', {});
  return tierSettingsOf(set.effective);
}

/** Base-currency revenue of each customer's sales in the last 365 days up to today, by plain SQL. */
function windowRevenue(opened: TestApp): Map<string, number> {
  const rows = opened.db.$client
    .prepare(`SELECT customer_id AS id, SUM(base_amount_minor) AS r FROM orders WHERE deleted_at IS NULL AND order_date > date(?, '-365 days') AND order_date <= ? GROUP BY customer_id`)
    .all(TODAY, TODAY) as { id: string; r: number }[];
  return new Map(rows.map((row) => [row.id, row.r]));
}

function cellOf<Row>(columns: readonly unknown[], id: string, value: unknown, row: Row): string {
  const def = columns.find((c) => ((c as { id?: string }).id ?? (c as { accessorKey?: string }).accessorKey) === id) as { cell: (c: CellContext<Row, unknown>) => ReactNode } | undefined;
  expect(def, id).toBeDefined();
  const drawn = def!.cell({ getValue: () => value, row: { original: row } } as unknown as CellContext<Row, unknown>);
  return isValidElement(drawn) ? renderToStaticMarkup(drawn) : String(drawn);
}

/** The Tiered lists member table's cell of a column, as the table draws it. */
function memberCell(language: Language, env: ClassLabelEnv, id: keyof MemberRow, row: MemberRow): string {
  const columns = memberColumns({ t: ts[language], language, baseCurrency: 'CNY', scheme: 'pyramid', ...env });
  return cellOf(columns, id, row[id], row);
}

/** The CSV the Tiered lists' Export CSV downloads, through the app's dispatch, with the file caught on its way out. */
async function exportedCsv(opened: TestApp, language: Language, env: ClassLabelEnv): Promise<string[][]> {
  let blob: Blob | undefined;
  vi.stubGlobal('window', { tierbook: { invoke: (channel: string, input: unknown) => opened.dispatch(channel as never, input) } });
  vi.stubGlobal('document', { createElement: () => ({ click: () => undefined }) });
  vi.stubGlobal('URL', { createObjectURL: (b: Blob) => ((blob = b), 'blob:tiers'), revokeObjectURL: () => undefined });
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  try {
    await exportMembersCsv({ scheme: 'pyramid', classKey: 'none', search: '', sort: 'revenue', direction: 'desc' } as never, { t: ts[language], language, currency: 'CNY', fileName: 'x.csv', ...env });
  } finally {
    vi.useRealTimers();
  }
  const text = (await blob!.text()).replace(/^\uFEFF/, '');
  return text.trimEnd().split('\r\n').map((line) => line.split(','));
}

describe('a pyramid ranked by predicted value names its unranked customers as the explanation drawer does', () => {
  it('Tiered lists: the summary, the member table and its CSV export say "Not ranked", never "no orders", to customers who ordered today', async () => {
    app = openTestApp(TODAY);
    const ids = await oneDayBook(app);
    const env = await rankBy(app, 'predicted');
    expect(env.bases).toEqual({ pyramid: 'predicted', value: 'predicted' });
    const revenue = windowRevenue(app);
    expect(revenue.get(ids.today)).toBe(12_800);

    const overview = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(overview.classes.find((c) => c.classKey === 'none')?.count).toBe(17);
    const members = await app.call('segments:members', { scheme: 'pyramid', classKey: 'none', limit: 100 });
    const buyer = members.rows.find((r) => r.id === ids.today)!;
    expect(buyer.revenueMinor).toBe(revenue.get(ids.today));

    for (const language of LANGUAGES) {
      await i18next.changeLanguage(language);
      const summary = renderToStaticMarkup(createElement(ClassSummary, { overview, selected: undefined, onSelect: () => {}, labels: env }));
      expect(summary).toContain(`title="${UNRANKED[language]}"`);
      expect(summary).not.toMatch(SAYS_NO_ORDERS);

      const cell = memberCell(language, env, 'classKey', buyer);
      expect(cell).toContain(`>${UNRANKED[language]}<`);
      expect(cell).not.toMatch(SAYS_NO_ORDERS);

      const csv = await exportedCsv(app, language, env);
      const rows = csv.slice(1);
      expect(rows).toHaveLength(17);
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set([UNRANKED[language]]));
      // The row of the customer who ordered today carries the revenue SQL counts, beside "Not ranked".
      const bought = rows.find((r) => r[0] === '一天客户1')!;
      expect([bought[2], bought[4]]).toEqual([UNRANKED[language], (revenue.get(ids.today)! / 100).toFixed(2)]);
    }
  });

  it('Customers list: the pyramid column, its header and its tooltip; the value scheme keeps "no orders" for a customer who has none', async () => {
    app = openTestApp(TODAY);
    const ids = await oneDayBook(app);
    const env = await rankBy(app, 'predicted');
    const { rows } = await app.call('customers:list', { limit: 100, schemes: ['pyramid', 'value'] });
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row(ids.today).classes.pyramid).toBe('none');
    expect(windowRevenue(app).has(ids.never)).toBe(false);

    for (const language of LANGUAGES) {
      const t = ts[language];
      const name = t('tiers:schemes.pyramid');
      const schemeColumns = (['pyramid', 'value'] as const).map((scheme) => ({ scheme, label: t(`tiers:schemes.${scheme}`) }));
      const columns = customerColumns({ t, language, baseCurrency: 'CNY', today: TODAY, onFollowUp: () => undefined, schemeColumns, ticked: new Set(), onTick: () => undefined, ...env });
      const cell = (scheme: string, customer: CustomerRow) => cellOf(columns, schemeColumnId(scheme), customer.classes[scheme], customer);
      expect(cell('pyramid', row(ids.today))).toContain(`>${UNRANKED[language]}<`);
      expect(cell('pyramid', row(ids.never))).toContain(`>${UNRANKED[language]}<`);
      // Value still scores every buyer of the window; its 'none' is the customer who bought nothing, and says so.
      expect(row(ids.never).classes.value).toBe('none');
      expect(cell('value', row(ids.never))).toContain(`>${NO_ORDERS[language]}<`);

      // Ranked by predicted value the pyramid is not "of the last 12 months", and its tooltip says what 'none' is.
      expect(schemeColumnLabel(t, 'pyramid', name, env)).toBe(name);
      const tooltip = schemeColumnTooltip(t, 'pyramid', name, env);
      expect(tooltip).toContain(UNRANKED[language]);
      expect(tooltip).not.toMatch(SAYS_NO_ORDERS);
      expect(schemeColumnLabel(t, 'value', t('tiers:schemes.value'), env)).toBe(language === 'en' ? `${t('tiers:schemes.value')} (last 12 months)` : `${t('tiers:schemes.value')}（近12个月）`);
    }
  });

  it('Evaluation charts and Today reasons name the class the same way', async () => {
    app = openTestApp(TODAY);
    await oneDayBook(app);
    const env = await rankBy(app, 'predicted');
    // A gold customer whose pyramid class is now 'none': "Gold → Not ranked", not "Gold → No orders".
    const reason: TodayReason = { kind: 'slipping', key: 'slipping_down', params: { scheme: 'pyramid', from: 'gold', to: 'none', date: TODAY }, priority: 1, dueDate: TODAY };
    for (const language of LANGUAGES) {
      const t = ts[language];
      expect(classText({ t, language, currency: 'CNY', scheme: 'pyramid', ...env }, 'none')).toBe(UNRANKED[language]);
      const words = reasonLabel(t, reason, TODAY, language, env);
      expect(words).toContain(UNRANKED[language]);
      expect(words).not.toMatch(SAYS_NO_ORDERS);
    }
  });

  it('ranked by revenue, the same screens keep "No orders in the last 12 months" and the window on the header', async () => {
    app = openTestApp(TODAY);
    const ids = await oneDayBook(app);
    const env = await rankBy(app, 'revenue');
    expect(env.bases).toEqual({ pyramid: 'revenue', value: 'revenue' });
    const members = await app.call('segments:members', { scheme: 'pyramid', classKey: 'none', limit: 100 });
    // Only the customer who never bought is outside the ranking, as SQL has it.
    expect(members.rows.map((r) => r.id)).toEqual([ids.never]);
    expect(windowRevenue(app).has(ids.never)).toBe(false);
    for (const language of LANGUAGES) {
      const t = ts[language];
      expect(memberCell(language, env, 'classKey', members.rows[0]!)).toContain(`>${NO_ORDERS[language]}<`);
      expect(classText({ t, language, currency: 'CNY', scheme: 'pyramid', ...env }, 'none')).toBe(NO_ORDERS[language]);
      expect(schemeColumnTooltip(t, 'pyramid', t('tiers:schemes.pyramid'), env)).toContain(NO_ORDERS[language]);
      expect(schemeColumnLabel(t, 'pyramid', 'P', env)).toBe(language === 'en' ? 'P (last 12 months)' : 'P（近12个月）');
    }
  });
});

/** The Tiered lists member table's amounts: cut with … in their cell, whole on hover, as the other amounts. */
describe('the Tiered lists member table’s revenue and average order value', () => {
  /** The largest amount the app stores, in minor units. */
  const LARGEST_MINOR = Number.MAX_SAFE_INTEGER;
  const whole = { en: 'CN¥90,071,992,547,409.91', 'zh-CN': '¥90,071,992,547,409.91' } as const;

  it.each(LANGUAGES)('%s: each is a figure of its own, readable whole on hover', (language) => {
    // Worked out digit by digit: 9007199254740991 minor units are 90,071,992,547,409 yuan and 91 fen.
    expect(Math.floor(LARGEST_MINOR / 100)).toBe(90_071_992_547_409);
    expect(LARGEST_MINOR % 100).toBe(91);
    const row = { id: 'c1', name: 'A', company: null, code: null, classKey: 'platinum', scores: null, revenueMinor: LARGEST_MINOR, orderCount: 1, averageOrderValueMinor: LARGEST_MINOR, followUpCount: 0, daysSinceLastOrder: 0, lastOrderDate: TODAY } satisfies MemberRow;
    for (const id of ['revenueMinor', 'averageOrderValueMinor'] as const) {
      const html = memberCell(language, {}, id, row);
      expect(html, id).toContain(`title="${whole[language]}"`);
      expect(html, id).toContain('class="figure-text figure-fit"');
      expect(html, id).toContain(`>${whole[language]}<`);
    }
    expect(memberCell(language, {}, 'averageOrderValueMinor', { ...row, averageOrderValueMinor: null })).toBe('');
  });
});
