/**
 * The bench's memory child reports its own peak RSS, not the memory of the process that started it: with DuckDB's
 * memory in the parent (as the bench holds it when it starts the child), getrusage's figure in the child is the
 * parent's at the fork, while the child's own high-water mark follows what the child itself allocates.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const MIB = 1024 * 1024;

function child(mib: number): { own: number; rusage: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'peak-rss-child.ts'), String(mib)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { own: number; rusage: number };
}

describe("the bench child's own peak RSS", () => {
  it('follows what the child allocates and leaves out the parent it was forked from', async () => {
    const small = child(10);
    const large = child(210);
    // Two hundred more mebibytes touched: the peak rises by about that much.
    expect(large.own - small.own).toBeGreaterThan(180 * MIB);
    expect(large.own - small.own).toBeLessThan(260 * MIB);

    // Now the parent holds DuckDB's memory, far more than the small child ever does.
    const duck = await DuckDBInstance.create(':memory:');
    const connection = await duck.connect();
    await connection.run('CREATE TABLE t AS SELECT range AS i, random() AS r FROM range(12000000)');
    try {
      const parentRss = process.memoryUsage().rss;
      const after = child(10);
      // getrusage reports the fork's copy of the parent (the figure the bench printed before)…
      expect(after.rusage).toBeGreaterThan(small.own + 100 * MIB);
      // …the child's own high-water mark does not.
      expect(after.own).toBeLessThan(small.own + 40 * MIB);
      expect(after.own).toBeLessThan(parentRss);
    } finally {
      connection.closeSync();
      duck.closeSync();
    }
  });
});
