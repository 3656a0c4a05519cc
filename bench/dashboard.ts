/**
 * The evaluation dashboard at the bench size: a year by month (the issue's "under 1 s at 100k customers"),
 * on a demo database of its own with two years of monthly tier snapshots. Up to 20k customers the demo
 * stores its month-end history itself (core/demo/history.ts); above, it stores none and the backfill
 * here does it (history is written forward only, so before anything stores today's).
 * Alone: `BENCH_CUSTOMERS=10000 npx tsx bench/dashboard.ts` (`BENCH_DASHBOARD_DB=FILE` measures a copy of a database built before).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { migrationsFolder } from '../core/paths';
import { inputsKept } from '../core/segmentation/kept-inputs';
import { timedWarmUp } from './warm-up-timing';
import { runBundledChild } from './child-process';
import { percentile } from './tiers';
import type { Channel, InputOf } from '../shared/contract';
import { medianMs, round } from './measure';

const TODAY = '2026-11-23';
/** The issue's budget for a year by month at 100k customers. */
const BUDGET_MS = 1000;
const BUDGET_CUSTOMERS = 100_000;

/**
 * `reuse`: a copy of a database an earlier run built (demo and history), so repeated measurements at 100k
 * skip the minutes of building it (BENCH_DASHBOARD_DB=FILE when run alone).
 */
