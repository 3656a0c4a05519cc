/**
 * Where the published CDNOW files live: ../shared/data/cdnow beside the repository (never copied in).
 * Tests that need them describe themselves with `cdnowSuiteName`, so a run without the data says so
 * in its output instead of passing quietly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CDNOW_DIR = resolve(__dirname, '../../../../shared/data/cdnow');
export const HAS_CDNOW = existsSync(join(CDNOW_DIR, 'reference.json'));

export function cdnowSuiteName(name: string): string {
  return HAS_CDNOW ? name : `${name} — NOT RUN: CDNOW data absent at ${CDNOW_DIR}`;
}

if (!HAS_CDNOW) console.warn(`CDNOW data absent at ${CDNOW_DIR}: the published-results validations did not run.`);

export function readCdnow(file: string): string {
  return readFileSync(join(CDNOW_DIR, file), 'utf8');
}

export function csvRows(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((h) => h.trim());
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i]!, v.trim()])));
}
