import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToFile } from '../../core/exporting';
import { classLabels } from '../../core/exporting/class-labels';
import type { RuleGroup } from '../../shared/segmentation';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The class columns of a customer export against each customer's class worked out with plain SQL another way:
 * the row holding the greatest as_of on or before the latest stored day, per customer and scheme. The history
 * spans three stored days, with customers whose class changed on different days, customers archived, deleted
 * and merged away in between, a customer added after the last day, and custom segments (one deleted after its
 * first day, so its history stops there).
 */
let app: TestApp;
const DAYS = ['2026-05-31', '2026-08-31', '2026-11-23'] as const;
const rule = (field: string, value: string): RuleGroup => ({ kind: 'group', op: 'and', conditions: [{ kind: 'field', field, op: 'equals', value } as RuleGroup['conditions'][number]] });

beforeAll(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { seed: 29, customers: 120 });
  const ids = app.db.$client.prepare(`SELECT id FROM customers ORDER BY id`).pluck().all() as string[];
  await app.call('segments:custom:save', { name: 'Local', rule: rule('locality', 'local') });
  const dropped = await app.call('segments:custom:save', { name: 'Overseas', rule: rule('locality', 'overseas') });
  await app.call('segments:recompute', { asOf: DAYS[0] });
  // Between the first and second day: one customer archived, one deleted, one merged into another; the second
  // custom segment deleted (its history stays, ending on the first day).
  await app.call('customers:archive', { id: ids[0]!, archived: true });
  await app.call('customers:delete', { id: ids[1]! });
  await app.call('customers:merge', { keepId: ids[2]!, mergeIds: [ids[3]!], fields: {} });
  await app.call('segments:custom:delete', { id: dropped.id });
  await app.call('segments:recompute', { asOf: DAYS[1] });
  // Between the second and the last: the archived one comes back, another is archived, one more is merged away,
  // and a new custom segment starts its history.
  await app.call('customers:archive', { id: ids[0]!, archived: false });
  await app.call('customers:archive', { id: ids[4]!, archived: true });
  await app.call('customers:merge', { keepId: ids[5]!, mergeIds: [ids[6]!], fields: {} });
  await app.call('segments:custom:save', { name: 'Enterprises', rule: rule('type', 'enterprise') });
  await app.call('segments:recompute', { asOf: DAYS[2] });
  // After the last stored day: a customer without any history.
  await app.call('customers:create', { name: 'Newcomer', contacts: [{ kind: 'phone', value: '13800138123' }] });
});
afterAll(() => app.cleanup());

