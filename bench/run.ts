/**
 * `npm run bench`: the customer list at 100k customers, through the real dispatch on a real file.
 * Each figure is a median of repeated runs and is compared with a floor measured in the same run on the
 * same database (the cheapest query that touches the same rows), so a slow machine does not hide a slow query.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { migrationsFolder } from '../core/paths';
import type { Channel, InputOf } from '../shared/contract';
import { medianMs, mib } from './measure';
import { measureImport } from './import';
import { measureUi } from './ui';
import { measureToday } from './ui-today';
import { measurePrediction } from './prediction';
import { measureDashboard } from './dashboard';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-'));
const dbPath = join(dir, 'bench.sqlite');
// The bench drives the handlers like the CLI (the import reads a generated file by path).
const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock('2026-11-23') });
const run = <C extends Channel>(name: C, input: InputOf<C>) => call(app.dispatch, name, input);

const loadStart = performance.now();
const loaded = await run('workspace:loadDemo', { seed: 1, customers: CUSTOMERS });
const loadMs = performance.now() - loadStart;
const sample = (await run('customers:list', { limit: 1, types: ['individual'], countries: ['CN'] })).rows[0]!;
const samplePhone = sample.phone!.slice(3, 10);

const raw = app.db.$client;
const floors = {
  'scan all customers': await medianMs(RUNS, () => raw.prepare(`SELECT count(*) FROM customers WHERE search_text LIKE '%' || ? || '%'`).get('zzzz')),
  'first 100 by index': await medianMs(RUNS, () => raw.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY sort_name, id LIMIT 100`).all()),
};

const cases: { name: string; floor: keyof typeof floors; step: () => Promise<unknown> }[] = [
  { name: 'list: first page by name', floor: 'first 100 by index', step: () => run('customers:list', { limit: 100 }) },
  { name: 'list: page 500 by name', floor: 'first 100 by index', step: () => run('customers:list', { offset: 50_000, limit: 100 }) },
  { name: 'list: by revenue, desc', floor: 'scan all customers', step: () => run('customers:list', { sort: { field: 'revenueBaseMinor', desc: true }, limit: 100 }) },
  { name: 'search: pinyin initials "zw"', floor: 'scan all customers', step: () => run('customers:list', { search: 'zw', limit: 100 }) },
  { name: 'search: full pinyin "zhangwei"', floor: 'scan all customers', step: () => run('customers:list', { search: 'zhangwei', limit: 100 }) },
  { name: `search: phone digits "${samplePhone}"`, floor: 'scan all customers', step: () => run('customers:list', { search: samplePhone, limit: 100 }) },
  { name: 'filter: tag + type', floor: 'scan all customers', step: () => run('customers:list', { tags: ['大单'], types: ['distributor'], limit: 100 }) },
  // In memory on the cached segmentation after one index scan of ids (core/segmentation/class-list.ts).
  { name: 'filter: class (pyramid iron)', floor: 'scan all customers', step: () => run('customers:list', { classFilter: { scheme: 'pyramid', classes: ['iron'] }, schemes: ['pyramid'], limit: 100 }) },
  { name: 'sort: by tier (pyramid), page 500', floor: 'scan all customers', step: () => run('customers:list', { sort: { field: 'tier', desc: false, scheme: 'pyramid' }, offset: 50_000, limit: 100 }) },
  { name: 'follow-ups due (7 days)', floor: 'first 100 by index', step: () => run('followups:due', {}) },
  { name: 'Today: first 100 rows (list cached)', floor: 'first 100 by index', step: () => run('today:list', { limit: 100 }) },
  { name: 'Today: count for the badge', floor: 'first 100 by index', step: () => run('today:count', {}) },
  { name: 'duplicate check (phone)', floor: 'first 100 by index', step: () => run('customers:checkDuplicates', { contacts: [{ kind: 'phone', value: sample.phone! }] }) },
  { name: 'customer file (get + orders + follow-ups)', floor: 'first 100 by index', step: () => Promise.all([run('customers:get', { id: sample.id }), run('orders:list', { customerId: sample.id }), run('followups:list', { customerId: sample.id })]) },
];

const rows = [];
for (const c of cases) {
  const t = await medianMs(RUNS, c.step);
  rows.push({ case: c.name, medianMs: round(t.median), minMs: round(t.min), maxMs: round(t.max), floor: c.floor, floorMs: round(floors[c.floor].median), xFloor: round(t.median / floors[c.floor].median) });
}
// The browser reaches the same database through the bridge, which serves only confined file access.
const browserApp = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'confined' }, clock: fixedClock('2026-11-23') });
const ui = await measureUi(browserApp, 9);
const today = { benchSize: await measureToday(browserApp, 9, { scroll: true }).finally(() => browserApp.close()), demoSize: await todayAtDemoSize() };

/** Today at the demo's size (a fresh demo workspace in a database of its own): the < 200 ms figure. */
async function todayAtDemoSize() {
  const demoApp = openApp({ dbPath: join(dir, 'demo.sqlite'), migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'confined' } });
  try {
    await call(demoApp.dispatch, 'workspace:loadDemo', {});
    await call(demoApp.dispatch, 'settings:update', { language: 'en' });
    return await measureToday(demoApp, 15, { scroll: false });
  } finally {
    demoApp.close();
  }
}
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const phones = raw.prepare(`SELECT value FROM contact_channels WHERE kind = 'phone' AND deleted_at IS NULL LIMIT 5000`).pluck().all() as string[];
const importing = IMPORT_ROWS > 0 ? await measureImport(app.dispatch, dir, IMPORT_ROWS, phones) : { skipped: 'BENCH_IMPORT_ROWS=0' };
const prediction = await measurePrediction({ customers: CUSTOMERS, db: app.db, asOf: '2026-11-23' });
const dashboard = await measureDashboard({ customers: CUSTOMERS, runs: Math.min(RUNS, 5) });
const memory = process.memoryUsage();
const result = {
  when: new Date().toISOString(),
  node: process.version,
  customers: loaded.customers,
  orders: loaded.orders,
  followUps: loaded.followUps,
  runsPerCase: RUNS,
  demoLoadMs: Math.round(loadMs),
  rssMiB: mib(memory.rss),
  heapUsedMiB: mib(memory.heapUsed),
  floors: Object.fromEntries(Object.entries(floors).map(([k, v]) => [k, round(v.median)])),
  cases: rows,
  ui,
  today,
  importing,
  prediction,
  dashboard,
};

