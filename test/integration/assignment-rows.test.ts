/**
 * Tier-history rows go to SQLite as JSON that json_each takes apart (db/repos/segment-rows-ahead.ts
 * insertAssignmentRows). Whatever the strings, the rows must be exactly those a plain INSERT of bound values
 * stores: checked byte for byte against such an INSERT into a table of the same shape.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAssignmentRows } from '../../db/repos/segment-rows-ahead';
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
});
