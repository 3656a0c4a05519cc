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

  it('still refuses what is not a time, in the flag’s own words', () => {
    const run = cli('followups', 'add', '--db', app.dbPath, '--customer', customerId, '--at', '2026-13-01 10:00');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--at must be a date and time');
    expect(storedAt()).toEqual([]);
  });
});
