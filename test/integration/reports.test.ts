import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_QUERY } from '../../core/reports/timeline';
import type { ClassFigures, EvaluationReport } from '../../shared/contract/reports';
import { buildReportFixture, FIXTURE_TODAY, type FixtureIds } from '../support/report-fixture';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Every figure of the evaluation report on the hand-made fixture (test/support/report-fixture.ts), each
 * checked two ways: by hand arithmetic for the cases the fixture was built for, and for every class and
 * period against plain SQL written here (one query per figure, nothing shared with core/reports).
 */
let app: TestApp;
let ids: FixtureIds;
let report: EvaluationReport;
const CADENCE: Record<string, number> = { platinum: 7, gold: 14, iron: 30, lead: 90 };

beforeAll(async () => {
  app = openTestApp(FIXTURE_TODAY);
  ids = await buildReportFixture(app);
  await app.call('policies:save', { scheme: 'pyramid', classKey: 'gold', cadenceDays: 14, priority: 2, responsible: '王经理' });
  report = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', period: 'month' });
});
afterAll(() => app.cleanup());

const rows = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).pluck().get(...params) as T;

/** Class of each customer on a day: the change point with the latest as_of on or before it, by a correlated subquery. */
function classesOn(day: string): Map<string, string> {
  const found = rows<{ customer_id: string; class_key: string }>(
    `SELECT s.customer_id, s.class_key FROM segment_assignments s
     WHERE s.scheme = 'pyramid' AND s.as_of = (SELECT max(t.as_of) FROM segment_assignments t WHERE t.scheme = 'pyramid' AND t.customer_id = s.customer_id AND t.as_of <= ?)`,
    day,
  );
  return new Map(found.filter((r) => r.class_key !== '_out').map((r) => [r.customer_id, r.class_key]));
}

const IN = `customer_id IN (SELECT value FROM json_each(?))`;
const revenueOf = (who: string[], start: string, end: string) => one<number>(`SELECT coalesce(sum(base_amount_minor), 0) FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ? AND ${IN}`, start, end, JSON.stringify(who));
const cohort = (day: string, classKey: string) => [...classesOn(day)].filter(([, c]) => c === classKey).map(([id]) => id);
/** The period of `length` months starting `months` months before `start`. */
const monthBefore = (start: string, months: number, length = 1) => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  const s = d.toISOString().slice(0, 10);
  const e = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + length, 0)).toISOString().slice(0, 10);
  return [s, e] as const;
};

