import { join } from 'node:path';
import { deflateSync, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { fixedClock, type HandlerContext } from '../../core/context';
import { segmentationFor } from '../../core/segmentation/state';
import { call } from '../../core/dispatch';
import { currentTimeZone } from '../../core/reports/totals';
import { decodeInputsInSteps, encodeInputsInSteps, isJsonSection, parseJsonSectionInSteps, SECTION_NAMES, sectionBuffer, type ReadSections } from '../../core/segmentation/kept-inputs-codec';
import { inputsKept, keepInputsInSteps, keepInputsSoon, keptLoadedInSteps } from '../../core/segmentation/kept-inputs';
import { FOLLOW_LIMIT, loadAll, type Loaded } from '../../core/segmentation/loaded';
import { dropKeptInputs, keptInputsHeader, writePart } from '../../db/repos/tier-inputs';
import { runSteps } from '../../shared/domain/steps';
import { nextTurn } from '../../core/next-turn';
import { activityOf, activityTable, ActivityColumnsBuilder } from '../../shared/segmentation';
import { MIGRATIONS, openTestApp, tempDir, type TestApp } from '../support/test-app';
import { runCli } from '../support/cli';
import { runCountingTurns } from '../support/count-turns';

/**
 * The tiers' inputs kept in the database between processes (core/segmentation/kept-inputs.ts): taken back
 * and brought up to date, they must be exactly what reading every customer and activity row gives now —
 * whatever was written since they were kept, by whom — and a copy that cannot be trusted as it is (another
 * time zone, another format, a part missing or damaged) is not read at all.
 */
const TODAY = '2026-11-23';
const NOW = () => '2026-11-23T09:00:00.000Z';

let app: TestApp;
beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 120 });
  // Values a JSON or byte layout could get wrong: quotes, emoji, nulls everywhere, tags, a follow-up intent.
  const odd = await app.call('customers:create', { name: 'O"Brien \\ 😀 "', company: null, tags: ['a"b', '标签', '😀'], contacts: [] });
  await app.call('followups:create', { customerId: odd.customer.id, occurredAt: '2026-11-20T23:30:00.000Z', channel: 'call', content: 'x', intent: 'interested' });
});
afterAll(() => app.cleanup());

/** Every customer's columns, position by position, however the table holds them. */
const columnsByPosition = (loaded: Loaded) => loaded.customers.map((_, i) => activityOf(loaded.activities, i));

function expectSameInputs(actual: Loaded | null, expected: Loaded): void {
  expect(actual).not.toBeNull();
  expect(actual!.customers).toEqual(expected.customers);
  expect(actual!.indexOf).toEqual(expected.indexOf);
  expect(actual!.rev).toBe(expected.rev);
  expect(columnsByPosition(actual!)).toEqual(columnsByPosition(expected));
}

const keepNow = (loaded = loadAll(app.db)) => runSteps(keepInputsInSteps(app.db, loaded, NOW));
const takeBack = () => runSteps(keptLoadedInSteps(app.db));
const ids = (where: string) => app.db.$client.prepare(`SELECT id FROM customers WHERE ${where} ORDER BY id`).pluck().all() as string[];

type Change = { kind: 'add'; name: string } | { kind: 'archive' | 'unarchive' | 'delete' | 'restore' | 'order' | 'rename' | 'tag' | 'followUp'; pick: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim().length > 0) }),
  fc.record({ kind: fc.constantFrom('archive' as const, 'unarchive' as const, 'delete' as const, 'restore' as const, 'order' as const, 'rename' as const, 'tag' as const, 'followUp' as const), pick: fc.nat() }),
);

async function apply(c: Change): Promise<void> {
  if (c.kind === 'add') {
    await app.call('customers:create', { name: c.name, contacts: [] });
    return;
  }
  const from = (list: string[]) => list[c.pick % Math.max(1, list.length)];
  const live = from(ids(`deleted_at IS NULL AND archived_at IS NULL`));
  if (c.kind === 'unarchive') {
    const id = from(ids(`deleted_at IS NULL AND archived_at IS NOT NULL`));
    if (id) await app.call('customers:archive', { id, archived: false });
  } else if (c.kind === 'restore') {
    const id = from(ids(`deleted_at IS NOT NULL`));
    if (id) await app.call('customers:restore', { id });
  } else if (!live) {
    return;
  } else if (c.kind === 'archive') await app.call('customers:archive', { id: live, archived: true });
  else if (c.kind === 'delete') await app.call('customers:delete', { id: live });
  else if (c.kind === 'rename') await app.call('customers:update', { id: live, customer: { name: `Renamed ${c.pick}` } });
  else if (c.kind === 'tag') {
    const name = app.db.$client.prepare(`SELECT name FROM customers WHERE id = ?`).pluck().get(live) as string;
    await app.call('customers:update', { id: live, customer: { name, tags: [`t${c.pick % 3}`] } });
  }
  else if (c.kind === 'order') await app.call('orders:create', { customerId: live, orderDate: '2026-11-20', amount: '12.50', currency: 'CNY' });
  else await app.call('followups:create', { customerId: live, occurredAt: '2026-11-21T10:00:00.000Z', channel: 'visit', content: 'kept', intent: c.pick % 2 === 0 ? 'hesitant' : null });
}

