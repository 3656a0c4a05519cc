import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { MIGRATIONS, ROOT, tempDir } from '../support/test-app';

const ROWS = 8_000;
const CHILD = join(ROOT, 'test', 'support', 'import-child.ts');

/** Runs the importing child; `killAt` decides, line by line, when to SIGKILL it. */
function runChild(dbPath: string, csvPath: string, killAt: (line: string) => boolean): Promise<{ killed: boolean; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, csvPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (!killed && killAt(line)) {
          killed = child.kill('SIGKILL');
        }
      }
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ killed: signal === 'SIGKILL', lines });
    });
  });
}

/** Mulberry32: the same "random" kill points on every run, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('crash safety', () => {
  it('a process killed with SIGKILL at random points mid-import leaves a sound database with the whole batch or none of it', async () => {
    const dir = tempDir();
    const csv = join(dir, 'big.csv');
    const lines = ['客户名称,公司名称,手机,邮箱,标签'];
    for (let i = 0; i < ROWS; i++) lines.push(`客户${i},公司${i % 977},1${String(3000000000 + i * 7).padStart(10, '0')},c${i}@example.com,批量`);
    writeFileSync(csv, lines.join('\n'));
    const template = join(dir, 'template.sqlite');
    openDatabase(template, MIGRATIONS).$client.close();

    const next = random(20261123);
    const trials = Array.from({ length: 10 }, (_, i) => {
      // Half the kills land on a progress report (inside the transaction), half at any output line.
      const atProgress = i % 2 === 0;
      const target = Math.floor(next() * (ROWS / 500));
      return { db: join(dir, `trial-${i}.sqlite`), atProgress, target };
    });
    const outcomes: Array<{ customers: number; batches: number; killed: boolean }> = [];
    // Two at a time: each child pays Node + tsx start-up, which dominates on a 2-core machine.
    for (let i = 0; i < trials.length; i += 2) {
      await Promise.all(
        trials.slice(i, i + 2).map(async (trial) => {
          copyFileSync(template, trial.db);
          let seen = 0;
          const run = await runChild(trial.db, csv, (line) => (trial.atProgress ? line.startsWith('progress') && seen++ === trial.target : seen++ === trial.target % 7));
          const db = openDatabase(trial.db, MIGRATIONS).$client;
          try {
            expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
            const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
            const contacts = db.prepare('SELECT count(*) FROM contact_channels').pluck().get() as number;
            const batches = db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number;
            // Bulk mode was set inside the killed transaction: it went with it.
            expect(db.prepare('SELECT active FROM bulk_write WHERE id = 1').pluck().get()).toBe(0);
            expect([0, ROWS]).toContain(customers);
            expect(contacts).toBe(customers * 2);
            expect(batches).toBe(customers === ROWS ? 1 : 0);
            if (batches) expect(db.prepare('SELECT added FROM import_batches').pluck().get()).toBe(ROWS);
            outcomes.push({ customers, batches, killed: run.killed });
          } finally {
            db.close();
          }
        }),
      );
    }
    expect(outcomes).toHaveLength(10);
    // The kill points really interrupted imports: most trials end with nothing imported.
    expect(outcomes.filter((o) => o.killed && o.customers === 0).length).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
