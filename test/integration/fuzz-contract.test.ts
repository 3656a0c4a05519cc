import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { CHANNELS, contract, ERROR_CODES, type Channel } from '../../shared/contract';
import { exampleOf } from '../support/fuzz/examples';
import { confineFileFields, FILE_CHANNEL, type FuzzLayout } from '../support/fuzz/file-fields';
import { applyMutations, describeInput, mutationsArb } from '../support/fuzz/mutations';
import { buildFixture, FILE_NAMES, handSeeds, writeSeedFiles, type Fixture } from '../support/fuzz/seeds';
import { startTeamServer, type TeamServerProcess } from '../support/team-server';
import { MIGRATIONS } from '../support/test-app';

/**
 * Every channel of the contract, called with mutated valid inputs: nothing may throw out of dispatch,
 * no input may end in an `internal` error (bad input is invalid_input, not_found, conflict or
 * constraint), nothing may reach Object.prototype, and the database stays sound with every stored
 * amount an exact integer.
 *
 * TIERBOOK_FUZZ_RUNS sets the cases per channel (default 300; file, import, backup and recompute
 * channels run a fifth of it, as each case reads or writes files); TIERBOOK_FUZZ_SEED varies the cases.
 */
const RUNS = Math.max(1, Number(process.env.TIERBOOK_FUZZ_RUNS ?? 300));
const SEED = Number(process.env.TIERBOOK_FUZZ_SEED ?? 20261201);
const HEAVY = /^(import:(preview|commit)|export:|backup:(create|restore)|segments:recompute|workspace:loadDemo|team:(create|join|sync-now))/;
const runsFor = (channel: Channel) => (HEAVY.test(channel) ? Math.max(1, Math.ceil(RUNS / 5)) : RUNS);
/** The demo generator is linear in its customer count: cap it so one case stays milliseconds. */
const MAX_DEMO_CUSTOMERS = 40;

const ALLOWED_CODES: ReadonlySet<string> = new Set(ERROR_CODES.filter((c) => c !== 'internal' && c !== 'unknown_channel'));

let root: string;
let layout: FuzzLayout;
const SENTINEL = 'nothing may touch this file';
let app: OpenedApp;
let fixture: Fixture;
let seeds: Partial<Record<Channel, unknown>>;
let teamServer: TeamServerProcess | undefined;
let teamServerDir: string | undefined;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const tally = { calls: 0, ok: 0, refused: 0, failed: 0 };
const started = Date.now();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tierbook-fuzz-'));
  // The app is confined as over the loopback bridge; `outside` is where the escapes aim, and must stay as it is.
  layout = { dbFolder: join(root, 'db'), outside: join(root, 'outside') };
  mkdirSync(layout.dbFolder);
  mkdirSync(layout.outside);
  writeFileSync(join(layout.outside, 'customers.csv'), SENTINEL);
  writeSeedFiles(layout.dbFolder);
  app = openApp({ dbPath: join(layout.dbFolder, 'tierbook.sqlite'), migrationsFolder: MIGRATIONS, appVersion: 'fuzz', clock: fixedClock('2026-11-23'), checkOutput: true, files: { mode: 'confined' } });
  fixture = await buildFixture(app.dispatch);
  teamServerDir = mkdtempSync(join(tmpdir(), 'tierbook-fuzz-team-'));
  teamServer = await startTeamServer(teamServerDir);
  seeds = handSeeds(fixture, teamServer.url);
}, 60_000);

