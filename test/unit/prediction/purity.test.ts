/**
 * The prediction model stays pure (no I/O, no clock, no Node, no DB, no React), so it runs anywhere and
 * tests without set-up. The repository has no lint step; this test is the per-folder import rule. The one
 * import from outside is shared/domain/steps.ts, itself pure: the generator helpers that let a fit run a
 * step per turn of the app's event loop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../../shared/prediction');

describe('shared/prediction is pure', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  it('has files to check', () => expect(files.length).toBeGreaterThan(5));
  it.each(files)('%s imports only its own folder and reads no clock', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^(\.\/[a-z0-9-]+|\.\.\/domain\/steps)$/);
    expect(text).not.toMatch(/\bDate\s*\.\s*now|\bnew\s+Date\b|\bperformance\s*\.|\bprocess\s*\./);
  });
  it('the step helpers it imports import nothing themselves', () => {
    const text = readFileSync(join(DIR, '../domain/steps.ts'), 'utf8');
    expect(text).not.toMatch(/\bfrom\s+['"]|\bimport\s*\(|\brequire\s*\(/);
  });
});
