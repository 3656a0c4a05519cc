import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/**
 * `predict fit --summary FILE`: a file that cannot be fitted is refused input (exit 1) with the file's fault
 * named; only a mistaken command line (an unknown unit) is a usage mistake (exit 2).
 */
describe('predict fit --summary', () => {
  const dir = tempDir();

  it('a summary whose rows are not numbers exits 2 and says which file and why', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'frequency,recency,T\n2,ten,30\n');
    const run = cli('predict', 'fit', '--summary', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: --summary ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(run.stdout).toBe('');
  });

  it('a file that is not there and an unknown unit are both bad input (exit 2)', () => {
    expect(cli('predict', 'fit', '--summary', join(dir, 'missing.csv')).code).toBe(2);
    const file = join(dir, 'good.csv');
    writeFileSync(file, 'frequency,recency,T\n2,10,30\n0,0,30\n1,5,30\n');
    expect(cli('predict', 'fit', '--summary', file, '--unit', 'fortnight').code).toBe(2);
  });
});
