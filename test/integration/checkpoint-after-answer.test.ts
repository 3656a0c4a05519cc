import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointAfterAnswer, WRITES_HELD_WITHOUT_A_TURN } from '../../core/checkpoint-after-answer';
import type { Dispatch } from '../../core/dispatch';
import { checkpointHeld, checkpointsHeld, holdCheckpoints } from '../../db/wal-checkpoint-steps';
import { nextTurn } from '../../core/next-turn';
import { walIndexHeader } from '../support/wal-index';
import { openTestApp, tempDir, type TestApp } from '../support/test-app';

let open: Database.Database[] = [];
let apps: TestApp[] = [];
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  for (const app of apps) app.cleanup();
  open = [];
  apps = [];
});

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * A WAL database whose every commit would checkpoint (wal_autocheckpoint = 1), and a dispatch over it whose
 * 'write' call inserts a row (after `turnsFirst` turns of the event loop) and whose 'read' call reads one.
 */
function writerDatabase() {
  const path = join(tempDir(), 'answered.sqlite');
  const db = new Database(path);
  open.push(db);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 1');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const seen: { threshold: number }[] = [];
  const inner: Dispatch = async (name, input) => {
    const turnsFirst = (input as { turnsFirst?: number } | undefined)?.turnsFirst ?? 0;
    for (let i = 0; i < turnsFirst; i++) await nextTurn();
    seen.push({ threshold: db.pragma('wal_autocheckpoint', { simple: true }) as number });
    if (name === 'write') insert.run('x'.repeat(3000));
    else db.prepare('SELECT count(*) FROM t').pluck().get();
    return { ok: true, value: null };
  };
  return { db, path, seen, dispatch: checkpointAfterAnswer(db, inner) };
}

describe('checkpointAfterAnswer: a call answers before the WAL it wrote is checkpointed', () => {
  it("a write's commit copies nothing into the database; the turn after its answer does, and SQLite's threshold is back", async () => {
    const { db, path, dispatch } = writerDatabase();
    const before = hashOf(path);
    await dispatch('write', {});
    // Answered: the row is in the WAL only, though every commit would have checkpointed unheld.
    expect(hashOf(path)).toBe(before);
    expect(walIndexHeader(path).frames).toBeGreaterThan(0);
    expect(walIndexHeader(path).backfilled).toBe(0);
    await nextTurn();
    await nextTurn();
    const wal = walIndexHeader(path);
    expect(wal.backfilled).toBe(wal.frames);
    expect(hashOf(path)).not.toBe(before);
    expect(checkpointsHeld(db)).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1);
  });

  it('a call that reads checkpoints nothing', async () => {
    const { path, dispatch } = writerDatabase();
    await dispatch('write', {});
    await nextTurn();
    await nextTurn();
    const afterWrite = walIndexHeader(path);
    await dispatch('read', {});
    await nextTurn();
    await nextTurn();
    expect(walIndexHeader(path)).toEqual(afterWrite);
  });

  it('a call that goes on in steps has SQLite’s threshold back from its first turn', async () => {
    const { seen, dispatch } = writerDatabase();
    await dispatch('write', { turnsFirst: 2 });
    expect(seen.at(-1)!.threshold).toBe(1);
    await dispatch('write', {});
    expect(seen.at(-1)!.threshold).not.toBe(1);
  });

  it('calls in a row without a turn are held only so far: then a commit checkpoints inside itself, as SQLite would', async () => {
    const { path, dispatch } = writerDatabase();
    const before = hashOf(path);
    for (let i = 0; i < WRITES_HELD_WITHOUT_A_TURN; i++) await dispatch('write', {});
    expect(hashOf(path)).toBe(before);
    await dispatch('write', {});
    // That commit checkpointed the whole WAL (every commit would at this threshold).
    const wal = walIndexHeader(path);
    expect(wal.backfilled).toBe(wal.frames);
    expect(hashOf(path)).not.toBe(before);
  });

  it("a store's own hold outlasts the calls made meanwhile, and its checkpoint is its own", async () => {
    const { db, path, dispatch } = writerDatabase();
    holdCheckpoints(db);
    await dispatch('write', {});
    await nextTurn();
    await nextTurn();
    expect(checkpointsHeld(db)).toBe(true);
    expect(walIndexHeader(path).backfilled).toBe(0);
    checkpointHeld(db);
    const wal = walIndexHeader(path);
    expect(wal.backfilled).toBe(wal.frames);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1);
  });

  it("the app's dispatch answers an order before checkpointing it", async () => {
    const app = openTestApp();
    apps.push(app);
    app.db.$client.pragma('wal_autocheckpoint = 1');
    const { customer } = await app.call('customers:create', { name: '王小明' });
    await nextTurn();
    await nextTurn();
    const before = hashOf(app.dbPath);
    await app.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', amount: '12.50', currency: 'CNY' });
    expect(hashOf(app.dbPath)).toBe(before);
    await nextTurn();
    await nextTurn();
    const wal = walIndexHeader(app.dbPath);
    expect(wal.backfilled).toBe(wal.frames);
    expect(hashOf(app.dbPath)).not.toBe(before);
    // The order is there for a reader of the database file alone.
    const reader = new Database(app.dbPath, { readonly: true });
    open.push(reader);
    expect(reader.prepare('SELECT count(*) FROM orders WHERE customer_id = ? AND deleted_at IS NULL').pluck().get(customer.id)).toBe(1);
  });
});
