import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Nothing said what time it was for a client: Today told a Guangzhou exporter to call Abu Dhabi at 09:00, 05:00
 * there. The customer's zone is found in the main process and sent through the contract; the command line says
 * the local time as the screens do. The user here works in Guangzhou (TZ=Asia/Shanghai).
 */
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const GUANGZHOU = { TZ: 'Asia/Shanghai' };
const WEEKDAYS = { en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], 'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] };

/** Abu Dhabi's clock (UTC+4 all year, weekend Saturday and Sunday) at `ms`, by arithmetic on the instant. */
function abuDhabi(ms: number) {
  const there = new Date(ms + 4 * 3_600_000);
  const hour = there.getUTCHours();
  const day = there.getUTCDay();
  return { time: `${String(hour).padStart(2, '0')}:${String(there.getUTCMinutes()).padStart(2, '0')}`, day, night: hour >= 22 || hour < 8, weekend: day === 0 || day === 6 };
}

/** The sentences Abu Dhabi's time may read while a command runs: the minute can turn between `from` and `to`. */
function abuDhabiLines(from: number, to: number, lang: 'en' | 'zh-CN', form: 'line' | 'short'): string[] {
  return [...new Set([from, to])].map((ms) => {
    const c = abuDhabi(ms);
    const weekday = WEEKDAYS[lang][c.day];
    const main =
      lang === 'en' ? (form === 'line' ? `Local time ${c.time} ${weekday} (UTC+4)` : `${c.time} ${weekday} there`) : form === 'line' ? `当地时间 ${weekday} ${c.time}（UTC+4）` : `当地 ${weekday} ${c.time}`;
    const notes = lang === 'en' ? [c.night && 'night there', c.weekend && 'weekend there'] : [c.night && '当地夜间', c.weekend && '当地周末'];
    return [main, ...notes.filter(Boolean)].join(' · ');
  });
}

async function add(name: string, country: string | null, city: string | null, region: string | null = null) {
  return (await app.call('customers:create', { name, country, city, region })).customer.id;
}

describe("a customer's time zone through the contract", () => {
  it('customers:timeZone answers from country, region and city; Today carries it on each row', async () => {
    const ahmed = await add('Ahmed Khoury', 'AE', 'Abu Dhabi');
    const springfield = await add('Spring Co', 'US', 'Springfield');
    const illinois = await add('Illinois Co', 'US', 'Springfield', 'Illinois');
    const guangzhou = await add('广州客户', 'CN', '广州');
    const nowhere = await add('No Country', null, null);
    expect(await app.call('customers:timeZone', { id: ahmed })).toEqual({ timeZone: { status: 'known', zone: 'Asia/Dubai', weekend: [6, 7] } });
    expect(await app.call('customers:timeZone', { id: springfield })).toEqual({ timeZone: { status: 'several', reason: 'ambiguous_city' } });
    expect(await app.call('customers:timeZone', { id: illinois })).toMatchObject({ timeZone: { zone: 'America/Chicago' } });
    expect(await app.call('customers:timeZone', { id: guangzhou })).toMatchObject({ timeZone: { zone: 'Asia/Shanghai' } });
    expect(await app.call('customers:timeZone', { id: nowhere })).toEqual({ timeZone: null });
    await expect(app.call('customers:timeZone', { id: 'missing' })).rejects.toMatchObject({ code: 'not_found' });

    // New customers without a follow-up are all on Today; each row has its customer's zone.
    const today = await app.call('today:list', {});
    const zoneOf = (id: string) => today.items.find((i) => i.customerId === id)?.timeZone;
    expect(today.items).toHaveLength(5);
    expect(zoneOf(ahmed)).toMatchObject({ zone: 'Asia/Dubai' });
    expect(zoneOf(illinois)).toMatchObject({ zone: 'America/Chicago' });
    expect(zoneOf(springfield)).toEqual({ status: 'several', reason: 'ambiguous_city' });
    expect(zoneOf(nowhere)).toBeNull();
  });
});

