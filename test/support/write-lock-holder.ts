import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { ROOT } from './test-app';

/**
 * Another process in the middle of a write to `dbPath`, as an import or the app would be: its connection holds the
 * write lock (BEGIN IMMEDIATE and a change not yet committed) until `release` rolls it back. A process of its own,
 * so the lock is held while the test waits on a command run synchronously.
 */
export interface WriteLockHolder {
  release(): Promise<void>;
}

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.prepare('UPDATE settings SET updated_at = updated_at WHERE id = 1').run();
process.stdout.write('holding\\n');
process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
`;

export async function holdWriteLock(dbPath: string): Promise<WriteLockHolder> {
  const child = spawn(process.execPath, ['-e', HOLDER, dbPath], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the lock holder ended before holding the lock (exit ${code})`)));
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('holding')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return {
    async release() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.end('release\n');
      await exited;
    },
  };
}
