import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, knownSchemaVersion, MigrationError, openDatabase } from '../../db/open';
import { MIGRATIONS, tempDir } from '../support/test-app';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('opening a database', () => {
  it('builds an empty file up to the latest migration, with WAL and foreign keys on', () => {
    const file = join(tempDir(), 'new.sqlite');
    const db = openDatabase(file, MIGRATIONS).$client;
    opened.push(db);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['contact_channels', 'custom_segments', 'customer_merge_rows', 'customer_merges', 'customer_predictions', 'customers', 'follow_ups', 'fx_rates', 'import_batch_changes', 'import_batches', 'import_mappings', 'orders', 'prediction_runs', 'segment_assignments', 'segment_runs', 'segmentation_settings', 'service_policies', 'settings']);
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
    const raw = new Database(file);
    opened.push(raw);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('half_done', 'customers')`).pluck().get()).toBe(0);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
  });
});
