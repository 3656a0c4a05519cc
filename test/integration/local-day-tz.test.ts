import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/test-app';

/**
 * The user's calendar day, not UTC's, in every place that turns an instant into a day. The test runner's
 * workers keep the time zone they started with, so each case runs in a child process with TZ set.
 */
function inZone(zone: string, instant: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'local-day-child.ts'), tempDir(), instant], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: zone },
    timeout: 120_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    zone: string;
    today: string;
    followUpsInWindow: { today: number; dayBefore: number };
    policy: { lastContactDate: string; daysSinceContact: number };
    listDay: string;
    utcCutDay: string;
    exportedFollowUp: string[];
    exportedLastContact: string[];
  };
}

describe('the local calendar day', () => {
  it('Asia/Shanghai: a follow-up logged at 05:16 is on that day everywhere (21:16 UTC the day before)', () => {
    // 2026-11-23 05:16 in Shanghai (UTC+8, no daylight saving) is 2026-11-22 21:16 UTC.
    const r = inZone('Asia/Shanghai', '2026-11-22T21:16:00Z');
    expect(r.zone).toBe('Asia/Shanghai');
    expect(r.today).toBe('2026-11-23');
    // The UTC cut would say the 22nd: the case this test exists for.
    expect(r.utcCutDay).toBe('2026-11-22');
    // Tiers: the follow-up is inside a window ending on the 23rd, outside one ending on the 22nd.
    expect(r.followUpsInWindow).toEqual({ today: 1, dayBefore: 0 });
    // Service policy: last contact on the 23rd, so two days before the 25th.
    expect(r.policy).toMatchObject({ lastContactDate: '2026-11-23', daysSinceContact: 2 });
    expect(r.listDay).toBe('Nov 23, 2026');
    expect(r.exportedFollowUp).toEqual(['2026-11-23 05:16:00']);
    expect(r.exportedLastContact).toEqual(['2026-11-23 05:16:00']);
  });

  it("America/Los_Angeles: a follow-up logged at 22:30 stays on that evening's day (06:30 UTC the next day)", () => {
    // 2026-11-22 22:30 in Los Angeles (PST, UTC−8 in November) is 2026-11-23 06:30 UTC.
    const r = inZone('America/Los_Angeles', '2026-11-23T06:30:00Z');
    expect(r.zone).toBe('America/Los_Angeles');
    expect(r.today).toBe('2026-11-22');
    expect(r.utcCutDay).toBe('2026-11-23');
    expect(r.followUpsInWindow).toEqual({ today: 1, dayBefore: 0 });
    expect(r.policy).toMatchObject({ lastContactDate: '2026-11-22', daysSinceContact: 2 });
    expect(r.listDay).toBe('Nov 22, 2026');
    expect(r.exportedFollowUp).toEqual(['2026-11-22 22:30:00']);
    expect(r.exportedLastContact).toEqual(['2026-11-22 22:30:00']);
  });
});