/** The figures docs/evaluation.md defines, for a set of customers in one month, by plain SQL and arithmetic. */
function expected(who: string[], start: string, end: string, cadence: number | null, earlier: { before: number | null; yearBefore: number | null }): ClassFigures {
  const list = JSON.stringify(who);
  const o = rows<Record<string, number | null>>(
    `SELECT coalesce(sum(base_amount_minor), 0) AS revenue, count(*) FILTER (WHERE kind = 'sale') AS sales, count(*) FILTER (WHERE kind = 'return') AS returns,
            count(DISTINCT customer_id) FILTER (WHERE kind = 'sale') AS buyers, count(base_cost_minor) AS costed,
            sum(base_amount_minor) FILTER (WHERE base_cost_minor IS NOT NULL) AS costedRevenue, sum(base_cost_minor) AS cost
     FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ? AND ${IN}`,
    start,
    end,
    list,
  )[0]!;
  const f = rows<Record<string, number | null>>(
    `SELECT count(*) AS n, avg(satisfaction) AS avg, count(satisfaction) AS rated, count(DISTINCT customer_id) FILTER (WHERE satisfaction IS NOT NULL) AS raters
     FROM follow_ups WHERE deleted_at IS NULL AND substr(occurred_at, 1, 10) BETWEEN ? AND ? AND ${IN}`,
    start,
    end,
    list,
  )[0]!;
  const last = end < FIXTURE_TODAY ? end : FIXTURE_TODAY;
  const covered =
    cadence === null
      ? 0
      : who.filter((id) => {
          const contact = one<string | null>(
            `SELECT max(d) FROM (SELECT order_date AS d FROM orders WHERE kind = 'sale' AND customer_id = ? AND order_date <= ?
                                 UNION ALL SELECT substr(occurred_at, 1, 10) FROM follow_ups WHERE customer_id = ? AND substr(occurred_at, 1, 10) <= ?)`,
            id,
            last,
            id,
            last,
          );
          return contact !== null && one<number>(`SELECT julianday(?) - julianday(?)`, last, contact) < cadence;
        }).length;
  const total = one<number>(`SELECT coalesce(sum(base_amount_minor), 0) FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ?`, start, end);
  const n = who.length;
  const revenue = o.revenue!;
  const growth = (before: number | null) => (before === null || before <= 0 ? null : (revenue - before) / before);
  return {
    customers: n,
    revenueMinor: revenue,
    revenueShare: total > 0 ? revenue / total : null,
    orders: o.sales!,
    returns: o.returns!,
    aovMinor: o.sales === 0 ? null : Math.round(revenue / o.sales!),
    purchaseFrequency: n === 0 ? null : o.sales! / n,
    buyers: o.buyers!,
    followUps: f.n!,
    followUpFrequency: n === 0 ? null : f.n! / n,
    retained: o.buyers!,
    retentionRate: n === 0 ? null : o.buyers! / n,
    churnRate: n === 0 ? null : 1 - o.buyers! / n,
    growthRate: growth(earlier.before),
    yoyGrowthRate: growth(earlier.yearBefore),
    satisfactionAvg: f.avg ?? null,
    satisfactionN: f.raters!,
    satisfactionFollowUps: f.rated!,
    covered,
    coverageRate: cadence === null || n === 0 ? null : covered / n,
    ...(o.costed! > 0 ? { grossProfitMinor: o.costedRevenue! - o.cost!, costedRevenueMinor: o.costedRevenue! } : {}),
  };
}

/** Floats computed in a different order may differ in the last bit; twelve decimals are plenty for a report. */
const rounded = (value: unknown): unknown =>
  typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e12) / 1e12 : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) : value;

