import type { FromWorker, ToWorker } from './protocol';

/** How a worker ended: Node gives an exit code or a signal; Electron's utilityProcess only a code. */
export interface WorkerExit {
  code: number | null;
  signal: string | null;
}

/**
 * One running import worker, whichever way it was started (child_process.fork or Electron's
 * utilityProcess). The runner speaks only to this, so both transports share its crash handling.
 */
export interface WorkerHandle {
  /** Undefined until the operating system has started the process. */
  readonly pid: number | undefined;
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once when the process ends or could not be started. */
  onExit(listener: (exit: WorkerExit) => void): void;
  /** The last lines the worker wrote on stderr (V8's "heap out of memory" and the like), for the error message. */
  stderrTail(): string;
  kill(): void;
}

export type WorkerLauncher = () => WorkerHandle;

/**
 * The worker's V8 heap cap, in MB. A runaway file (a zip bomb, a 4 GB cell) then ends the worker with a
 * clear out-of-memory well before it drives a small office PC into swap; a streaming import of a real
 * file stays far below it (its memory is flat in the number of rows).
 */
export const IMPORT_WORKER_HEAP_MB = 2048;

/** Keeps the last `limit` characters of a stream of text chunks. */
export function tailKeeper(limit = 2000): { add(chunk: Buffer | string): void; text(): string } {
  let tail = '';
  return {
    add: (chunk) => {
      tail = (tail + chunk.toString()).slice(-limit);
    },
    text: () => tail.trim(),
  };
}