export async function measureDashboard(options: { customers: number; runs: number; reuse?: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-dashboard-'));
  const dbPath = join(dir, 'dashboard.sqlite');
  if (options.reuse) copyFileSync(options.reuse, dbPath);
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
  const run = <C extends Channel>(name: C, input: InputOf<C>) => call(app.dispatch, name, input);
  const closeLater: { close(): void }[] = [];
  try {
    const raw = app.db.$client;
    const count = (table: string) => raw.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number;
    const loaded = options.reuse ? { customers: count('customers'), orders: count('orders') } : await run('workspace:loadDemo', { seed: 1, customers: options.customers });
    const historyStart = performance.now();
    const runs = () => raw.prepare(`SELECT count(*) FROM segment_runs`).pluck().get() as number;
    const historyFromDemo = runs() > 0;
    if (!historyFromDemo) {
      const days: string[] = [];
      for (let m = 24; m >= 1; m--) days.push(new Date(Date.UTC(2026, 10 - m + 1, 1)).toISOString().slice(0, 10));
      days.push(TODAY);
      for (const asOf of days) await run('segments:recompute', { asOf });
    }
    // The first of those read every row and keeps a copy for the next process: it lands before any timing.
    await inputsKept(app.db);
    const historyMs = performance.now() - historyStart;
    const changePoints = raw.prepare(`SELECT count(*) FROM segment_assignments WHERE scheme = 'pyramid'`).pluck().get() as number;
    const year = { from: '2025-12-01', to: '2026-11-30', period: 'month' as const };
    // The report keeps what it read per month and reads again the months whose totals changed
    // (core/reports/activity.ts): an order written makes the next open read its month again; a write
    // elsewhere (settings) reads nothing again. A new connection starts with nothing in memory: the
    // first open after the app starts.
    const touch = () => raw.prepare(`UPDATE settings SET updated_at = updated_at WHERE id = 1`).run();
    const buyer = raw.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL LIMIT 1`).pluck().get() as string;
    let written = 0;
    const writeOrder = () =>
      raw
        .prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES (?, ?, ?, ?, '2026-06-15', 1000, 'CNY', 1, 'CNY', 1000)`)
        .run(`bench-order-${written++}`, TODAY, TODAY, buyer);
    const fresh: (ReturnType<typeof openApp> | undefined)[] = Array.from({ length: options.runs }, () => openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(TODAY) }));
    let opened = 0;
    // As the app and serve do after start-up (core/reports/warm-up.ts): the months read a step per turn,
    // warmed here before the timings (each app in turn); a step's length is how long a call may wait.
    const warmedApps: (ReturnType<typeof openApp> | undefined)[] = [];
    // Per app: how long its warm-up took in all, and its longest step (how long a call may wait on it).
    const warming = { ms: [] as number[], longestStepMs: [] as number[] };
    const warmAll = async () => {
      for (let i = 0; i < options.runs; i++) {
        const started = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
        warmedApps.push(started);
        const warmed = await timedWarmUp(started.db, TODAY);
        warming.ms.push(warmed.ms);
        warming.longestStepMs.push(warmed.longestStepMs);
      }
    };
    let warmedOpened = 0;
    // A stored snapshot moves the tier history's counter, as the app's background run does after writes:
    // an order for another customer each run (so today's classes change), then today's snapshot stored,
    // both before the timing; the open after it is timed (the history read again only from today on).
    const customerIds = raw.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT ?`).pluck().all(options.runs + 1) as string[];
    let snapshots = 0;
    const storeSnapshot = async () => {
      raw
        .prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES (?, ?, ?, ?, ?, 50000000, 'CNY', 1, 'CNY', 50000000)`)
        .run(`bench-snapshot-order-${snapshots}`, TODAY, TODAY, customerIds[snapshots % customerIds.length], TODAY);
      snapshots++;
      await run('segments:recompute', { asOf: TODAY });
    };
    /** Untimed work before each run of a case. */
    const before = new Map<string, () => Promise<unknown>>([['dashboard: pyramid, a year by month, first open after a tier snapshot', storeSnapshot]]);
    const cases: [string, () => Promise<unknown>][] = [
      [
        'dashboard: pyramid, a year by month, first open after the app starts',
        async () => {
          // Closed right after, so what it read does not stay in the heap the other cases run in.
          const started = fresh[opened]!;
          fresh[opened++] = undefined;
          await call(started.dispatch, 'reports:evaluation', { scheme: 'pyramid', ...year });
          started.close();
        },
      ],
      [
        'dashboard: pyramid, a year by month, first open after start, warmed',
        async () => {
          const started = warmedApps[warmedOpened]!;
          warmedApps[warmedOpened++] = undefined;
          await call(started.dispatch, 'reports:evaluation', { scheme: 'pyramid', ...year });
          started.close();
        },
      ],
      ['dashboard: pyramid, a year by month, first open after an order is written', () => (writeOrder(), run('reports:evaluation', { scheme: 'pyramid', ...year }))],
      ['dashboard: pyramid, a year by month, first open after another write', () => (touch(), run('reports:evaluation', { scheme: 'pyramid', ...year }))],
      ['dashboard: pyramid, a year by month, first open after a tier snapshot', () => run('reports:evaluation', { scheme: 'pyramid', ...year })],
      ['dashboard: pyramid, a year by month', () => run('reports:evaluation', { scheme: 'pyramid', ...year })],
      ['dashboard: rfm (125 classes), a year by month', () => run('reports:evaluation', { scheme: 'rfm', ...year })],
      ['dashboard: value, two years by quarter', () => run('reports:evaluation', { scheme: 'value', from: '2024-12-01', to: '2026-11-30', period: 'quarter' })],
      ['migration matrix: pyramid over the year', () => run('reports:migration', { scheme: 'pyramid', from: '2025-12-01', to: TODAY })],
    ];
    closeLater.push({ close: () => [...fresh, ...warmedApps].forEach((other) => other?.close()) });
    const rows = [];
    // The cold case reads what a rebuild left behind: build the totals first, once, outside the timings.
    await run('reports:evaluation', { scheme: 'pyramid', ...year });
    for (const [name, step] of cases) {
      if (name.endsWith('warmed')) await warmAll();
      const prepare = before.get(name);
      let cpu = { user: 0, system: 0 };
      // The CPU of the timed step only (not of the untimed work before it).
      const timed = async () => {
        const cpuBefore = process.cpuUsage();
        await step();
        const used = process.cpuUsage(cpuBefore);
        cpu = { user: cpu.user + used.user, system: cpu.system + used.system };
      };
      const t = prepare ? await medianAfter(options.runs, prepare, timed) : await medianMs(options.runs, timed);
      // The budget is the issue's figure at 100k customers; a smaller bench reports against it but cannot meet it for 100k.
      const atBudgetSize = loaded.customers >= BUDGET_CUSTOMERS;
      rows.push({
        case: name,
        customers: loaded.customers,
        medianMs: round(t.median),
        minMs: round(t.min),
        maxMs: round(t.max),
        cpuMsPerRun: round((cpu.user + cpu.system) / 1000 / options.runs),
        budgetMs: BUDGET_MS,
        withinBudget: atBudgetSize ? t.median <= BUDGET_MS : `n/a below ${BUDGET_CUSTOMERS} customers`,
      });
    }
    const orders = raw.prepare(`SELECT count(*) FROM orders WHERE order_date BETWEEN '2024-12-01' AND '2026-11-30'`).pluck().get() as number;
    return { customers: loaded.customers, orders: loaded.orders, ordersInTwoYears: orders, snapshots: runs(), pyramidChangePoints: changePoints, historyBackfillMs: Math.round(historyMs), historyFromDemo, startInChild: measureStartInChild(dbPath, options.runs, year), warmUp: { runs: warming.ms.length, medianMs: Math.round(percentile(warming.ms, 0.5)), longestStepMs: round(percentile(warming.longestStepMs, 0.5)), worstStepMs: round(Math.max(0, ...warming.longestStepMs)) }, cases: rows };
  } finally {
    for (const other of closeLater) other.close();
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Just after start, in a process holding only that app (bench/dashboard-start-child.ts), `runs` times each:
 * the warm-up's longest step, and the longest wait other calls meet while the dashboard is opened cold.
 */
function measureStartInChild(dbPath: string, runs: number, year: { from: string; to: string }) {
  const warmUps = Array.from({ length: runs }, () => runBundledChild<{ ms: number; longestStepMs: number }>('bench/dashboard-start-child.ts', [dbPath, TODAY, 'warm-up', year.from, year.to]));
  const colds = Array.from({ length: runs }, () => runBundledChild<{ callMs: number; longestStallMs: number }>('bench/dashboard-start-child.ts', [dbPath, TODAY, 'cold-open', year.from, year.to]));
  type MigrationOpen = { matrixMs: number; matrixStallMs: number; membersMs: number; membersStallMs: number; largestCell: number };
  const migrations = Array.from({ length: runs }, () => runBundledChild<MigrationOpen>('bench/dashboard-start-child.ts', [dbPath, TODAY, 'migration', year.from, year.to]));
  const longest = (m: MigrationOpen) => Math.max(m.matrixStallMs, m.membersStallMs);
  const otherZone = Array.from({ length: runs }, () => runBundledChild<{ callMs: number; longestStallMs: number }>('bench/dashboard-start-child.ts', [dbPath, TODAY, 'other-zone', year.from, year.to]));
  return {
    runs,
    warmUp: { medianMs: round(percentile(warmUps.map((w) => w.ms), 0.5)), longestStepMs: round(percentile(warmUps.map((w) => w.longestStepMs), 0.5)), worstStepMs: round(Math.max(...warmUps.map((w) => w.longestStepMs))) },
    coldOpen: { callMs: round(percentile(colds.map((c) => c.callMs), 0.5)), longestStallMs: round(percentile(colds.map((c) => c.longestStallMs), 0.5)), worstStallMs: round(Math.max(...colds.map((c) => c.longestStallMs))) },
    migration: {
      matrixMs: round(percentile(migrations.map((m) => m.matrixMs), 0.5)),
      membersMs: round(percentile(migrations.map((m) => m.membersMs), 0.5)),
      largestCell: migrations[0]!.largestCell,
      longestStallMs: round(percentile(migrations.map(longest), 0.5)),
      worstStallMs: round(Math.max(...migrations.map(longest))),
    },
    otherZone: { callMs: round(percentile(otherZone.map((c) => c.callMs), 0.5)), longestStallMs: round(percentile(otherZone.map((c) => c.longestStallMs), 0.5)), worstStallMs: round(Math.max(...otherZone.map((c) => c.longestStallMs))) },
  };
}

/** medianMs, with untimed work before each run. */
async function medianAfter(runs: number, prepare: () => Promise<unknown>, step: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare();
    samples.push((await medianMs(1, step)).median);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]!, max: samples[samples.length - 1]! };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureDashboard({ customers: Number(process.env.BENCH_CUSTOMERS ?? 100_000), runs: Number(process.env.BENCH_RUNS ?? 5), reuse: process.env.BENCH_DASHBOARD_DB });
  console.log(`Evaluation dashboard — ${result.customers} customers, ${result.orders} orders (${result.ordersInTwoYears} in the two years read), ${result.snapshots} snapshots, ${result.pyramidChangePoints} pyramid change points; ${result.historyFromDemo ? 'history stored by the demo' : `history backfill ${result.historyBackfillMs} ms`}`);
  console.log(`Warm-up after start: ${result.warmUp.medianMs} ms in the background, longest step ${result.warmUp.longestStepMs} ms (medians of ${result.warmUp.runs} apps in this process; worst step ${result.warmUp.worstStepMs} ms)`);
  const start = result.startInChild;
  console.log(`Just after start, alone in a process (${start.runs} each): warm-up ${start.warmUp.medianMs} ms, longest step ${start.warmUp.longestStepMs} ms (worst ${start.warmUp.worstStepMs}); opened cold ${start.coldOpen.callMs} ms, longest wait ${start.coldOpen.longestStallMs} ms (worst ${start.coldOpen.worstStallMs})`);
  console.log(`Opened after start in another time zone (totals rebuilt first): ${start.otherZone.callMs} ms, longest wait ${start.otherZone.longestStallMs} ms (worst ${start.otherZone.worstStallMs})`);
  console.log(`Migration matrix to today just after start: ${start.migration.matrixMs} ms, the largest cell's members (${start.migration.largestCell}) ${start.migration.membersMs} ms; longest wait ${start.migration.longestStallMs} ms (worst ${start.migration.worstStallMs})`);
  console.table(result.cases);
}
