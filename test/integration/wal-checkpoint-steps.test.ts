import Database from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckpointPacer, checkpointHeld, checkpointsHeld, HELD_CHECKPOINT_FRAMES, holdCheckpoints } from '../../db/wal-checkpoint-steps';
import { runSteps, type Steps } from '../../shared/domain/steps';
import { tempDir } from '../support/test-app';

const PAGE = 4096;
/** A WAL frame: the page and its 24-byte header. */
const FRAME = PAGE + 24;

let open: Database.Database[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

/** A WAL database with SQLite's automatic checkpoint off, so only the pacer checkpoints. */
function walDatabase(): { db: Database.Database; walPath: string } {
  const path = join(tempDir(), 'paced.sqlite');
  const db = new Database(path);
  open.push(db);
  db.pragma('journal_mode = WAL');
  db.pragma(`page_size = ${PAGE}`);
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
  return { db, walPath: `${path}-wal` };
}

/** `transactions` transactions of about `pages` pages each, the pacer after each unless `paced` is false. */
function* writer(db: Database.Database, transactions: number, pages: number, paced: boolean): Steps<number> {
  const pacer = new CheckpointPacer(db, 100);
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const write = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run('x'.repeat(1000));
  });
  let steps = 0;
  for (let i = 0; i < transactions; i++) {
    write(pages * 4);
    steps++;
    yield;
    if (paced) yield* pacer.afterTransaction();
  }
  return steps;
}

describe('CheckpointPacer: a stepwise writer checkpoints in steps of its own', () => {
  it('keeps the WAL near its frame target, where the same writes unpaced grow it without end', () => {
    const paced = walDatabase();
    let largest = 0;
    const steps = writer(paced.db, 60, 10, true);
    for (let next = steps.next(); !next.done; next = steps.next()) largest = Math.max(largest, statSync(paced.walPath).size);
    // 100 frames a checkpoint, about 10 (and a few index and header pages) a transaction: far below the unpaced 600+.
    expect(largest / FRAME).toBeLessThan(250);

    const unpaced = walDatabase();
    runSteps(writer(unpaced.db, 60, 10, false));
    expect(statSync(unpaced.walPath).size / FRAME).toBeGreaterThan(550);
    // Same rows either way.
    expect(paced.db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(unpaced.db.prepare('SELECT count(*) FROM t').pluck().get());
  });

  it('yields before the checkpoint, which then runs alone in its step', () => {
    const { db } = walDatabase();
    db.prepare('INSERT INTO t (v) VALUES (?)').run('first');
    const pragma = vi.spyOn(db, 'pragma');
    const step = new CheckpointPacer(db, 100).afterTransaction();
    // The first transaction's frames are not known yet: it checkpoints to learn them, after a turn.
    expect(step.next().done).toBe(false);
    expect(pragma).not.toHaveBeenCalled();
    expect(step.next().done).toBe(true);
    expect(pragma).toHaveBeenCalledWith('wal_checkpoint(PASSIVE)');
  });

  it('does nothing inside a transaction or outside WAL mode', () => {
    const { db } = walDatabase();
    const pacer = new CheckpointPacer(db, 1);
    db.exec('BEGIN');
    expect(pacer.afterTransaction().next().done).toBe(true);
    db.exec('COMMIT');

    const memory = new Database(':memory:');
    open.push(memory);
    const inMemory = new CheckpointPacer(memory, 1);
    const first = inMemory.afterTransaction();
    expect(first.next().done).toBe(false);
    expect(first.next().done).toBe(true);
    // Having found no WAL, it never yields again.
    for (let i = 0; i < 5; i++) expect(inMemory.afterTransaction().next().done).toBe(true);
  });
});

describe('holdCheckpoints: a writer puts its checkpoint off until it has answered', () => {
  const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it('no commit copies the WAL into the database while held; checkpointHeld does, and the threshold is as it was', () => {
    const { db, walPath } = walDatabase();
    const dbPath = walPath.replace(/-wal$/, '');
    // Every commit would checkpoint at this threshold.
    db.pragma('wal_autocheckpoint = 1');
    const write = db.transaction(() => db.prepare('INSERT INTO t (v) VALUES (?)').run('x'.repeat(5000)));
    write();
    const before = hashOf(dbPath);
    holdCheckpoints(db);
    expect(checkpointsHeld(db)).toBe(true);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(HELD_CHECKPOINT_FRAMES);
    // Holding twice keeps the first threshold to go back to, and holds until both have let go.
    holdCheckpoints(db);
    for (let i = 0; i < 5; i++) write();
    expect(hashOf(dbPath)).toBe(before);
    const walBefore = statSync(walPath).size;
    expect(walBefore / FRAME).toBeGreaterThan(10);

    checkpointHeld(db);
    expect(checkpointsHeld(db)).toBe(true);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(HELD_CHECKPOINT_FRAMES);
    write();
    expect(hashOf(dbPath)).toBe(before);
    checkpointHeld(db);
    expect(checkpointsHeld(db)).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1);
    expect(hashOf(dbPath)).not.toBe(before);
    // Everything the WAL held is in the database now: a reader of the file alone sees every row.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(result!.checkpointed).toBe(result!.log);
    // Nothing held: nothing to do, and the threshold stays.
    checkpointHeld(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1);
  });

  it('a database closed while held is left to its own close, which checkpoints', () => {
    const { db } = walDatabase();
    holdCheckpoints(db);
    db.close();
    open = open.filter((d) => d !== db);
    expect(() => checkpointHeld(db)).not.toThrow();
    expect(checkpointsHeld(db)).toBe(false);
  });
});