/** Every scheme with history, and each exported customer's class key in it (null: none that day). */
function expectedClasses(): { day: string; schemes: string[]; classes: Map<string, (string | null)[]> } {
  const sql = app.db.$client;
  const day = sql.prepare(`SELECT as_of FROM segment_runs ORDER BY as_of DESC LIMIT 1`).pluck().get() as string;
  const schemes = sql.prepare(`SELECT scheme FROM segment_assignments GROUP BY scheme ORDER BY scheme`).pluck().all() as string[];
  const latest = sql
    .prepare(
      `SELECT a.customer_id, a.scheme, a.class_key FROM segment_assignments a
        WHERE a.as_of <= ? AND a.as_of = (SELECT max(b.as_of) FROM segment_assignments b WHERE b.scheme = a.scheme AND b.customer_id = a.customer_id AND b.as_of <= ?)`,
    )
    .raw()
    .all(day, day) as [string, string, string][];
  const byCustomer = new Map<string, Map<string, string>>();
  for (const [id, scheme, key] of latest) {
    if (!byCustomer.has(id)) byCustomer.set(id, new Map());
    byCustomer.get(id)!.set(scheme, key);
  }
  const live = sql.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL`).pluck().all() as string[];
  const classes = new Map(live.map((id) => [id, schemes.map((s) => { const key = byCustomer.get(id)?.get(s); return key === undefined || key === '_out' ? null : key; })]));
  return { day, schemes, classes };
}

const readCsv = (path: string) => Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

async function readXlsx(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

/** The exported class cells of each customer, by Record ID, and the class columns' headers. */
function classCells(rows: string[][], schemes: number): { headers: string[]; cells: Map<string, string[]> } {
  const [header, ...body] = rows;
  const idAt = header!.indexOf('Record ID');
  const first = header!.findIndex((h) => h.startsWith('Class · '));
  expect([idAt >= 0, first >= 0]).toEqual([true, true]);
  return {
    headers: header!.slice(first, first + schemes),
    cells: new Map(body.map((r) => [r[idAt]!, Array.from({ length: schemes }, (_, s) => r[first + s] ?? '')])),
  };
}

async function exportedBoth(tag: string): Promise<{ asOf: string | null; csv: string[][]; xlsx: string[][] }> {
  const csvPath = join(app.dir, `${tag}.csv`);
  const xlsxPath = join(app.dir, `${tag}.xlsx`);
  const csv = await app.call('export:customers', { path: csvPath, language: 'en' });
  const xlsx = await app.call('export:customers', { path: xlsxPath, language: 'en' });
  expect(xlsx.classesAsOf).toBe(csv.classesAsOf);
  return { asOf: csv.classesAsOf, csv: readCsv(csvPath), xlsx: await readXlsx(xlsxPath) };
}

function expectSame(rows: string[][], expected: ReturnType<typeof expectedClasses>) {
  const names = classLabels(app.db.$client, 'en');
  const { headers, cells } = classCells(rows, expected.schemes.length);
  expect(headers).toEqual(expected.schemes.map((s) => `Class · ${names.scheme(s)}`));
  expect(rows[0]!.filter((h) => h.startsWith('Class · ')).length).toBe(expected.schemes.length);
  expect([...cells.keys()].sort()).toEqual([...expected.classes.keys()].sort());
  for (const [id, keys] of expected.classes) {
    const want = keys.map((key, s) => (key === null ? '' : names.classOf(expected.schemes[s]!, key)));
    expect({ id, classes: cells.get(id) }).toEqual({ id, classes: want });
  }
}

describe('the class columns of a customer export', () => {
  it('the history it is checked against has what makes the lookup hard', () => {
    const sql = app.db.$client;
    const expected = expectedClasses();
    expect(expected.day).toBe(DAYS[2]);
    // Customers whose latest change point is on each of the three days, in the same scheme.
    const lastChange = sql
      .prepare(`SELECT as_of, count(*) FROM (SELECT customer_id, max(as_of) AS as_of FROM segment_assignments WHERE scheme = 'lifecycle' GROUP BY customer_id) GROUP BY as_of ORDER BY as_of`)
      .raw()
      .all() as [string, number][];
    expect(lastChange.map((r) => r[0])).toEqual([...DAYS]);
    // A deleted custom segment with history up to the first day only, and one started on the last day.
    const customs = sql.prepare(`SELECT min(as_of), max(as_of) FROM segment_assignments WHERE scheme LIKE 'custom:%' GROUP BY scheme`).raw().all() as [string, string][];
    expect(customs.map(([from, to]) => `${from}..${to}`).sort()).toEqual([`${DAYS[0]}..${DAYS[0]}`, `${DAYS[0]}..${DAYS[2]}`, `${DAYS[2]}..${DAYS[2]}`]);
    // Archived customers (no class) and the newcomer (no history) are exported; deleted and merged-away ones are not.
    const archived = sql.prepare(`SELECT id FROM customers WHERE archived_at IS NOT NULL AND deleted_at IS NULL`).pluck().all() as string[];
    expect(archived).toHaveLength(1);
    // Out of every live scheme; the deleted segment's history ended before the archiving, so it still names a class there.
    const live = expected.schemes.map((scheme) => sql.prepare(`SELECT max(as_of) FROM segment_assignments WHERE scheme = ?`).pluck().get(scheme) === DAYS[2]);
    expect(expected.classes.get(archived[0]!)!.filter((k, s) => live[s] && k !== null)).toEqual([]);
    expect(live.filter((l) => !l)).toHaveLength(1);
    const newcomer = sql.prepare(`SELECT id FROM customers WHERE name = 'Newcomer'`).pluck().get() as string;
    expect(expected.classes.get(newcomer)!.every((k) => k === null)).toBe(true);
    expect(sql.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL`).pluck().get()).toBe(3);
  });

  it('equal plain SQL in CSV and xlsx, with the tiers kept as of the latest day', async () => {
    const expected = expectedClasses();
    const kept = app.db.$client.prepare(`SELECT as_of FROM segment_latest`).pluck().get();
    expect(kept).toBe(DAYS[2]);
    const { asOf, csv, xlsx } = await exportedBoth('kept');
    expect(asOf).toBe(DAYS[2]);
    expectSame(csv, expected);
    expectSame(xlsx, expected);
  });

  it('equal plain SQL when the kept tiers are missing (an older file), read from the history alone', async () => {
    const expected = expectedClasses();
    // A copy of the file without its kept latest classes, as a database from before they were kept, exported
    // through a read-only connection of its own as the app and the CLI do.
    const copyPath = join(app.dir, 'older.sqlite');
    await app.db.$client.backup(copyPath);
    const writer = new Database(copyPath);
    writer.prepare(`DELETE FROM segment_latest`).run();
    writer.close();
    const reader = new Database(copyPath, { readonly: true });
    try {
      const csvPath = join(app.dir, 'history.csv');
      const xlsxPath = join(app.dir, 'history.xlsx');
      expect((await exportToFile(reader, 'customers', csvPath, { language: 'en' })).classesAsOf).toBe(DAYS[2]);
      expect((await exportToFile(reader, 'customers', xlsxPath, { language: 'en' })).classesAsOf).toBe(DAYS[2]);
      expectSame(readCsv(csvPath), expected);
      expectSame(await readXlsx(xlsxPath), expected);
    } finally {
      reader.close();
    }
  });

  it('one tier exported alone is the customers SQL puts in it', async () => {
    const expected = expectedClasses();
    const s = expected.schemes.indexOf('pyramid');
    const counts = new Map<string, number>();
    for (const keys of expected.classes.values()) if (keys[s]) counts.set(keys[s]!, (counts.get(keys[s]!) ?? 0) + 1);
    const [classKey] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const path = join(app.dir, 'tier.csv');
    await app.call('export:customers', { path, language: 'en', scheme: 'pyramid', classKey });
    const { cells } = classCells(readCsv(path), expected.schemes.length);
    expect([...cells.keys()].sort()).toEqual([...expected.classes].filter(([, keys]) => keys[s] === classKey).map(([id]) => id).sort());
  });
});
