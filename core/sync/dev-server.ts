import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { appRoot } from '../paths';

/**
 * pouchdb-server, CouchDB's protocol-compatible stand-in, for trying team mode and for tests: LevelDB
 * storage in `dir` (no sqlite3 module needed), bound to 127.0.0.1 only, with one admin account so
 * logging in works as on CouchDB. It is a development dependency: a packaged app has no dev server.
 */
export const DEV_SERVER_ADMIN = { user: 'admin', password: 'secret' };

export interface DevServer {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; released just before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function serverScript(): string {
  const require = createRequire(join(appRoot(), 'package.json'));
  try {
    return join(dirname(require.resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');
  } catch {
    throw new Error('pouchdb-server is not installed here (it is a development dependency); run CouchDB instead (docs/team.md)');
  }
}

/** Starts the server and waits until it answers; fails loudly (with its output) when it does not in time. */
export async function startDevServer(options: { dir: string; port?: number; timeoutMs?: number; nodePath?: string }): Promise<DevServer> {
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(options.nodePath ?? process.execPath, [serverScript(), '--host', '127.0.0.1', '--port', String(port), '--dir', dir, '--config', join(dir, 'config.json'), '--no-stdout-logs'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}: ${output.trim()}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pouchdb-server did not answer on ${url} in time: ${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Leave "admin party" (anyone is admin): from here on requests log in, and a wrong password is refused.
  const admin = await fetch(`${url}/_config/admins/${DEV_SERVER_ADMIN.user}`, { method: 'PUT', body: JSON.stringify(DEV_SERVER_ADMIN.password) });
  if (!admin.ok && admin.status !== 401) throw new Error(`pouchdb-server refused to set its admin: ${admin.status}`);
  return {
    url,
    port,
    dir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}
