import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from '../../paths';
import { IMPORT_WORKER_HEAP_MB, tailKeeper, type WorkerExit, type WorkerLauncher } from './launcher';
import type { FromWorker } from './protocol';

declare const __filename: string | undefined;

export interface WorkerCommand {
  script: string;
  /** Node flags before the script (the TypeScript loader when running from source). */
  execArgv: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Which worker script to start: the bundle next to the app's own (dist/main/import-worker.cjs) when
 * TierBook runs from dist/, or the TypeScript entry through tsx when it runs from source (the CLI
 * under tsx, the tests), so a test never runs a stale bundle.
 */
export function importWorkerCommand(): WorkerCommand {
  const root = appRoot();
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { script: join(root, 'core', 'importing', 'worker', 'entry.ts'), execArgv: ['--import', 'tsx'], cwd: root };
  return { script: join(root, 'dist', 'main', 'import-worker.cjs'), execArgv: [], cwd: root };
}

/** Import workers as Node child processes of the same Node binary, for the CLI and the loopback bridge. */
export function forkImportWorker(command: WorkerCommand = importWorkerCommand()): WorkerLauncher {
  return () => {
    const child = fork(command.script, [], {
      execPath: process.execPath,
      execArgv: [...command.execArgv, `--max-old-space-size=${IMPORT_WORKER_HEAP_MB}`],
      cwd: command.cwd,
      env: command.env ?? process.env,
      // Bytes uploaded from a browser cross as a Uint8Array, not as a JSON array of numbers.
      serialization: 'advanced',
      // The worker prints nothing on stdout (the CLI's --json output stays clean); stderr is kept for crash reports.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const stderr = tailKeeper();
    child.stderr?.on('data', (chunk: Buffer) => stderr.add(chunk));
    const exitListeners: Array<(exit: WorkerExit) => void> = [];
    let exited = false;
    const exit = (value: WorkerExit) => {
      if (exited) return;
      exited = true;
      for (const listener of exitListeners) listener(value);
    };
    child.on('exit', (code, signal) => exit({ code, signal }));
    // A failed spawn or a message sent into a closed channel: without a listener it would throw in the app.
    child.on('error', (error) => {
      stderr.add(`\n${error.message}`);
      if (child.exitCode === null && child.signalCode === null && child.pid === undefined) exit({ code: null, signal: null });
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromWorker)),
      onExit: (listener) => exitListeners.push(listener),
      stderrTail: () => stderr.text(),
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
    };
  };
}
