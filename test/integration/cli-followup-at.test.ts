import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * `followups add --at` as a person at the keyboard types it: a day and a time of this computer's clock, no offset.
 * It is that wall-clock time here (the machine's zone decides the instant), a day alone its noon as imports take it,
 * and an instant with its offset stays exactly that instant.
 */
let app: TestApp;
let customerId: string;
const previousTz = process.env.TZ;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  customerId = (await app.call('customers:create', { name: '王芳' })).customer.id;
});
afterEach(() => {
  app.cleanup();
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const storedAt = () => app.db.$client.prepare(`SELECT occurred_at FROM follow_ups WHERE customer_id = ? ORDER BY occurred_at`).pluck().all(customerId);

describe('followups add --at', () => {
  it('takes a local day and time in the machine’s zone, a day alone as its noon, an offset as given', () => {
    for (const [zone, typed, instant] of [
      ['Asia/Shanghai', '2026-11-01 14:30', '2026-11-01T06:30:00.000Z'],
      ['America/Los_Angeles', '2026-11-05T14:30', '2026-11-05T22:30:00.000Z'],
      ['Pacific/Kiritimati', '2026-11-02', '2026-11-01T22:00:00.000Z'],
      ['America/Los_Angeles', '2026-11-03T09:15:00+08:00', '2026-11-03T01:15:00.000Z'],
    ] as const) {
      process.env.TZ = zone;
      const run = cli('followups', 'add', '--db', app.dbPath, '--customer', customerId, '--content', 'call', '--at', typed);
      expect(run.code, run.stderr).toBe(0);
      expect(storedAt()).toContain(instant);
    }
  });

  it('refuses a time the clocks skip, naming the time after the change, and takes the hour that happens twice as its first', () => {
    const HOUR = 3_600_000;
    for (const [zone, day, skipped, after, twice, firstAt] of [
      // New York: forward at 02:00 on 03-08 (EST −5 → EDT −4), back at 02:00 on 11-01 (01:30 first at EDT, −4).
      ['America/New_York', '2026-03-08', '02:30', Date.UTC(2026, 2, 8, 2 + 5, 30) - 4 * HOUR, '2026-11-01 01:30', Date.UTC(2026, 10, 1, 1 + 4, 30)],
      // London: forward at 01:00 on 03-29 (GMT +0 → BST +1), back at 02:00 on 10-25 (01:30 first at BST, +1).
      ['Europe/London', '2026-03-29', '01:30', Date.UTC(2026, 2, 29, 1, 30) + HOUR, '2026-10-25 01:30', Date.UTC(2026, 9, 25, 1 - 1, 30)],
    ] as const) {
      process.env.TZ = zone;
      const moved = new Date(after).toISOString().slice(11, 16);
      const refused = cli('followups', 'add', '--db', app.dbPath, '--customer', customerId, '--at', `${day} ${skipped}`);
      expect(refused.code, refused.stdout).toBe(2);
      expect(refused.stderr).toContain(`--at ${skipped} does not exist on ${day} on this computer's clock (the clocks go forward then): ${moved} is the same moment after the change`);
      expect(storedAt()).not.toContain(new Date(after).toISOString());
      const taken = cli('followups', 'add', '--db', app.dbPath, '--customer', customerId, '--at', twice);
      expect(taken.code, taken.stderr).toBe(0);
      expect(storedAt()).toContain(new Date(firstAt).toISOString());
    }
    expect(storedAt()).toHaveLength(2);
  });

  it('still refuses what is not a time, in the flag’s own words', () => {
    const run = cli('followups', 'add', '--db', app.dbPath, '--customer', customerId, '--at', '2026-13-01 10:00');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--at must be a date and time');
    expect(storedAt()).toEqual([]);
  });
});