describe('Today: who can be called now', () => {
  /**
   * Monday 23 November 2026, 13:30 UTC. The clients' clocks then, by their offsets written by hand: Abu Dhabi
   * (UTC+4) 17:30, Tokyo (UTC+9) 22:30, New York (UTC-5) 08:30, Los Angeles (UTC-8) 05:30. Reachable: on a
   * working day from 08:00 to 20:00 there, or on the user's own clock, or not placed (no country, no city).
   */
  const NOW = Date.parse('2026-11-23T13:30:00Z');
  const CLIENTS = [
    ['Ahmed Khoury', 'AE', 'Abu Dhabi', 240],
    ['Tokyo KK', 'JP', 'Tokyo', 540],
    ['Brooklyn Co', 'US', 'New York', -300],
    ['LA Traders', 'US', 'Los Angeles', -480],
    ['No Country', null, null, null],
    ['Somewhere Inc', 'US', null, null],
  ] as const;
  /** This machine's offset at NOW: a client on it is on the user's own hours. */
  const own = -new Date(NOW).getTimezoneOffset();
  const reachableByArithmetic = (offset: number | null) => {
    if (offset === null || offset === own) return true;
    const hour = new Date(NOW + offset * 60_000).getUTCHours();
    return hour >= 8 && hour < 20;
  };

  it('counts the rows reachable now, and lists only them when asked; the whole list stays a click away', async () => {
    app.cleanup();
    app = openTestApp('2026-11-23', { clock: { now: () => new Date(NOW), today: () => '2026-11-23' } });
    const ids = new Map<string, string>();
    for (const [name, country, city] of CLIENTS) ids.set(await add(name, country, city), name);
    const expected = CLIENTS.filter(([, , , offset]) => reachableByArithmetic(offset)).map(([name]) => name);

    const all = await app.call('today:list', {});
    expect(all.total).toBe(CLIENTS.length);
    expect(all.reachableNow).toBe(expected.length);
    const reachable = await app.call('today:list', { reachableNow: true });
    expect(reachable.items.map((i) => ids.get(i.customerId)).sort()).toEqual([...expected].sort());
    expect(reachable.total).toBe(expected.length);
    expect(reachable.reachableNow).toBe(expected.length);
    // Every row here is a new customer: the counts per kind are of the rows listed.
    expect(reachable.counts.new_customer).toBe(expected.length);
    // Paged like the whole list.
    expect((await app.call('today:list', { reachableNow: true, limit: 1, offset: 1 })).items.map((i) => i.customerId)).toEqual([reachable.items[1]!.customerId]);
    // Cleared, every row is back.
    expect((await app.call('today:list', { reachableNow: false })).total).toBe(CLIENTS.length);
  });
});

