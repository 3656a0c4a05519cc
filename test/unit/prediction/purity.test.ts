/**
 * The prediction model stays pure (no I/O, no clock, no Node, no DB, no React), so it runs anywhere and
 * tests without set-up. The repository has no lint step; this test is the per-folder import rule.
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
    for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\/[a-z0-9-]+$/);
    expect(text).not.toMatch(/\bDate\s*\.\s*now|\bnew\s+Date\b|\bperformance\s*\.|\bprocess\s*\./);
  });
});