describe('reports:evaluation on the hand-made fixture', () => {
  it('covers whole calendar months, with the classes in pyramid order and the responsible person from the policy', () => {
    expect(report.periods.map((p) => [p.start, p.end, p.complete])).toEqual([
      ['2026-01-01', '2026-01-31', true],
      ['2026-02-01', '2026-02-28', true],
      ['2026-03-01', '2026-03-31', true],
      ['2026-04-01', '2026-04-30', true],
    ]);
    expect(report.classes.map((c) => [c.key, c.rank, c.responsible, c.cadenceDays])).toEqual([
      ['platinum', 0, null, 7],
      ['gold', 1, '王经理', 14],
      ['iron', 2, null, 30],
      ['lead', 3, null, 90],
      ['none', 4, null, null],
    ]);
    expect([report.historyFrom, report.baseCurrency]).toEqual(['2025-01-01', 'CNY']);
  });

  it('January gold: a return nets out of revenue and gross profit; growth against December and last January', () => {
    const gold = report.periods[0]!.classes.gold!;
    expect(gold.revenueMinor).toBe(2000 - 300);
    expect([gold.orders, gold.returns, gold.aovMinor]).toEqual([1, 1, 1700]);
    expect(gold.grossProfitMinor).toBe(2000 - 300 - (1200 - 180));
    expect(gold.costedRevenueMinor).toBe(1700);
    expect(gold.growthRate).toBeCloseTo((1700 - 500) / 500, 12);
    expect(gold.yoyGrowthRate).toBeCloseTo((1700 - 1000) / 1000, 12);
    expect([gold.followUps, gold.satisfactionAvg, gold.satisfactionN, gold.satisfactionFollowUps]).toEqual([2, 4, 1, 1]);
    // A's last contact by 31 January is the follow-up of the 25th: 6 days, within gold's 14.
    expect([gold.customers, gold.covered, gold.coverageRate]).toEqual([1, 1, 1]);
    expect(report.periods[0]!.total.revenueMinor).toBe(1700 + 5000);
    expect(gold.revenueShare).toBeCloseTo(1700 / 6700, 12);
  });

  it('a customer who changes tier mid-period stays in the class they started it in', () => {
    const [feb, mar] = [report.periods[1]!, report.periods[2]!];
    // B moved iron → gold on 15 February: February's 400 is iron's, March's 600 gold's.
    expect([feb.classes.iron!.customers, feb.classes.iron!.revenueMinor, feb.classes.iron!.retentionRate]).toEqual([1, 400, 1]);
    expect([mar.classes.gold!.customers, mar.classes.gold!.revenueMinor]).toEqual([3, 800 + 600]);
    // Gross profit rests on B's costed order only; A's March order has no cost.
    expect([mar.classes.gold!.grossProfitMinor, mar.classes.gold!.costedRevenueMinor]).toEqual([600 - 100, 600]);
    expect(feb.movement).toEqual({ stayed: 2, upgraded: 1, downgraded: 1, sideways: 0, entered: 1, left: 0 });
  });

  it('a tier that empties: platinum has C in February, nobody in March (no rate of an empty cohort)', () => {
    const [feb, mar] = [report.periods[1]!.classes.platinum!, report.periods[2]!.classes.platinum!];
    expect([feb.customers, feb.revenueMinor, feb.retentionRate, feb.churnRate]).toEqual([1, 0, 0, 1]);
    // Follow-ups without a satisfaction: counted as follow-ups, not in the average.
    expect([feb.followUps, feb.satisfactionAvg, feb.satisfactionN]).toEqual([1, null, 0]);
    expect(feb.growthRate).toBe(-1);
    expect([mar.customers, mar.retentionRate, mar.churnRate, mar.purchaseFrequency, mar.coverageRate, mar.growthRate]).toEqual([0, null, null, null, null, null]);
  });

  it('a month without orders, cost absent (not zero) where no order carries one, and the customers no class held', () => {
    const apr = report.periods[3]!;
    expect(apr.total.revenueMinor).toBe(0);
    for (const c of report.classes) {
      expect(apr.classes[c.key]!.revenueShare).toBeNull();
      expect('grossProfitMinor' in apr.classes[c.key]!).toBe(false);
    }
    expect(apr.classes.gold!.growthRate).toBe(-1);
    // A, B, C stay gold and F lead; D leaves on 15 April.
    expect(apr.movement).toEqual({ stayed: 4, upgraded: 0, downgraded: 0, sideways: 0, entered: 0, left: 1 });
    expect('grossProfitMinor' in report.periods[1]!.classes.iron!).toBe(false);
    const mar = report.periods[2]!;
    expect([mar.unclassified.customers, mar.unclassified.revenueMinor]).toEqual([1, 700]);
    expect([report.periods[1]!.unclassified.customers, report.periods[1]!.unclassified.followUps, report.periods[1]!.unclassified.satisfactionAvg]).toEqual([1, 1, 3]);
  });

  it.each([
    ['month', 1],
    ['quarter', 3],
  ] as const)('every figure of every class and %s equals plain SQL over the fixture', async (period, length) => {
    const r = period === 'month' ? report : await app.call('reports:evaluation', { scheme: 'pyramid', from: '2025-10-01', to: '2026-06-30', period });
    for (const p of r.periods) {
      const start = classesOn(p.start);
      const prior = [monthBefore(p.start, length, length), monthBefore(p.start, 12, length)];
      for (const c of r.classes) {
        const who = [...start].filter(([, k]) => k === c.key).map(([id]) => id);
        const [before, yearBefore] = prior.map(([s, e]) => revenueOf(cohort(s, c.key), s, e));
        const want = expected(who, p.start, p.end, CADENCE[c.key] ?? null, { before: before!, yearBefore: yearBefore! });
        expect([p.start, c.key, rounded(p.classes[c.key])]).toEqual([p.start, c.key, rounded(want)]);
      }
      const active = rows<{ id: string }>(
        `SELECT customer_id AS id FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ?
         UNION SELECT customer_id FROM follow_ups WHERE deleted_at IS NULL AND substr(occurred_at, 1, 10) BETWEEN ? AND ?`,
        p.start,
        p.end,
        p.start,
        p.end,
      ).map((r) => r.id);
      const unclassified = active.filter((id) => !start.has(id));
      const [before, yearBefore] = prior.map(([s, e]) => revenueOf(rows<{ id: string }>(`SELECT customer_id AS id FROM orders WHERE order_date BETWEEN ? AND ?`, s, e).map((r) => r.id).filter((id) => !classesOn(s).has(id)), s, e));
      expect(rounded(p.unclassified)).toEqual(rounded(expected(unclassified, p.start, p.end, null, { before: before!, yearBefore: yearBefore! })));
      const total = p.total;
      expect(total.revenueMinor).toBe(one<number>(`SELECT coalesce(sum(base_amount_minor), 0) FROM orders WHERE order_date BETWEEN ? AND ?`, p.start, p.end));
      expect(total.customers).toBe(start.size + unclassified.length);
      expect(total.covered).toBe(r.classes.reduce((n, c) => n + p.classes[c.key]!.covered, 0));
      // Movement: class on the first day against class on the last, by the pyramid's order of worth.
      const end = classesOn(p.end < FIXTURE_TODAY ? p.end : FIXTURE_TODAY);
      const level = (c: string) => ['none', 'lead', 'iron', 'gold', 'platinum'].indexOf(c);
      const moves = { stayed: 0, upgraded: 0, downgraded: 0, sideways: 0, entered: 0, left: 0 };
      for (const id of new Set([...start.keys(), ...end.keys()])) {
        const [a, b] = [start.get(id), end.get(id)];
        moves[a === undefined ? 'entered' : b === undefined ? 'left' : a === b ? 'stayed' : level(b) > level(a) ? 'upgraded' : 'downgraded'] += 1;
      }
      expect([p.start, p.movement]).toEqual([p.start, moves]);
    }
  });

  it('the pyramid on the last day and the Pareto curve of the range', () => {
    // On 30 April: A, B, C gold; F lead; D out. Revenue over January–April: A 2500, B 1000, C 5000, F 0.
    expect(report.pyramid.asOf).toBe('2026-04-30');
    expect(report.pyramid.levels.map((l) => [l.classKey, l.customers, l.revenueMinor])).toEqual([
      ['platinum', 0, 0],
      ['gold', 3, 8500],
      ['iron', 0, 0],
      ['lead', 1, 0],
      ['none', 0, 0],
    ]);
    expect(report.pyramid.levels[1]!.revenueShare).toBe(1);
    expect(report.pareto).toHaveLength(101);
    const at = (k: number) => report.pareto[k]!;
    expect([at(0).revenueShare, at(25).revenueShare, at(50).revenueShare, at(75).revenueShare, at(100).revenueShare]).toEqual([0, 5000 / 8500, 7500 / 8500, 1, 1]);
    expect(at(25).customerShare).toBe(0.25);
  });

  it('quarters and years add the months up', async () => {
    const q = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-02-10', to: '2026-04-01', period: 'quarter' });
    expect(q.periods.map((p) => [p.start, p.end])).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
    ]);
    expect(q.periods[0]!.total.revenueMinor).toBe(report.periods.slice(0, 3).reduce((n, p) => n + p.total.revenueMinor, 0));
    // The first quarter's gold cohort is A alone (class on 1 January): 1700 + 800.
    expect(q.periods[0]!.classes.gold!.revenueMinor).toBe(2500);
    expect(q.periods[1]!.complete).toBe(false);
    const y = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-05-05', to: '2026-05-05', period: 'year' });
    expect(y.periods.map((p) => [p.start, p.end])).toEqual([['2026-01-01', '2026-12-31']]);
    // Last year's gold cohort (A on 1 January 2025) bought 1000 + 500.
    expect(y.periods[0]!.classes.gold!.yoyGrowthRate).toBeCloseTo((2500 - 1500) / 1500, 12);
  });

  it('reads a range reaching past today up to today: months that have not begun are not reported as if everyone had left', async () => {
    const reaching = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-01-01', to: '2030-12-31', period: 'month' });
    const upToToday = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-01-01', to: FIXTURE_TODAY, period: 'month' });
    expect(reaching.to).toBe(FIXTURE_TODAY);
    expect(reaching.periods.map((p) => [p.start, p.complete])).toEqual([
      ['2026-01-01', true],
      ['2026-02-01', true],
      ['2026-03-01', true],
      ['2026-04-01', true],
      ['2026-05-01', true],
      ['2026-06-01', false],
    ]);
    expect({ ...reaching, elapsedMs: 0 }).toEqual({ ...upToToday, elapsedMs: 0 });
    await expect(app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-07-01', to: '2026-12-31' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['from'], key: 'report_starts_after_today', params: { today: FIXTURE_TODAY } }],
    });
  });

  it('refuses a reversed range and one of more than 120 periods, in words the screen translates', async () => {
    await expect(app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-02-01', to: '2026-01-01' })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['to'], key: 'report_range_reversed' }] });
    await expect(app.call('reports:evaluation', { scheme: 'pyramid', from: '2000-01-01', to: '2026-01-01', period: 'month' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['to'], key: 'report_too_many_periods', params: { max: 120 } }],
    });
  });
});

