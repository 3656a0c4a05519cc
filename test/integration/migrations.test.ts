import Database from 'better-sqlite3';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseBusyError, DatabaseTooNewError, knownSchemaVersion, MigrationError, NotTierBookDatabaseError, openDatabase } from '../../db/open';
import { MIGRATIONS, tempDir } from '../support/test-app';
import { migrationsBefore } from '../support/migrations-before';

const opened: { close(): void }[] = [];

afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** An order from before trade records, as it reads after the upgrade: a sale, paid in full, no number or cost. */
function asUpgradedOrder(order: unknown): unknown {
  return {
    ...(order as object),
    order_number: null,
    order_number_key: null,
    kind: 'sale',
    return_of_order_id: null,
    cost_minor: null,
    base_cost_minor: null,
    unpaid_minor: 0,
    created_by: null,
    updated_by: null,
    base_unpaid_minor: 0,
    terms_unpaid_minor: 0,
    terms_base_unpaid_minor: 0,
    terms_set_at: null,
    payment_due_date: null,
  };
}

describe('opening a database', () => {
  it('builds an empty file up to the latest migration, with WAL and foreign keys on', () => {
    const file = join(tempDir(), 'new.sqlite');
    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['bulk_write', 'class_spellings_kept', 'contact_channels', 'custom_segments', 'customer_activity', 'customer_merge_moves', 'customer_merge_rows', 'customer_merges', 'customer_owner_changes', 'customer_predictions', 'customers', 'follow_up_month_totals', 'follow_ups', 'fx_rates', 'import_batch_changes', 'import_batches', 'import_mappings', 'maintenance_tasks', 'order_lines', 'order_month_totals', 'order_payments', 'orders', 'prediction_runs', 'products', 'report_month_versions', 'report_totals_state', 'restored_sales', 'segment_assignments', 'segment_latest', 'segment_pending', 'segment_runs', 'segmentation_settings', 'service_policies', 'settings', 'sync_conflicts', 'sync_docs', 'sync_field_changes', 'sync_outbox', 'sync_parked', 'sync_refused', 'sync_state', 'tier_inputs_kept', 'tier_inputs_parts', 'today_changes']);
    expect(db.pragma('user_version', { simple: true })).toBe(knownSchemaVersion(MIGRATIONS));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
  });

  it('opens the same file again without re-running anything', () => {
    const file = join(tempDir(), 'again.sqlite');
    openDatabase(file, MIGRATIONS).$client.close();
    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    expect(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(knownSchemaVersion(MIGRATIONS));
  });

  it('opens an up-to-date file with reads alone, so another connection holding the write lock does not stop it', () => {
    const file = join(tempDir(), 'shared.sqlite');
    openDatabase(file, MIGRATIONS).$client.close();
    const other = new Database(file);
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    // Not the open's 5 s wait for the lock: it never asked for it.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    other.exec('ROLLBACK');
  });

  it('says another process is writing when a migration is due and the lock stays taken, and migrates once it is free', () => {
    const folder = migrationsBefore('0001_');
    const file = join(tempDir(), 'old.sqlite');
    openDatabase(file, folder).$client.close();
    const other = new Database(file);
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');
    let thrown: unknown;
    try {
      openDatabase(file, MIGRATIONS).$client.close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseBusyError);
    expect((thrown as Error).message).toBe(`Another TierBook process (an import, the app or a command) is writing to ${file}; nothing was changed. Try again when it finishes.`);
    other.exec('ROLLBACK');
    const raw = new Database(file, { readonly: true });
    opened.push(raw);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(knownSchemaVersion(MIGRATIONS));
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = join(tempDir(), 'future.sqlite');
    openDatabase(file, MIGRATIONS).$client.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${knownSchemaVersion(MIGRATIONS) + 5}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file, MIGRATIONS)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file, MIGRATIONS)).toThrow(/newer version of TierBook/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database, or a folder, and leaves it as it was', () => {
    const dir = tempDir();
    const text = join(dir, 'customers.sqlite');
    writeFileSync(text, 'name,phone\n张三,13800000000\n');
    expect(() => openDatabase(text, MIGRATIONS)).toThrow(NotTierBookDatabaseError);
    expect(() => openDatabase(text, MIGRATIONS)).toThrow(`${text} is not a database file (file is not a database); it was left as it is.`);
    expect(readFileSync(text, 'utf8')).toBe('name,phone\n张三,13800000000\n');
    const folder = join(dir, 'folder.sqlite');
    mkdirSync(folder);
    expect(() => openDatabase(folder, MIGRATIONS)).toThrow(`${folder} is a folder, not a database file; it was left as it is.`);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['customers.sqlite', 'folder.sqlite']);
    // A device is refused by name before SQLite touches it (it said only "disk I/O error"), and stays a device.
    expect(() => openDatabase('/dev/null', MIGRATIONS)).toThrow('/dev/null is a device, a pipe or a socket, not a database file; it was left as it is.');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it("refuses another program's database before writing anything to it, also when a table name is TierBook's", () => {
    const dir = tempDir();
    for (const [name, sql, tables] of [
      ['notes.sqlite', 'CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1);', 'notes'],
      ['shop.sqlite', 'CREATE TABLE customers (id INTEGER PRIMARY KEY, nm TEXT); CREATE TABLE notes (t TEXT); INSERT INTO customers (nm) VALUES (1);', 'customers, notes'],
      ['wide.sqlite', Array.from({ length: 7 }, (_, i) => `CREATE TABLE t${i} (x);`).join(' '), 't0, t1, t2, t3, t4, … (7 in all)'],
    ] as const) {
      const file = join(dir, name);
      const raw = new Database(file);
      raw.exec(sql);
      raw.close();
      const before = readFileSync(file);
      expect(() => openDatabase(file, MIGRATIONS)).toThrow(`${file} is another program's database, not TierBook's (its tables: ${tables}); it was left as it is.`);
      // Not a byte changed, not even the journal mode in its header, and no -wal or -shm left beside it.
      expect(readFileSync(file).equals(before)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['notes.sqlite', 'shop.sqlite', 'wide.sqlite']);
  });

  it('refuses a database with TierBook migrations but without its tables', () => {
    const file = join(tempDir(), 'lost.sqlite');
    openDatabase(file, MIGRATIONS).$client.close();
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.exec('DROP TABLE follow_ups');
    raw.close();
    expect(() => openDatabase(file, MIGRATIONS)).toThrow(`${file} is not a TierBook database (no follow_ups table); it was left as it is.`);
  });

  it('opens an empty file as a new workspace', () => {
    const file = join(tempDir(), 'empty.sqlite');
    writeFileSync(file, '');
    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
  });

  it('rolls a failing migration back completely and reports it', () => {
    const folder = join(tempDir(), 'migrations');
    cpSync(MIGRATIONS, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[] };
    const last = journal.entries[journal.entries.length - 1]!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(folder, '9999_broken.sql'), 'CREATE TABLE half_done (id INTEGER);\n--> statement-breakpoint\nTHIS IS NOT SQL;');

    const file = join(tempDir(), 'broken.sqlite');
    expect(() => openDatabase(file, folder)).toThrow(MigrationError);
    // One line: SQLite's reason, not the statement drizzle's error quotes whole.
    expect(() => openDatabase(file, folder)).toThrow(/^The database could not be upgraded and was left unchanged: near "THIS": syntax error$/);
    const raw = new Database(file);
    opened.push(raw);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('half_done', 'customers')`).pluck().get()).toBe(0);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    // What the failed first open left (drizzle's own table, made outside its transaction) is still a new workspace.
    const reopened = openDatabase(file, MIGRATIONS).$client;
    opened.push(reopened);
    expect(reopened.pragma('user_version', { simple: true })).toBe(knownSchemaVersion(MIGRATIONS));
  });

  it('upgrades a database from the first release keeping every order, rate and index, with the money bounds in force', () => {
    // The first release's schema: the migrations folder cut back to its first entry.
    const folder = migrationsBefore('0001_');
    const file = join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, folder).$client;
    old.exec(`
      INSERT INTO customers (id, created_at, updated_at, name, type, order_count, revenue_base_minor) VALUES ('c1', 'n', 'n', '张三', 'individual', 2, 72234);
      INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, note)
        VALUES ('o1', 'n', 'n', 'c1', '2026-03-05', 10000, 'USD', 7.1234, 'CNY', 71234, '首单'), ('o2', 'n', 'n', 'c1', '2026-03-06', 1000, 'CNY', 1, 'CNY', 1000, NULL);
      INSERT INTO fx_rates (id, created_at, updated_at, currency, rate_date, rate) VALUES ('r1', 'n', 'n', 'USD', '2026-03-01', 7.1234);
    `);
    const before = { orders: old.prepare('SELECT * FROM orders ORDER BY id').all(), rates: old.prepare('SELECT * FROM fx_rates').all() };
    old.close();

    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    expect(db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(before.orders.map(asUpgradedOrder));
    expect(db.prepare('SELECT * FROM fx_rates').all()).toEqual(before.rates);
    const objects = db.prepare(`SELECT type || ':' || name FROM sqlite_master WHERE tbl_name IN ('orders', 'fx_rates', 'customers') AND name NOT LIKE 'sqlite_%' ORDER BY 1`).pluck().all();
    expect(objects).toEqual(expect.arrayContaining(['index:orders_customer_date', 'index:orders_date', 'index:orders_import_batch', 'index:fx_rates_currency_date', 'trigger:customers_revenue_safe_integer_insert', 'trigger:customers_revenue_safe_integer_update']));
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE instr(name, '__new_') > 0 OR instr(sql, '__new_') > 0`).pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare(`UPDATE orders SET base_amount_minor = 1.2e305 WHERE id = 'o1'`).run()).toThrow('orders_base_amount_safe_integer');
    expect(() => db.prepare(`UPDATE fx_rates SET rate = 1e300`).run()).toThrow('fx_rates_rate_range');
  });

  it('upgrades a database from before payments were rows: every order owes what it did, as its terms, with no payment, and nothing is sent', () => {
    const folder = migrationsBefore('0040_');
    const file = join(tempDir(), 'before-payments.sqlite');
    const old = openDatabase(file, folder).$client;
    // A laptop in a team: the upgrade itself must enqueue nothing (every laptop upgrades; none has anything new to say).
    old.prepare(`INSERT INTO sync_state (id, node_id, enqueue, user_name, server_url, database) VALUES (1, 'n1', 1, 'ana', 'http://127.0.0.1:5984', 'team')`).run();
    old.exec(`
      INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('c1', 'n', 'n', '张三', 'individual');
      INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, unpaid_minor, base_unpaid_minor, payment_due_date)
        VALUES ('part', 'n', 'n', 'c1', '2026-03-05', 10000, 'USD', 7.1234, 'CNY', 71234, 3333, 23742, '2026-04-01'),
               ('owed', 'n', 'n', 'c1', '2026-03-06', 1001, 'JPY', 0.0471, 'CNY', 4715, 1001, 4715, NULL),
               ('paid', 'n', 'n', 'c1', '2026-03-07', 5000, 'CNY', 1, 'CNY', 5000, 0, 0, NULL);
      INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, kind, return_of_order_id, amount_minor, currency, fx_rate, base_currency, base_amount_minor)
        VALUES ('back', 'n', 'n', 'c1', '2026-03-08', 'return', 'part', -1000, 'USD', 7.1234, 'CNY', -7123);
      DELETE FROM sync_outbox;
    `);
    const before = old.prepare(`SELECT id, unpaid_minor, base_unpaid_minor FROM orders ORDER BY id`).all() as { id: string; unpaid_minor: number; base_unpaid_minor: number }[];
    old.close();

    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    // Every cent: what each order owed is unchanged, and its terms are that amount in both currencies.
    expect(db.prepare(`SELECT id, unpaid_minor, base_unpaid_minor FROM orders ORDER BY id`).all()).toEqual(before);
    expect(db.prepare(`SELECT id, terms_unpaid_minor AS unpaid_minor, terms_base_unpaid_minor AS base_unpaid_minor FROM orders ORDER BY id`).all()).toEqual(before);
    expect(db.prepare(`SELECT count(*) FROM order_payments`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sync_outbox`).pluck().get()).toBe(0);
    // From now on a payment is a row, and what is owed follows it: 33.33 USD less 13.33 by arithmetic.
    db.prepare(`INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on) VALUES ('p1', 'n', 'n', 'part', 1333, '2026-03-09')`).run();
    expect(db.prepare(`SELECT unpaid_minor, base_unpaid_minor FROM orders WHERE id = 'part'`).get()).toEqual({ unpaid_minor: 3333 - 1333, base_unpaid_minor: Math.round((23742 * (3333 - 1333)) / 3333) });
    // Sent as a payment, not as an edit of the order.
    expect(db.prepare(`SELECT doc_id FROM sync_outbox`).pluck().all()).toEqual(['order_payments:p1']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('upgrades a first-release database holding inexact money: those orders go to the trash with their figures in the note, nothing else changes', () => {
    const folder = migrationsBefore('0001_');
    const file = join(tempDir(), 'inexact.sqlite');
    const old = openDatabase(file, folder).$client;
    // What the unbounded contract let in: fxRate 1e300 on a 12.00 USD order, and a rate to match.
    old.exec(`
      INSERT INTO customers (id, created_at, updated_at, name, type, order_count, revenue_base_minor) VALUES ('c1', 'n', 'n', '张三', 'individual', 2, 1.2e305);
      INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, note)
        VALUES ('bad', 'n', 'n', 'c1', '2026-03-05', 1200, 'USD', 1e300, 'CNY', 1.2e305, '首单'), ('good', 'n', 'n', 'c1', '2026-03-06', 1000, 'CNY', 1, 'CNY', 1000, NULL);
      INSERT INTO fx_rates (id, created_at, updated_at, currency, rate_date, rate) VALUES ('r-bad', 'n', 'n', 'USD', '2026-03-01', 1e300), ('r-good', 'n', 'n', 'EUR', '2026-03-01', 7.8);
    `);
    const good = old.prepare(`SELECT * FROM orders WHERE id = 'good'`).get();
    old.close();

    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    expect(db.prepare(`SELECT * FROM orders WHERE id = 'good'`).get()).toEqual(asUpgradedOrder(good));
    const bad = db.prepare(`SELECT amount_minor, fx_rate, base_amount_minor, deleted_at IS NOT NULL AS trashed, note FROM orders WHERE id = 'bad'`).get();
    expect(bad).toEqual({ amount_minor: 1200, fx_rate: 1, base_amount_minor: 0, trashed: 1, note: '首单 [quarantined: amount_minor=1200 fx_rate=1.0e+300 base_amount_minor=1.2e+305]' });
    expect(db.prepare(`SELECT order_count, revenue_base_minor, typeof(revenue_base_minor) AS type FROM customers WHERE id = 'c1'`).get()).toEqual({ order_count: 1, revenue_base_minor: 1000, type: 'integer' });
    expect(db.prepare(`SELECT id, rate, deleted_at IS NOT NULL AS deleted FROM fx_rates ORDER BY id`).all()).toEqual([{ id: 'r-bad', rate: 1, deleted: 1 }, { id: 'r-good', rate: 7.8, deleted: 0 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