describe('the command line', () => {
  it.each(['en', 'zh-CN'] as const)('customers show says the local time there, with night and weekend (%s)', async (lang) => {
    const ahmed = await add('Ahmed Khoury', 'AE', 'Abu Dhabi');
    const from = Date.now();
    const run = runCli(['customers', 'show', '--db', app.dbPath, '--id', ahmed, '--lang', lang], undefined, GUANGZHOU);
    const to = Date.now();
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Ahmed Khoury {2}/);
    expect(abuDhabiLines(from, to, lang, 'line')).toContain(lines[2]!.trim());
  });

  it('says nothing of the time for a customer in the user’s own zone or with no country; asks for the city or the state', async () => {
    const show = (id: string, lang = 'en') => runCli(['customers', 'show', '--db', app.dbPath, '--id', id, '--lang', lang], undefined, GUANGZHOU).stdout;
    const guangzhou = show(await add('广州客户', 'CN', '广州'));
    expect(guangzhou).toContain('广州');
    expect(guangzhou).not.toMatch(/Local time|UTC|Several|state/);
    expect(show(await add('No Country', null, null)).trimEnd().split('\n')).toHaveLength(1);
    expect(show(await add('Spring Co', 'US', 'Springfield'))).toContain('More than one “Springfield” in United States, in different time zones: add the state or province');
    expect(show(await add('Somewhere Inc', 'US', null))).toContain('Several time zones in United States: add the city to see their local time');
    expect(show(await add('Katy Co', 'US', '凯蒂'), 'zh-CN')).toContain('美国有多个时区，未识别城市“凯蒂”：请用英文填写城市（如 Houston）');
  });

  it('customers show --json adds timeZone to the customer', async () => {
    const illinois = await add('Illinois Co', 'US', 'Springfield', 'IL');
    const run = runCli(['customers', 'show', '--db', app.dbPath, '--id', illinois, '--json'], undefined, GUANGZHOU);
    expect(run.code, run.stderr).toBe(0);
    const shown = JSON.parse(run.stdout);
    expect(shown).toMatchObject({ id: illinois, name: 'Illinois Co', country: 'US', city: 'Springfield', region: 'IL' });
    expect(shown.timeZone).toEqual({ status: 'known', zone: 'America/Chicago', weekend: [6, 7] });
  });

  it.each(['en', 'zh-CN'] as const)('today puts the client’s time after the reasons, not for a customer at home (%s)', async (lang) => {
    await add('Ahmed Khoury', 'AE', 'Abu Dhabi');
    await add('广州客户', 'CN', '广州');
    const from = Date.now();
    const run = runCli(['today', '--db', app.dbPath, '--lang', lang], undefined, GUANGZHOU);
    const to = Date.now();
    expect(run.code, run.stderr).toBe(0);
    const lineOf = (name: string) => run.stdout.split('\n').find((line) => line.includes(name))!;
    const after = lineOf('Ahmed Khoury').split('  · ').slice(1).join('  · ');
    expect(abuDhabiLines(from, to, lang, 'short')).toContain(after);
    expect(lineOf('广州客户')).not.toContain('  · ');

    const json = JSON.parse(runCli(['today', '--db', app.dbPath, '--json'], undefined, GUANGZHOU).stdout);
    const zones = Object.fromEntries(json.items.map((i: { customerName: string; timeZone: unknown }) => [i.customerName, i.timeZone]));
    expect(zones).toEqual({ 'Ahmed Khoury': { status: 'known', zone: 'Asia/Dubai', weekend: [6, 7] }, 广州客户: { status: 'known', zone: 'Asia/Shanghai', weekend: [6, 7] } });
  });
});

describe('the places Today reads its zones from', () => {
  it("follow an edit of a customer's place at once, and each row's zone is the one customers:timeZone finds for the stored place", async () => {
    const ahmed = await add('Ahmed Khoury', 'AE', 'Abu Dhabi');
    const houston = await add('Houston buyer', 'US', 'Houston', 'Texas');
    await add('No place', null, null);
    const before = await app.call('today:list', {});
    expect(before.items.find((i) => i.customerId === ahmed)?.timeZone).toMatchObject({ zone: 'Asia/Dubai' });
    // The list is kept between calls; a move must not leave the old zone on it.
    await app.call('customers:update', { id: ahmed, customer: { name: 'Ahmed Khoury', country: 'US', region: 'Illinois', city: 'Springfield' } });
    await app.call('customers:update', { id: houston, customer: { name: 'Houston buyer', country: null, region: null, city: null } });
    const after = await app.call('today:list', {});
    expect(after.items).toHaveLength(3);
    for (const item of after.items) {
      const stored = app.db.$client.prepare(`SELECT country, region, city FROM customers WHERE id = ?`).get(item.customerId) as { country: string | null };
      expect(item.timeZone, JSON.stringify(stored)).toEqual((await app.call('customers:timeZone', { id: item.customerId })).timeZone);
    }
    expect(after.items.find((i) => i.customerId === ahmed)?.timeZone).toMatchObject({ zone: 'America/Chicago' });
    expect(after.items.find((i) => i.customerId === houston)?.timeZone).toBeNull();
  });
});