describe('the tiers\' inputs kept between processes', () => {
  it('are taken back exactly as a full read gave them', () => {
    const full = loadAll(app.db);
    expect(keepNow(full)).toBe(true);
    const header = keptInputsHeader(app.db)!;
    expect(header.rev).toBe(full.rev);
    expect(header.zone).toBe(currentTimeZone());
    expectSameInputs(takeBack(), full);
  });

  it('brought up to date after any writes, equal a full read of the database as it is now', async () => {
    let moved = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 10 }), async (changes) => {
        keepNow();
        const keptRev = keptInputsHeader(app.db)!.rev;
        for (const c of changes) await apply(c);
        const full = loadAll(app.db);
        if (full.rev > keptRev) moved++;
        expectSameInputs(takeBack(), full);
      }),
      { numRuns: 30 },
    );
    // The writes must have moved the rows after the copy was kept, or the property says little.
    expect(moved).toBeGreaterThan(20);
  });

  it('a population of no one, and customers with neither orders nor follow-ups, go and come back', () => {
    const builder = new ActivityColumnsBuilder();
    const none: Loaded = { customers: [], indexOf: new Map(), activities: activityTable(builder.build()), rev: 7 };
    const encoded = runSteps(encodeInputsInSteps(none));
    const read: ReadSections = { typed: {} as ReadSections['typed'], json: {} as ReadSections['json'] };
    for (const name of SECTION_NAMES) {
      const buffer = sectionBuffer(name, encoded.layout.lengths[name])!;
      buffer.set(encoded.sections[name]);
      if (isJsonSection(name)) read.json[name] = runSteps(parseJsonSectionInSteps(buffer));
      else read.typed[name] = buffer;
    }
    expect(runSteps(decodeInputsInSteps(encoded.layout, read, 7))).toEqual(none);
  });

  it('hold their JSON sections a few values per line, newlines in the values included, parsed a line or more per step', async () => {
    await app.call('customers:create', { name: 'Line\nbreak\r\n', company: '\u2028 sep', contacts: [] });
    const full = loadAll(app.db);
    const encoded = runSteps(encodeInputsInSteps(full, 3));
    const text = new TextDecoder().decode(encoded.sections.name);
    // One line per three customers, each a JSON array, the raw newlines only between them.
    expect(text.split('\n').map((line) => (JSON.parse(line) as unknown[]).length)).toEqual(Array.from({ length: Math.ceil(full.customers.length / 3) }, (_, k) => Math.min(3, full.customers.length - 3 * k)));
    const read: ReadSections = { typed: {} as ReadSections['typed'], json: {} as ReadSections['json'] };
    let turns = 0;
    for (const name of SECTION_NAMES) {
      const buffer = sectionBuffer(name, encoded.layout.lengths[name])!;
      buffer.set(encoded.sections[name]);
      if (!isJsonSection(name)) read.typed[name] = buffer;
      else {
        // No time to spare: a turn after every line.
        const parsed = runCountingTurns(parseJsonSectionInSteps(buffer, -1));
        read.json[name] = parsed.value;
        turns += parsed.turns;
      }
    }
    expect(turns).toBeGreaterThanOrEqual(text.split('\n').length - 1);
    const decoded = runSteps(decodeInputsInSteps(encoded.layout, read, full.rev))!;
    expect(decoded.customers).toEqual(full.customers);
    expect(columnsByPosition(decoded)).toEqual(columnsByPosition(full));
    // A line that is not an array is a damaged copy.
    expect(() => runSteps(parseJsonSectionInSteps(new TextEncoder().encode('["a"]\n{"b":1}')))).toThrow(SyntaxError);
    expect(() => runSteps(parseJsonSectionInSteps(new Uint8Array(0)))).toThrow(SyntaxError);
  });

  it('are not read in another time zone, in another format, or with a part missing, cut short or damaged', () => {
    const client = app.db.$client;
    const full = loadAll(app.db);
    const spoil: Array<[string, string]> = [
      ['another zone', `UPDATE tier_inputs_kept SET zone = 'Pacific/Kiritimati' || zone`],
      ['another format', `UPDATE tier_inputs_kept SET format = format + 1`],
      ['a layout that is not JSON', `UPDATE tier_inputs_kept SET layout = '{"size":'`],
      ['a layout of other lengths', `UPDATE tier_inputs_kept SET layout = json_set(layout, '$.lengths.orders', json_extract(layout, '$.lengths.orders') + 8)`],
      ['a layout claiming a terabyte', `UPDATE tier_inputs_kept SET layout = json_set(layout, '$.lengths.orders', 1099511627776)`],
      ['a part missing', `DELETE FROM tier_inputs_parts WHERE section = 'orders'`],
      ['a part cut short', `UPDATE tier_inputs_parts SET data = substr(data, 1, length(data) - 1) WHERE section = 'name'`],
      ['the parts of another generation', `UPDATE tier_inputs_kept SET generation = 'another'`],
      ['a part that is not deflated', `UPDATE tier_inputs_parts SET data = x'0102030405' WHERE section = 'orders'`],
      ['a layout shorter than its part', `UPDATE tier_inputs_kept SET layout = json_set(layout, '$.lengths.name', 1)`],
    ];
    for (const [what, sql] of spoil) {
      keepNow(full);
      expectSameInputs(takeBack(), full);
      client.exec(sql);
      expect(takeBack(), what).toBeNull();
    }
    // A part that inflates to more than its place holds: refused without making room for it, either codec.
    for (const compress of [deflateSync, zstdCompressSync]) {
      keepNow(full);
      client.prepare(`UPDATE tier_inputs_parts SET data = ? WHERE section = 'name'`).run(compress(Buffer.alloc(64 * 1024 * 1024)));
      expect(takeBack(), compress.name).toBeNull();
    }
  });

  it('are kept as zstd frames, and a copy kept deflated (by an earlier build, or a runtime without zstd) is read alike', () => {
    const client = app.db.$client;
    const full = loadAll(app.db);
    keepNow(full);
    const parts = client.prepare(`SELECT section, part, data FROM tier_inputs_parts`).raw().all() as [string, number, Buffer][];
    expect(parts.length).toBeGreaterThan(10);
    for (const [, , data] of parts) expect([...data.subarray(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
    const rewrite = client.prepare(`UPDATE tier_inputs_parts SET data = ? WHERE section = ? AND part = ?`);
    for (const [section, part, data] of parts) rewrite.run(deflateSync(zstdDecompressSync(data), { level: 1 }), section, part);
    expect(client.prepare(`SELECT count(*) FROM tier_inputs_parts WHERE hex(substr(data, 1, 1)) = '78'`).pluck().get()).toBe(parts.length);
    expectSameInputs(takeBack(), full);
  });

  it('replace the copy there and drop parts left by a writer that stopped', () => {
    const older = loadAll(app.db);
    writePart(app.db, 'half-written', 'orders', 0, new Uint8Array(16));
    const generations = () => app.db.$client.prepare(`SELECT DISTINCT generation FROM tier_inputs_parts`).pluck().all();
    for (let k = 0; k < 2; k++) {
      const before = keptInputsHeader(app.db)?.generation;
      expect(keepNow(older)).toBe(true);
      const generation = keptInputsHeader(app.db)!.generation;
      expect(generation).not.toBe(before);
      expect(generations()).toEqual([generation]);
      expectSameInputs(takeBack(), older);
    }
  });
});

describe('a copy too far behind', () => {
  it('is not read at all once more customers changed since it than can be followed', () => {
    keepNow();
    const now = '2026-11-22T08:00:00.000Z';
    const insert = app.db.$client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type, sort_name) VALUES (?, ?, ?, ?, 'individual', ?)`);
    app.db.transaction(() => {
      for (let k = 0; k <= FOLLOW_LIMIT; k++) insert.run(`far-${k}`, now, now, `Far ${k}`, `far ${k}`);
    });
    // Refused before its first step: not a part is read.
    expect(keptLoadedInSteps(app.db).next()).toEqual({ done: true, value: null });
  });
});

describe('a recompute in a process that holds nothing yet', () => {
  it('takes the kept copy and stores the same tiers as one that reads everything, and keeps a copy after a full read', async () => {
    const open = () => {
      const other = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
      return { ...other, run: () => call(other.dispatch, 'segments:recompute', { asOf: TODAY }) };
    };
    // A first process reads everything and keeps a copy after its answer.
    dropKeptInputs(app.db);
    const first = open();
    await first.run();
    await inputsKept(first.db);
    const kept = keptInputsHeader(first.db)!;
    expect(kept).toBeDefined();
    // Writes after it, as the day goes on.
    for (const pick of [1, 5, 9]) await apply({ kind: 'order', pick });
    await apply({ kind: 'add', name: 'Newcomer' });
    first.close();
    // The next process takes the copy: it does not read everything, so it keeps nothing new.
    const second = open();
    const fromCopy = await second.run();
    await inputsKept(second.db);
    expect(keptInputsHeader(second.db)!.generation).toBe(kept.generation);
    second.close();
    // Without a copy, the same day's tiers, read from every row — and a copy kept again.
    dropKeptInputs(app.db);
    const third = open();
    const fromRows = await third.run();
    await inputsKept(third.db);
    expect(keptInputsHeader(third.db)!.rev).toBe(loadAll(third.db).rev);
    third.close();
    expect(fromCopy.schemes).toEqual(fromRows.schemes);
  });

  it('a read of the tiers at once (no store) takes the copy too, and keeps one after reading everything', async () => {
    let fromRows: Record<string, readonly string[]>;
    const other = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
    const ctx = { db: other.db, clock: fixedClock(TODAY) } as unknown as HandlerContext;
    try {
      dropKeptInputs(other.db);
      fromRows = segmentationFor(ctx, TODAY).result.classKeys;
      await inputsKept(other.db);
      expect(keptInputsHeader(other.db)!.rev).toBe(loadAll(other.db).rev);
    } finally {
      other.close();
    }
    const next = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
    try {
      const generation = keptInputsHeader(next.db)!.generation;
      const fromCopy = segmentationFor({ db: next.db, clock: fixedClock(TODAY) } as unknown as HandlerContext, TODAY).result.classKeys;
      await inputsKept(next.db);
      expect(keptInputsHeader(next.db)!.generation).toBe(generation);
      expect(fromCopy).toEqual(fromRows);
    } finally {
      next.close();
    }
  });

  it('a keeping superseded by a newer one (the rows read in full again meanwhile) stops, and the newer is kept', async () => {
    dropKeptInputs(app.db);
    const older = loadAll(app.db);
    await apply({ kind: 'order', pick: 3 });
    const newer = loadAll(app.db);
    let olderPublished = false;
    keepInputsSoon(app.db, older, () => {
      olderPublished = true;
      return NOW();
    });
    // The older keeping takes a few turns of its own first.
    for (let k = 0; k < 3; k++) await nextTurn();
    keepInputsSoon(app.db, newer, NOW);
    await inputsKept(app.db);
    expect(olderPublished).toBe(false);
    expect(keptInputsHeader(app.db)!.rev).toBe(newer.rev);
    expectSameInputs(takeBack(), newer);
  });

  it('stops keeping quietly when the database is closed meanwhile', async () => {
    const other = openTestApp(TODAY);
    await other.call('workspace:loadDemo', { customers: 30 });
    keepInputsSoon(other.db, loadAll(other.db), NOW);
    other.close();
    await expect(inputsKept(other.db)).resolves.toBeUndefined();
    other.cleanup();
  });

  it('the CLI keeps the copy before it exits, and its next command takes it', () => {
    const db = join(tempDir(), 'cli.sqlite');
    const cli = (...args: string[]) => {
      const run = runCli([...args, '--db', db]);
      expect([run.code, run.stderr]).toEqual([0, '']);
    };
    const header = () => {
      const file = new Database(db, { readonly: true });
      try {
        return file.prepare(`SELECT generation, rev, (SELECT max(rev) FROM customer_activity) AS latest FROM tier_inputs_kept`).get() as { generation: string; rev: number; latest: number } | undefined;
      } finally {
        file.close();
      }
    };
    cli('demo');
    expect(header()).toBeUndefined();
    cli('segment', '--as-of', TODAY);
    const kept = header()!;
    expect(kept.rev).toBe(kept.latest);
    cli('segment', '--as-of', TODAY);
    expect(header()!.generation).toBe(kept.generation);
  });
});
