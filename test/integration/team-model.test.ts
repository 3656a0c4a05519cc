import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, laptopsDir, openLaptop, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';

/**
 * Model-based: random edits, follow-ups and orders on three laptops, with syncs in between that leave
 * the others partitioned off, always end — once everyone syncs — with the same book on every laptop and
 * on the server, equal to a model where the latest edit of each field wins and nothing appended is lost.
 */
const FIELDS = ['city', 'notes', 'owner'] as const;
type Field = (typeof FIELDS)[number];
type Op =
  | { kind: 'edit'; laptop: number; customer: number; field: Field; value: string | null }
  | { kind: 'followUp'; laptop: number; customer: number }
  | { kind: 'order'; laptop: number; customer: number; amount: number }
  | { kind: 'sync'; laptop: number };

const laptopArb = fc.integer({ min: 0, max: 2 });
const customerArb = fc.integer({ min: 0, max: 2 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), laptop: laptopArb, customer: customerArb, field: fc.constantFrom(...FIELDS), value: fc.constantFrom('甲', '乙', 'Zed', null) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('followUp' as const), laptop: laptopArb, customer: customerArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('order' as const), laptop: laptopArb, customer: customerArb, amount: fc.integer({ min: 1, max: 999 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), laptop: laptopArb }) },
);

let server: TeamServerProcess;
let folder: ReturnType<typeof laptopsDir>;
const clock = steppingClock();
let run = 0;

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(join(folder.dir, 'server'));
}, 30_000);
afterAll(async () => {
  await server?.stop();
  folder?.remove();
});

async function play(ops: Op[]): Promise<void> {
  run++;
  const laptops = ['ana', 'bo', 'chen'].map((name) => openLaptop(`${name}-${run}`, folder.dir, clock));
  try {
    const credentials = { serverUrl: server.url, database: `model-${run}`, user: TEAM_ADMIN.user, password: TEAM_ADMIN.password };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await laptops[0]!.call('customers:create', { name: `客户${i}`, contacts: [], tags: [] })).customer.id);
    for (const [i, l] of laptops.entries()) {
      await l.call('team:identity-set', { userName: l.name });
      await l.call(i === 0 ? 'team:create' : 'team:join', credentials);
    }
    await settle(laptops);

    const model = { fields: ids.map(() => ({ city: null, notes: null, owner: null }) as Record<Field, string | null>), followUps: new Set<string>(), orders: [] as number[] };
    for (const [step, op] of ops.entries()) {
      const laptop = laptops[op.laptop]!;
      if (op.kind === 'sync') {
        await laptop.call('team:sync-now', {});
      } else if (op.kind === 'edit') {
        const id = ids[op.customer]!;
        const now = await laptop.call('customers:get', { id });
        await laptop.call('customers:update', { id, customer: { name: now.name, city: now.city, notes: now.notes, owner: now.owner, contacts: [], tags: [], [op.field]: op.value } });
        model.fields[op.customer]![op.field] = op.value;
      } else if (op.kind === 'followUp') {
        const content = `step ${step} on ${laptop.name}`;
        await laptop.call('followups:create', { customerId: ids[op.customer]!, channel: 'call', content });
        model.followUps.add(content);
      } else {
        await laptop.call('orders:create', { customerId: ids[op.customer]!, orderDate: '2026-11-20', amount: String(op.amount), currency: 'CNY' });
        model.orders.push(op.amount * 100);
      }
    }
    await settle(laptops);

    const reference = bookDigest(laptops[0]!);
    for (const l of laptops) {
      expect(bookDigest(l)).toEqual(reference);
      integrityOk(l);
    }
    for (const [i, id] of ids.entries()) {
      const row = laptops[0]!.db.$client.prepare(`SELECT city, notes, owner FROM customers WHERE id = ?`).get(id);
      expect(row).toEqual(model.fields[i]);
    }
    expect(new Set(reference.followUps.map((f) => (f as { content: string }).content))).toEqual(model.followUps);
    expect(reference.orders.map((o) => (o as { amount_minor: number }).amount_minor).sort((x, y) => x - y)).toEqual([...model.orders].sort((x, y) => x - y));
    // The server holds the same book: a fresh laptop that only pulls ends with it too.
    const fresh = openLaptop(`fresh-${run}`, folder.dir, clock);
    try {
      await fresh.call('team:identity-set', { userName: 'fresh' });
      await fresh.call('team:join', credentials);
      await fresh.call('team:sync-now', {});
      expect(bookDigest(fresh)).toEqual(reference);
    } finally {
      fresh.close();
    }
  } finally {
    for (const l of laptops) l.close();
  }
}

describe('team sync against a model', () => {
  it('ends identical on every laptop and the server, equal to the model', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), play), { numRuns: 6, seed: 20261202, endOnFailure: true });
  }, 300_000);
});
