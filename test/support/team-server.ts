import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './test-app';

/** A free TCP port on 127.0.0.1 (the OS picks it; released just before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const TEAM_ADMIN = { user: 'admin', password: 'secret' };

export interface TeamServerProcess {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Starts pouchdb-server (LevelDB storage, no sqlite3 module needed) on 127.0.0.1 in `dir`, waits until it
 * answers and fails loudly if it does not within the time limit. `port` reuses a port after a restart.
 */
export async function startTeamServer(dir: string, port?: number, timeoutMs = 20_000): Promise<TeamServerProcess> {
  mkdirSync(dir, { recursive: true });
  const chosen = port ?? (await freePort());
  const bin = join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
  const child: ChildProcess = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(chosen), '--dir', dir, '--config', join(dir, 'config.json'), '--no-stdout-logs'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}: ${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pouchdb-server did not answer on ${url} within ${timeoutMs} ms: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Leave admin party: the team logs in as admin/secret, and a wrong password is refused as on CouchDB.
  const admin = await fetch(`${url}/_config/admins/${TEAM_ADMIN.user}`, { method: 'PUT', body: JSON.stringify(TEAM_ADMIN.password) });
  if (!admin.ok && admin.status !== 401) throw new Error(`pouchdb-server refused to set its admin: ${admin.status} ${await admin.text()}`);
  return {
    url,
    port: chosen,
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
