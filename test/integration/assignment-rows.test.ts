/**
 * Tier-history rows go to SQLite as JSON that json_each takes apart (db/repos/segment-rows-ahead.ts
 * insertAssignmentRows). Whatever the strings, the rows must be exactly those a plain INSERT of bound values
 * stores: checked byte for byte against such an INSERT into a table of the same shape.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAssignmentRows, passesAssignmentChecks } from '../../db/repos/segment-rows-ahead';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.cleanup());

const HOSTILE = ['plain', '零售 批发', 'a"b', 'back\\slash', 'back\\u0041slash', 'new\nline', 'tab\there', 'ctl\u0001x', 'nul\u0000x', 'lone\ud800x', 'emoji😀', '\u2028sep', ' padded '];

/** Rows of segment_assignments (or the reference table) as hex, in key order. */
function storedHex(table: string): string[][] {
  return app.db.$client.prepare(`SELECT hex(scheme), hex(customer_id), as_of, hex(class_key) FROM ${table} ORDER BY 1, 2, 3`).raw().all() as string[][];
}

function referenceRows(scheme: string, asOf: string, ids: readonly string[], classes: readonly string[], positions: readonly number[] | null): void {
  const client = app.db.$client;
  client.exec(`CREATE TABLE IF NOT EXISTS reference_rows (scheme TEXT, customer_id TEXT, as_of TEXT, class_key TEXT, PRIMARY KEY (scheme, customer_id, as_of))`);
  const insert = client.prepare(`INSERT OR REPLACE INTO reference_rows VALUES (?, ?, ?, ?)`);
  for (const k of positions ?? ids.map((_, x) => x)) insert.run(scheme, ids[k], asOf, classes[k]);
}

describe('tier-history rows written from JSON', () => {
  it('store every string as a bound INSERT would, control characters and lone surrogates included', () => {
    const ids = HOSTILE.map((text, k) => `id ${k} ${text}`);
    const classes = [...HOSTILE].reverse();
    app.db.$client.transaction(() => insertAssignmentRows(app.db.$client, { scheme: 'industry', asOf: '2026-11-23', orReplace: false }, ids, classes, null, 0, ids.length))();
    referenceRows('industry', '2026-11-23', ids, classes, null);
    expect(storedHex('segment_assignments')).toEqual(storedHex('reference_rows'));
    expect(storedHex('segment_assignments')).toHaveLength(HOSTILE.length);
  });

  it('store plain strings the same way by JSON, and a stretch of chosen positions only', () => {
    const ids = Array.from({ length: 600 }, (_, k) => `c${String(k).padStart(4, '0')}`);
    const classes = ids.map((_, k) => ['冠军客户', 'at "risk"', 'new\nline', 'lost'][k % 4]!);
    const positions = ids.map((_, k) => k).filter((k) => k % 7 === 3);
    app.db.$client.transaction(() => {
      insertAssignmentRows(app.db.$client, { scheme: 'rfm', asOf: '2026-11-24', orReplace: false }, ids, classes, null, 0, ids.length);
      // A later write of the same day replaces the classes at the positions given, from … to − 1 of them only.
      const moved = classes.map((c) => `${c} moved`);
      insertAssignmentRows(app.db.$client, { scheme: 'rfm', asOf: '2026-11-24', orReplace: true }, ids, moved, positions, 2, 40);
      referenceRows('rfm', '2026-11-24', ids, classes, null);
      referenceRows('rfm', '2026-11-24', ids, moved, positions.slice(2, 40));
    })();
    expect(storedHex('segment_assignments')).toEqual(storedHex('reference_rows'));
    const replaced = app.db.$client.prepare(`SELECT count(*) FROM segment_assignments WHERE class_key LIKE '% moved'`).pluck().get();
    expect(replaced).toBe(38);
  });

  it("refuse a row the table's CHECKs refuse, as a plain INSERT does, writing none of the call's rows, and leave the checks on", () => {
    const client = app.db.$client;
    const ids = ['c1', 'c2', 'c3'];
    const plainInsert = (scheme: string, asOf: string, classKey: string) => () => client.prepare(`INSERT INTO segment_assignments VALUES (?, 'plain', ?, ?)`).run(scheme, asOf, classKey);
    const write = (scheme: string, asOf: string, classes: string[]) => () => insertAssignmentRows(client, { scheme, asOf, orReplace: false }, ids, classes, null, 0, ids.length);
    // A day that is not one, a blank scheme, and one blank class among good ones (spaces only: SQL's trim takes spaces).
    const refused: [string, string, string[]][] = [
      ['rfm', '2026-02-30', ['a', 'b', 'c']],
      ['rfm', '2026-2-03', ['a', 'b', 'c']],
      ['rfm', ' 2026-02-03', ['a', 'b', 'c']],
      ['  ', '2026-02-03', ['a', 'b', 'c']],
      ['rfm', '2026-02-03', ['a', '   ', 'c']],
      ['rfm', '2026-02-03', ['a', 'b', '']],
    ];
    for (const [scheme, asOf, classes] of refused) {
      expect(plainInsert(scheme, asOf, classes.find((c) => c.trim() === '') ?? classes[0]!)).toThrow(/CHECK constraint failed/);
      expect(passesAssignmentChecks(client, scheme, asOf, classes)).toBe(false);
      expect(write(scheme, asOf, classes)).toThrow(/CHECK constraint failed/);
      expect(client.prepare(`SELECT count(*) FROM segment_assignments`).pluck().get()).toBe(0);
    }
    // What the checks let through, they let through here too: a tab is not a space to SQL's trim.
    expect(passesAssignmentChecks(client, 'rfm', '2026-02-03', ['\t', 'a'])).toBe(true);
    write('rfm', '2026-02-03', ['\t', 'a', 'b'])();
    expect(client.prepare(`SELECT count(*) FROM segment_assignments`).pluck().get()).toBe(3);
    // The checks are on again after a write that passed and after one that failed.
    expect(plainInsert('rfm', '2026-02-31', 'a')).toThrow(/CHECK constraint failed/);
    expect(plainInsert('rfm', '2026-02-04', ' ')).toThrow(/CHECK constraint failed/);
  });

  it("asks SQLite the table's own CHECKs: each expression the checker asks is in the table's definition", () => {
    const definition = app.db.$client.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'segment_assignments'`).pluck().get() as string;
    expect(definition).toContain(`CHECK((as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(as_of) IS as_of))`);
    expect(definition).toContain('CHECK(length(trim("segment_assignments"."scheme")) > 0)');
    expect(definition).toContain('CHECK(length(trim("segment_assignments"."class_key")) > 0)');
    expect(definition.match(/CHECK\(/g)).toHaveLength(3);
  });
});
