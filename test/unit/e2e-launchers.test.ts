import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = join(import.meta.dirname, '..', 'e2e');

/** Journeys only the Chromium launcher can run, each with what the Electron run does in its place. */
const CHROMIUM_ONLY: Record<string, string> = {
  // Two apps on one machine, each behind its own loopback bridge; Electron runs one app, which sends its book (oneLaptopSendsItsBook).
  twoLaptopsShareACustomerBook: 'oneLaptopSendsItsBook',
};

/** The journey bodies a launcher runs: names imported from ./journeys*.ts and called in its tests. */
function journeysRunBy(file: string): Set<string> {
  const source = readFileSync(join(E2E, file), 'utf8');
  const imported = [...source.matchAll(/import \{([^}]*)\} from '\.\/journeys[\w-]*';/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()).filter(Boolean));
  const body = source.replace(/^import .*$/gm, '');
  return new Set(imported.filter((name) => new RegExp(`\\b${name}\\(`).test(body)));
}

/**
 * The journey bodies are written once (test/e2e/journeys*.ts) and run by two launchers: Chromium through the
 * loopback bridge (chromium.test.ts) and the real Electron app (electron.test.ts). A journey registered in
 * one only was not run in the other: four new ones had been left out of the Electron run.
 */
describe('the end-to-end launchers', () => {
  it('the Electron run registers every journey the Chromium run does', () => {
    const chromium = journeysRunBy('chromium.test.ts');
    const electron = journeysRunBy('electron.test.ts');
    expect(chromium.size).toBeGreaterThan(20);
    expect([...chromium].filter((name) => !electron.has(name) && !(name in CHROMIUM_ONLY))).toEqual([]);
  });

  it('a journey left to Chromium alone is still run there, and its stand-in in Electron', () => {
    const chromium = journeysRunBy('chromium.test.ts');
    const electron = journeysRunBy('electron.test.ts');
    for (const [name, standIn] of Object.entries(CHROMIUM_ONLY)) {
      expect(chromium.has(name), name).toBe(true);
      expect(electron.has(standIn), standIn).toBe(true);
    }
  });
});
