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
import DatabaseConstructor from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../../db/open';
import * as schema from '../../../db/schema';
import { openWriterConnection } from '../connection';
import { undoBatch } from '../undo';
import type { ImportSource } from '../source';
import type { ImportProgress } from '../types';
import { toWorkerError, type FromWorker, type ToWorker } from './protocol';
import { quickCheck } from '../../backup/quick-check';
import { copyFromFile } from '../../backup/copy';

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
    run(message);
  } else if (message.type === 'undo' && !started) {
    started = true;
    undo(message);
  } else if (message.type === 'export' && !started) {
    started = true;
    exportFile(message);
  } else if (message.type === 'copy' && !started) {
    started = true;
    copy(message);
  } else if (message.type === 'check' && !started) {
    started = true;
    port.post({ type: 'checked', problems: quickCheck(message.path) });
    // Nothing written, nothing to copy back: done.
    port.post({ type: 'closed' });
  }
});

function run(message: Extract<ToWorker, { type: 'start' }>): void {
  void answerThenWindDown(message.dbPath, async (client) => {
    const options = { ...message.options, source: sourceOf(message.options.source), signal: cancel.signal, onProgress: (progress: ImportProgress) => port.post({ type: 'progress', progress }) };
    // Loaded by the import that needs them: the readers (encodings, spreadsheets, phone numbers) are most of this
    // bundle, and an undo or a backup check started without them (89 ms to load the worker with them, 70 without).
    const { runImport } = await import('../run-import');
    return { type: 'done', result: await runImport(client, options, message.now) };
  });
}

/**
 * An export on a read-only connection of its own: one snapshot, nothing to checkpoint. The exporter (and the
 * spreadsheet writer it loads) is loaded by the export that needs it, as the import's readers are.
 */
function exportFile(message: Extract<ToWorker, { type: 'export' }>): void {
  void (async () => {
    let client: Database.Database | null = null;
    try {
      const { exportToFile } = await import('../../exporting');
      client = new DatabaseConstructor(message.dbPath, { readonly: true, fileMustExist: true });
      port.post({ type: 'exported', result: await exportToFile(client, message.kind, message.path, message.options) });
    } catch (error) {
      port.post({ type: 'failed', error: toWorkerError(error) });
    } finally {
      client?.close();
    }
    port.post({ type: 'closed' });
  })();
}

/** A backup's copy (core/backup/copy.ts), on a read-only connection of its own that it closes before it answers. */
function copy(message: Extract<ToWorker, { type: 'copy' }>): void {
  void copyFromFile(message.dbPath, message.to, message.check)
    .then(
      (problems) => port.post({ type: 'copied', problems }),
      (error: unknown) => port.post({ type: 'failed', error: toWorkerError(error) }),
    )
    .then(() => port.post({ type: 'closed' }));
}

function undo(message: Extract<ToWorker, { type: 'undo' }>): void {
  void answerThenWindDown(message.dbPath, (client) => ({ type: 'undone', result: undoBatch(drizzle(client, { schema }) as unknown as Db, message.batchId, message.now) }));
}

/** Runs `work` on a connection of its own, posts its answer (or its failure), then winds down (windDown). */
async function answerThenWindDown(dbPath: string, work: (client: Database.Database) => FromWorker | Promise<FromWorker>): Promise<void> {
  let client: Database.Database | null = null;
  try {
    client = openWorkerConnection(dbPath);
    port.post(await work(client));
  } catch (error) {
    port.post({ type: 'failed', error: toWorkerError(error) });
  }
  await windDown(client);
}

/**
 * The writer's connection, with SQLite's checkpoint at commit turned off. A commit checkpoints by itself once the
 * WAL holds 1,000 pages: at a million orders that copied 300-550 MiB of WAL into the database before the
 * answer (1.3-2 s of an undo's 4). The worker answers first and checkpoints after (windDown).
 */
function openWorkerConnection(dbPath: string): Database.Database {
  const client = openWriterConnection(dbPath);
  client.pragma('wal_autocheckpoint = 0');
  return client;
}

/**
 * After the answer: copies the WAL this worker's commit left into the database, then closes the connection and
 * says so. Done here, not left to the app's connection, whose next commit would otherwise do it in the app's
 * main process. PASSIVE: it waits for no reader and blocks no writer; another process checkpointing at the same
 * time, or a reader still on an older snapshot, leaves some behind, so it tries again for a while.
 */
async function windDown(client: Database.Database | null): Promise<void> {
  if (client) {
    for (let attempt = 0; attempt < CHECKPOINT_ATTEMPTS; attempt++) {
      const [result] = client.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      if (!result || result.log < 0 || (result.busy === 0 && result.checkpointed >= result.log)) break;
      await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_RETRY_MS));
    }
    client.close();
  }
  port.post({ type: 'closed' });
}

/** About ten seconds of retries before the WAL is left to the next checkpoint. */
const CHECKPOINT_ATTEMPTS = 200;
const CHECKPOINT_RETRY_MS = 50;

// The app went away (quit, crash): stop; SQLite rolls back the open transaction when the process ends.
process.on('disconnect', () => process.exit(0));
