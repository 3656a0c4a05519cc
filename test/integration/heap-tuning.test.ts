import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/test-app';

const MIB = 2 ** 20;

/** test/support/heap-workload.ts in a process of its own: V8's flags are per process. */
function workload(mode: 'tuned' | 'default'): { startNewSpace: number; maxNewSpace: number; peakHeap: number; kept: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'heap-workload.ts'), mode], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe('the heap tuning of the processes that hold the tiers (core/heap-tuning.ts)', () => {
  it('takes effect when set in a running process: the young generation stays small and the heap peaks far lower', () => {
    const untuned = workload('default');
    const tuned = workload('tuned');
    expect(tuned.kept).toBe(untuned.kept);
    // Without the tuning, the workload does make V8 grow the young generation and let the old one swell:
    // the comparison below could fail.
    expect(untuned.maxNewSpace).toBeGreaterThanOrEqual(64 * MIB);
    expect(tuned.maxNewSpace).toBeLessThanOrEqual(16 * MIB);
    expect(tuned.peakHeap).toBeLessThan(untuned.peakHeap / 2);
  });
});