console.log(`TierBook bench — ${loaded.customers} customers, ${loaded.orders} orders, ${loaded.followUps} follow-ups (${RUNS} runs each; demo load ${result.demoLoadMs} ms; RSS ${result.rssMiB} MiB)`);
console.table(rows);
console.log('In Chromium (ms; frame times are intervals between frames, the idle page being the floor):');
console.log(JSON.stringify(ui, null, 2));
console.log('Today in Chromium (ms from opening the screen to its rows painted; frames while scrolling at the bench size):');
console.log(JSON.stringify(today, null, 2));
console.log('Import of an orders CSV (one batch, then undone); floor = the streaming reader alone:');
console.log(JSON.stringify(importing, null, 2));
console.log('Prediction (BG/NBD fit alone; the whole base scored; the recompute\'s part on the demo database):');
console.log(JSON.stringify(prediction, null, 2));
console.log(`Evaluation dashboard (own demo database with ${dashboard.snapshots} monthly snapshots; budget ${dashboard.cases[0]!.budgetMs} ms at 100k customers):`);
console.table(dashboard.cases);
console.log(`Dashboard warm-up after start: ${dashboard.warmUp.medianMs} ms in the background, longest step ${dashboard.warmUp.longestStepMs} ms`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
console.log('wrote bench/results/latest.json');
app.close();

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
