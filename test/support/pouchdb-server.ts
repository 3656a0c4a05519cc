import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, tempDir } from './test-app';

/**
 * pouchdb-server, the CouchDB stand-in the team tests replicate through, on 127.0.0.1 only.
 * Beware: pouchdb-server 4.2 crashes when a non-admin user asks it to create a database (CouchDB answers
 * 401); tests create databases as the server admin.
 */
export interface TestCouch {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  port: number;
  /** Creates a database (as the server admin once there is one) and returns its address. */
  createDb(name: string): Promise<string>;
  /**
   * Ends the "admin party" (everyone an admin) as a real CouchDB install does: from then on the server
   * checks users, database members and admins like CouchDB.
   */
  addServerAdmin(name: string, password: string): Promise<void>;
  /** A person's user in `_users`. */
  addUser(name: string, password: string): Promise<void>;
  /** The database's `_security`: who may read and write documents, and who may also change design documents. */
  setSecurity(db: string, security: { admins: string[]; members: string[] }): Promise<void>;
  stop(): Promise<void>;
}

const BIN = join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts pouchdb-server in memory in a scratch folder (its config and log go there, nowhere else) and
 * waits until it answers. Throws, with the server's own output, if it has not answered within the time.
 */
export async function startTestCouch(options: { timeoutMs?: number } = {}): Promise<TestCouch> {
  if (!existsSync(BIN)) throw new Error(`pouchdb-server is not installed at ${BIN}: the team tests need it (it is a devDependency).`);
  const dir = tempDir();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json'), '--no-stdout-logs'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`pouchdb-server exited (code ${exited}) before answering:\n${output}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = existsSync(join(dir, 'log.txt')) ? readFileSync(join(dir, 'log.txt'), 'utf8') : '';
      throw new Error(`pouchdb-server did not answer on ${url} within ${options.timeoutMs ?? 30_000} ms:\n${output}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  let admin: Record<string, string> = {};
  const send = async (method: 'PUT', path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...admin }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status !== 201 && response.status !== 200) throw new Error(`${method} ${path} failed: HTTP ${response.status} ${await response.text()}`);
  };
  return {
    url,
    port,
    async createDb(name) {
      await send('PUT', `/${name}`);
      return `${url}/${name}`;
    },
    async addServerAdmin(name, password) {
      await send('PUT', `/_config/admins/${encodeURIComponent(name)}`, password);
      admin = { authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` };
    },
    async addUser(name, password) {
      await send('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles: [], type: 'user' });
    },
    async setSecurity(db, security) {
      await send('PUT', `/${db}/_security`, { admins: { names: security.admins, roles: [] }, members: { names: security.members, roles: [] } });
    },
    async stop() {
      if (exited === undefined) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
