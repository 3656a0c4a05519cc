/**
 * The import worker: a process of its own that runs one import, or one undo of an import batch, on its own
 * connection to the app's database and reports back over the protocol in ./protocol.ts. An undo of a
 * million rows is seconds of one synchronous transaction: here it holds this process, not the app's. Whatever a hostile or huge file does
 * to it (a V8 heap out-of-memory, a native crash, a kill), the app that started it keeps running, and
 * the import's transaction was never committed, so SQLite rolls it back: nothing is lost or half-written.
 *
 * Started by Node's child_process.fork (the CLI and the loopback bridge) or Electron's utilityProcess
 * (the app); both hand it a parent port, with different names.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../../db/open';
import * as schema from '../../../db/schema';
import { openWriterConnection } from '../connection';
import { runImport } from '../run-import';
import { undoBatch } from '../undo';
import type { ImportSource } from '../source';
import type { ImportProgress } from '../types';
import { toWorkerError, type FromWorker, type ToWorker } from './protocol';

interface ParentPort {
  post(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
}

type ElectronParentPort = { postMessage(message: unknown): void; on(event: 'message', listener: (event: { data: unknown }) => void): void };

function parentPort(): ParentPort {
  const electron = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electron) return { post: (m) => electron.postMessage(m), onMessage: (l) => electron.on('message', (e) => l(e.data as ToWorker)) };
  const send = process.send?.bind(process);
  if (send) return { post: (m) => send(m), onMessage: (l) => process.on('message', (m) => l(m as ToWorker)) };
  throw new Error('The import worker runs only when TierBook starts it (no parent channel).');
}

/** Structured cloning hands bytes over as a plain Uint8Array; the readers expect a Buffer's methods. */
function sourceOf(source: ImportSource): ImportSource {
  return 'path' in source ? source : { bytes: Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength), fileName: source.fileName };
}

const port = parentPort();
const cancel = new AbortController();
let started = false;

port.onMessage((message) => {
  if (message.type === 'cancel') cancel.abort();
  else if (message.type === 'start' && !started) {
    started = true;
    void run(message);
  } else if (message.type === 'undo' && !started) {
    started = true;
    undo(message);
  }
});

async function run(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  let reply: FromWorker;
  try {
    const client = openWriterConnection(message.dbPath);
    try {
      const options = { ...message.options, source: sourceOf(message.options.source), signal: cancel.signal, onProgress: (progress: ImportProgress) => port.post({ type: 'progress', progress }) };
      reply = { type: 'done', result: await runImport(client, options, message.now) };
    } finally {
      // Closed before the reply, so when the app hears back, the worker holds no lock on the database.
      client.close();
    }
  } catch (error) {
    reply = { type: 'failed', error: toWorkerError(error) };
  }
  port.post(reply);
}

function undo(message: Extract<ToWorker, { type: 'undo' }>): void {
  let reply: FromWorker;
  try {
    const client = openWriterConnection(message.dbPath);
    try {
      reply = { type: 'undone', result: undoBatch(drizzle(client, { schema }) as unknown as Db, message.batchId, message.now) };
    } finally {
      client.close();
    }
  } catch (error) {
    reply = { type: 'failed', error: toWorkerError(error) };
  }
  port.post(reply);
}

// The app went away (quit, crash): stop; SQLite rolls back the open transaction when the process ends.
process.on('disconnect', () => process.exit(0));