describe('reports:migration and its members', () => {
  it('counts and revenue per cell with the direction of each move, and the customers of each cell', async () => {
    const m = await app.call('reports:migration', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30' });
    expect([m.fromSnapshot, m.toSnapshot]).toEqual(['2026-01-01', '2026-04-30']);
    expect(m.cells.map((c) => [c.from, c.to, c.customers, c.revenueMinor, c.direction])).toEqual([
      ['platinum', 'gold', 1, 5000, 'downgraded'],
      ['gold', 'gold', 1, 2500, 'stayed'],
      ['iron', 'gold', 1, 1000, 'upgraded'],
      ['lead', null, 1, 300, 'left'],
      [null, 'lead', 1, 0, 'entered'],
    ]);
    expect(m.totals).toEqual({ stayed: 1, upgraded: 1, downgraded: 1, sideways: 0, entered: 1, left: 1 });
    const members = await app.call('reports:migration-members', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', fromClass: 'iron', toClass: 'gold' });
    expect(members.total).toBe(1);
    expect(members.rows.map((r) => [r.id, r.name, r.fromClass, r.toClass, r.revenueMinor])).toEqual([[ids.B, 'Customer B', 'iron', 'gold', 1000]]);
    expect(members.rows[0]!.explanation?.kind).toBe('pyramid');
    const left = await app.call('reports:migration-members', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', fromClass: 'lead', toClass: null });
    expect(left.rows.map((r) => [r.id, r.explanation])).toEqual([[ids.D, null]]);
  });

  it("each member's revenue equals plain SQL over the orders, for ranges of whole months, part-months and within one month", async () => {
    const ranges = [
      ['2025-01-01', '2026-04-30'],
      ['2025-12-20', '2026-03-10'],
      ['2026-01-05', '2026-01-20'],
      ['2026-02-10', '2026-06-30'],
      ['2025-01-01', '2026-02-03'],
    ] as const;
    for (const [from, to] of ranges) {
      const m = await app.call('reports:migration', { scheme: 'pyramid', from, to });
      let checked = 0;
      for (const cell of m.cells) {
        const members = await app.call('reports:migration-members', { scheme: 'pyramid', from, to, fromClass: cell.from, toClass: cell.to });
        for (const row of members.rows) {
          expect([from, to, row.id, row.revenueMinor]).toEqual([from, to, row.id, revenueOf([row.id], from, to)]);
          checked++;
        }
        expect(cell.revenueMinor).toBe(revenueOf(members.rows.map((r) => r.id), from, to));
      }
      expect(checked).toBeGreaterThan(0);
    }
  });

  it('a date before any snapshot is refused with the key the screen translates', async () => {
    await expect(app.call('reports:migration', { scheme: 'pyramid', from: '2020-01-01', to: '2026-04-30' })).rejects.toMatchObject({ code: 'not_found', issues: [{ path: ['from'], key: 'report_no_snapshot' }] });
  });
});

describe('query plans', () => {
  it('reads a scheme\'s history through the primary key, in its order, without sorting', () => {
    const detail = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${HISTORY_QUERY}`).all('pyramid', '2026-04-30') as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(detail).toMatch(/SEARCH segment_assignments USING (INDEX|PRIMARY KEY)/);
    expect(detail).not.toContain('TEMP B-TREE');
  });
});

describe('the responsible person of a class', () => {
  it('is saved with the policy; blank clears it; more than 100 characters is refused and nothing changes', async () => {
    const saved = await app.call('policies:save', { scheme: 'value', classKey: 'high', cadenceDays: 14, priority: 1, responsible: '  Ms Chen  ' });
    expect(saved.responsible).toBe('Ms Chen');
    await expect(app.call('policies:save', { scheme: 'value', classKey: 'high', cadenceDays: 14, priority: 1, responsible: 'x'.repeat(101) })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['responsible'], key: 'text_too_long', params: { length: 101, max: 100, over: 1 } }],
    });
    expect(one<string>(`SELECT responsible FROM service_policies WHERE scheme = 'value' AND class_key = 'high'`)).toBe('Ms Chen');
    expect((await app.call('policies:save', { scheme: 'value', classKey: 'high', cadenceDays: 14, priority: 1, responsible: ' ' })).responsible).toBeNull();
    // The table refuses what the contract would, whoever writes.
    expect(() => app.db.$client.prepare(`UPDATE service_policies SET responsible = ? WHERE scheme = 'value' AND class_key = 'high'`).run('y'.repeat(101))).toThrow(/service_policies_responsible_length/);
  });
});

describe('reports:export-xlsx', () => {
  it('writes the periods, pyramid, Pareto and migration sheets with numbers as numbers', async () => {
    const path = join(app.dir, 'report.xlsx');
    const out = await app.call('reports:export-xlsx', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', migrationFrom: '2026-01-01', migrationTo: '2026-04-30', language: 'en', path });
    expect(out.sheets).toEqual(['Periods', 'Customer pyramid', 'Pareto', 'Migration']);
    // 4 months × (5 classes + unclassified + total), 5 levels, 101 points, 5 cells.
    expect(out.rows).toBe(4 * 7 + 5 + 101 + 5);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const periods = book.getWorksheet('Periods')!;
    const header = (periods.getRow(1).values as unknown[]).slice(1);
    // Money cells are bare numbers: every money column names the workspace's base currency, read here from the settings row.
    const base = one<string>(`SELECT base_currency FROM settings`);
    expect(base).toBe('CNY');
    expect(header.slice(0, 8)).toEqual(['Start', 'End', 'Complete', 'Class', 'Responsible', 'Cadence (days)', 'Customers', `Net revenue (${base})`]);
    expect(header.filter((h) => String(h).endsWith(`(${base})`))).toEqual([`Net revenue (${base})`, `Average order value (${base})`, `Gross profit (${base})`, `Net revenue with a cost (${base})`]);
    expect(header).toContain('Revenue share');
    // January's gold row (second class row): 1700 fen = 17.00 CNY; gross profit 6.80.
    const gold = periods.getRow(3);
    expect([gold.getCell(4).value, gold.getCell(5).value, gold.getCell(8).value, gold.getCell(header.indexOf(`Gross profit (${base})`) + 1).value]).toEqual(['Gold', '王经理', 17, 6.8]);
    expect(periods.getRow(2).getCell(header.indexOf(`Gross profit (${base})`) + 1).value).toBeNull();
    expect((book.getWorksheet('Customer pyramid')!.getRow(1).values as unknown[]).slice(1)).toEqual(['Class', 'Responsible', 'Customers', `Net revenue (${base})`, 'Revenue share']);
    expect((book.getWorksheet('Migration')!.getRow(1).values as unknown[]).slice(1)).toEqual(['From class', 'To class', 'Change', 'Customers', `Net revenue (${base})`]);
    const zh = await app.call('reports:export-xlsx', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', path: join(app.dir, 'report-zh.xlsx') });
    expect(zh.sheets).toEqual(['各期指标', '客户金字塔', '帕累托曲线']);
    const zhBook = new ExcelJS.Workbook();
    await zhBook.xlsx.readFile(join(app.dir, 'report-zh.xlsx'));
    expect((zhBook.getWorksheet('各期指标')!.getRow(1).values as unknown[]).slice(7, 9)).toEqual(['客户数', `净收入（${base}）`]);
  });
});
