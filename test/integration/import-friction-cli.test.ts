import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FLAGS } from '../../core/cli/commands-transfer';
import { ROOT, tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/** The CLI as a user runs it: a separate process, flags in, --json out, exit code. */
function query<T>(file: string, sql: string): T {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare(sql).get() as T;
  } finally {
    raw.close();
  }
}

/** The shared public data sets live beside the repository (../shared/data), never inside it. */
const CDNOW = resolve(ROOT, '..', 'shared', 'data', 'cdnow', 'CDNOW_sample.txt');

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe('import friction found on real files (CLI)', () => {
  it('imports the CDNOW sample with --create-customers, its 0.00 orders accepted as purchases with no revenue', () => {
    if (!existsSync(CDNOW)) {
      console.warn(`CDNOW sample not found at ${CDNOW}: the CDNOW import was NOT exercised on this machine.`);
      expect(existsSync(CDNOW)).toBe(false);
      return;
    }
    // The sample is whitespace-separated without a header: master id, sample id, YYYYMMDD, CDs, dollars.
    const rows = readFileSync(CDNOW, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/));
    const csv = join(dir, 'cdnow.csv');
    writeFileSync(csv, ['Customer ID,InvoiceDate,Amount', ...rows.map(([id, , d, , usd]) => `${id},${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)},${usd}`)].join('\n'));
    // Expected figures computed from the text with integer cents, not through the importer.
    const cents = rows.map((r) => Number(r[4]!.replace('.', '')));
    const expected = { orders: rows.length, zero: cents.filter((c) => c === 0).length, revenue: cents.reduce((a, b) => a + b, 0), customers: new Set(rows.map((r) => r[0])).size };
    expect(expected.zero).toBeGreaterThan(0);
    const db = join(dir, 'cdnow.sqlite');

    const dry = cli('import', 'orders', csv, '--db', db, '--create-customers', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ batchId: null, dryRun: true, rowsTotal: expected.orders, added: expected.orders, rejected: 0, errors: [] });
    // Nothing written: not even the new workspace the dry run read.
    expect(existsSync(db)).toBe(false);

    const run = cli('import', 'orders', csv, '--db', db, '--create-customers', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: false, rowsTotal: expected.orders, added: expected.orders, rejected: 0, customersCreated: expected.customers, errors: [] });
    const stored = query<{ n: number; zero: number; revenue: number }>(db, `SELECT count(*) AS n, sum(amount_minor = 0) AS zero, sum(base_amount_minor) AS revenue FROM orders WHERE deleted_at IS NULL`);
    expect(stored).toEqual({ n: expected.orders, zero: expected.zero, revenue: expected.revenue });
    // Each customer's order count includes the free orders (the customer figures count purchases, not revenue).
    const counted = query<{ orders: number }>(db, `SELECT sum(order_count) AS orders FROM customers WHERE deleted_at IS NULL`);
    expect(counted.orders).toBe(expected.orders);
  }, 240_000);

  it('a refused import names the flag that fixes it, and that flag then works', () => {
    const file = join(dir, 'invoices.csv');
    writeFileSync(file, ['Customer Code,InvoiceDate,Amount', 'C-001,2026-01-02,22.200000000000003', 'C-001,2026-01-03,-5', 'C-002,2026-01-04,0.00'].join('\n'));
    const db = join(dir, 'shop.sqlite');
    const refused = cli('import', 'orders', file, '--db', db, '--json');
    expect(refused.code).toBe(1);
    const out = JSON.parse(refused.stdout) as { rejected: number; errors: Array<{ row: number; column: string; reason: string; message: string }> };
    expect(out.rejected).toBe(3);
    expect(out.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, 'Customer Code', 'unknown_customer'],
      [3, 'Amount', 'negative_amount'],
      [4, 'Customer Code', 'unknown_customer'],
    ]);
    const suggested = /--[a-z-]+/.exec(out.errors[0]!.message)?.[0];
    expect(suggested).toBe('--create-customers');
    // Refused on a file that was not there: nothing written, not even a new workspace.
    expect(existsSync(db)).toBe(false);

    const rejects = join(dir, 'rejects.csv');
    const fixed = cli('import', 'orders', file, '--db', db, suggested!, '--on-error', 'skip', '--rejects', rejects, '--json');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(JSON.parse(fixed.stdout)).toMatchObject({ added: 2, rejected: 1, customersCreated: 2, rejectsPath: rejects, errors: [{ row: 3, column: 'Amount', reason: 'negative_amount' }] });
    expect(readFileSync(rejects, 'utf8')).toContain('-5');
    const amounts = new Database(db, { readonly: true });
    try {
      expect(amounts.prepare(`SELECT c.name, o.amount_minor FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.order_date`).raw().all()).toEqual([
        ['C-001', 2220],
        ['C-002', 0],
      ]);
    } finally {
      amounts.close();
    }
  });

  it('an ambiguous amount names --decimal, and --decimal settles it', () => {
    const file = join(dir, 'eu.csv');
    writeFileSync(file, ['Customer,Date,Amount', 'Anna,2026-02-01,1.234'].join('\n'));
    const db = join(dir, 'eu.sqlite');
    const refused = cli('import', 'orders', file, '--db', db, '--create-customers', '--json');
    expect(refused.code).toBe(1);
    const error = (JSON.parse(refused.stdout) as { errors: Array<{ reason: string; message: string }> }).errors[0]!;
    expect(error.reason).toBe('ambiguous_amount');
    expect(error.message).toContain('--decimal');
    const ok = cli('import', 'orders', file, '--db', db, '--create-customers', '--decimal', ',', '--json');
    expect(ok.code, ok.stderr).toBe(0);
    expect(query<{ m: number }>(db, 'SELECT amount_minor AS m FROM orders').m).toBe(123400);
  });

  it('every import flag is in the README, and every flag an import message suggests exists', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const flags = Object.keys(IMPORT_FLAGS).map((f) => `--${f}`);
    expect(flags.filter((f) => !readme.includes(f))).toEqual([]);
    const messageFiles = ['shared/import/row-cursor.ts', 'shared/import/table.ts', 'core/importing/messages.ts', 'core/import/decode.ts'];
    const suggested = new Set(messageFiles.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((m) => m[0])));
    expect(suggested.size).toBeGreaterThan(2);
    expect([...suggested].filter((f) => !flags.includes(f))).toEqual([]);
  });
});
