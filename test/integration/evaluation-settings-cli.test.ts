import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/test-app';

/**
 * Tier settings changed by one command and the evaluation read by the next: the report's pyramid of today is
 * the tiers under the new settings (it read the snapshot stored under the old ones), as `segment` prints them.
 */
const dir = tempDir();
const db = join(dir, 'shop.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const counts = (line: string) => Object.fromEntries([...line.matchAll(/([A-Za-z_ ]+?) (\d+)/g)].map((m): [string, number] => [m[1]!.trim(), Number(m[2])]).filter(([, n]) => n > 0));

describe('segment config set, then report', () => {
  it("reports today's pyramid under the settings just saved", () => {
    expect(cli('demo', '--db', db).code).toBe(0);
    expect(cli('segment', '--db', db).code).toBe(0);
    const before = /Pyramid on \S+: (.*)/.exec(cli('report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2999-01-01').stdout)![1]!;
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ partition: { kind: 'none' }, pyramid: { mode: 'thresholds', thresholds: { platinum: 80_000_000, gold: 30_000_000, iron: 2_000_000 } } }));
    expect(cli('segment', 'config', 'set', '--db', db, '--file', join(dir, 'cfg.json')).code).toBe(0);
    const after = /Pyramid on \S+: (.*)/.exec(cli('report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2999-01-01').stdout)![1]!;
    const tiers = /^\s+Customer pyramid\s+(.*)$/m.exec(cli('segment', '--db', db, '--lang', 'en').stdout)![1]!;
    expect(counts(after)).toEqual(counts(tiers));
    expect(counts(after)).not.toEqual(counts(before));
  });
});