afterAll(async () => {
  app?.close();
  await teamServer?.stop();
  if (teamServerDir) rmSync(teamServerDir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  const cases = CHANNELS.map(runsFor);
  console.log(
    `contract fuzz: ${CHANNELS.length} channels × ${RUNS} cases (${cases.filter((n) => n !== RUNS).length} file/heavy channels × ${runsFor('backup:create')}) = ${tally.calls} calls, seed ${SEED}: ${tally.ok} ok, ${tally.refused} refused, ${tally.failed} internal or thrown, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

function seedFor(channel: Channel): unknown {
  return channel in seeds ? seeds[channel] : exampleOf(contract[channel].input);
}

/** What the fuzz sends: file channels get their path fields confined, the demo its customer count capped. */
function prepared(channel: Channel, input: unknown, hostile = true): unknown {
  if (FILE_CHANNEL.test(channel)) return confineFileFields(input, layout, hostile);
  if (channel === 'workspace:loadDemo' && input !== null && typeof input === 'object' && typeof (input as { customers?: unknown }).customers === 'number') {
    return { ...input, customers: Math.min((input as { customers: number }).customers, MAX_DEMO_CUSTOMERS) };
  }
  return input;
}

/** No call reached outside the confined folders: the sentinel folder holds exactly what the test put there. */
function outsideUntouched(): void {
  expect(readdirSync(layout.outside)).toEqual(['customers.csv']);
  expect(readFileSync(join(layout.outside, 'customers.csv'), 'utf8')).toBe(SENTINEL);
  expect(readdirSync(root).sort()).toEqual(['db', 'outside']);
}

function databaseIsSound(): void {
  outsideUntouched();
  const client = app.db.$client;
  expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(client.pragma('foreign_key_check')).toEqual([]);
  // Money stays exact: no float and nothing past 2^53 in any stored amount.
  const inexact = (column: string) => `(typeof(${column}) <> 'integer' OR abs(${column}) > ${Number.MAX_SAFE_INTEGER})`;
  expect(client.prepare(`SELECT count(*) FROM orders WHERE ${inexact('amount_minor')} OR ${inexact('base_amount_minor')}`).pluck().get()).toBe(0);
  expect(client.prepare(`SELECT count(*) FROM customers WHERE ${inexact('revenue_base_minor')}`).pluck().get()).toBe(0);
}

describe('the contract under fuzzing', () => {
  it('has a valid seed for every channel, derived from its schema or written by hand', () => {
    const invalid = CHANNELS.filter((channel) => !contract[channel].input.safeParse(prepared(channel, seedFor(channel), false) ?? {}).success);
    expect(invalid).toEqual([]);
    expect(Object.keys(seeds).filter((c) => !(CHANNELS as string[]).includes(c))).toEqual([]);
  });

  it('the seeds themselves succeed on the fixture, in channel order (so the fuzz starts from working calls)', async () => {
    const refused: string[] = [];
    for (const channel of CHANNELS) {
      const result = await app.dispatch(channel, prepared(channel, seedFor(channel), false));
      if (!result.ok) refused.push(`${channel}: ${result.error.code} ${result.error.message}`);
    }
    expect(refused).toEqual([]);
    databaseIsSound();
  });

  it.each(CHANNELS.map((c) => [c]))('%s: mutated inputs end in a value or a typed refusal, never internal', async (channel) => {
    const seed = seedFor(channel);
    const cases = fc.sample(mutationsArb([...Object.values(fixture), ...FILE_NAMES]), { numRuns: runsFor(channel), seed: SEED + CHANNELS.indexOf(channel) });
    const failures: string[] = [];
    for (const mutations of cases) {
      const input = prepared(channel, applyMutations(seed, mutations));
      let outcome: string | null = null;
      try {
        const result = await app.dispatch(channel, input);
        tally.calls++;
        if (result.ok) tally.ok++;
        else if (ALLOWED_CODES.has(result.error.code)) tally.refused++;
        else outcome = `${result.error.code}: ${result.error.message.slice(0, 300)}`;
      } catch (error) {
        outcome = `threw: ${String(error).slice(0, 300)}`;
      }
      if (outcome) tally.failed++;
      if (outcome && failures.length < 5) failures.push(`${outcome}\n    input: ${describeInput(input)}`);
    }
    expect(failures, `${channel} (seed ${SEED})`).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    databaseIsSound();
  }, 180_000);
});
