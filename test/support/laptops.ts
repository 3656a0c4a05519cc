import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type OpenedApp } from '../../core/app';
import type { Clock } from '../../core/context';
import { call } from '../../core/dispatch';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { MIGRATIONS } from './test-app';

/**
 * A clock every laptop of a test shares: each reading is one second after the last, so edit order is time
 * order. It starts a day ahead of the machine's clock, so stamps SQLite takes from its own clock (rows
 * without updated_at) never overtake the test's edits.
 */
export function steppingClock(start = Date.now() + 86_400_000): Clock & { tick(): void } {
  let ms = start;
  return {
    now: () => new Date((ms += 1000)),
    today: () => new Date(ms).toISOString().slice(0, 10),
    tick: () => void (ms += 1000),
  };
}

export interface Laptop extends OpenedApp {
  name: string;
  dbPath: string;
  call<C extends Channel>(name: C, input: InputOf<C>): Promise<OutputOf<C>>;
  reopen(): Laptop;
}

export function openLaptop(name: string, dir: string, clock: Clock): Laptop {
  const dbPath = join(dir, `${name}.sqlite`);
  const app = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock, checkOutput: true });
  return { ...app, name, dbPath, call: (channel, input) => call(app.dispatch, channel, input), reopen: () => openLaptop(name, dir, clock) };
}

export function laptopsDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-team-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Joins every laptop to the team (each with its own person), the first one creating it. */
export async function joinAll(laptops: Laptop[], serverUrl: string): Promise<void> {
  for (const [i, laptop] of laptops.entries()) {
    await laptop.call('team:identity-set', { userName: laptop.name });
    await laptop.call(i === 0 ? 'team:create' : 'team:join', { serverUrl, database: 'team', user: 'admin', password: 'secret' });
  }
}

/** Sync rounds until a full pass over all laptops moves nothing. */
export async function settle(laptops: Laptop[], maxPasses = 6): Promise<void> {
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = 0;
    for (const laptop of laptops) {
      const r = await laptop.call('team:sync-now', {});
      moved += r.pushed + r.pulled;
    }
    if (process.env.TEAM_DEBUG) console.log("pass", pass, moved);
    if (moved === 0) return;
  }
  throw new Error('laptops did not settle');
}

/** What every laptop must agree on after sync: the synced facts, without local bookkeeping. */
export function bookDigest(laptop: Laptop) {
  const q = (sql: string) => laptop.db.$client.prepare(sql).all();
  return {
    customers: q(`SELECT id, name, company, city, notes, owner, tags, deleted_at, created_by FROM customers ORDER BY id`),
    contacts: q(`SELECT id, customer_id, kind, value, deleted_at FROM contact_channels ORDER BY id`),
    followUps: q(`SELECT id, customer_id, occurred_at, content, done, deleted_at FROM follow_ups ORDER BY id`),
    orders: q(`SELECT id, customer_id, order_date, amount_minor, base_amount_minor, order_number, deleted_at FROM orders ORDER BY id`),
    lines: q(`SELECT id, order_id, position, name, quantity, amount_minor FROM order_lines ORDER BY id`),
  };
}

export function integrityOk(laptop: Laptop): void {
  const client = laptop.db.$client;
  if (client.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error(`${laptop.name}: integrity_check failed`);
  const fk = client.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) throw new Error(`${laptop.name}: foreign_key_check found ${fk.length} rows`);
}
