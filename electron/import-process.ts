import { utilityProcess, type UtilityProcess } from 'electron';
import { join } from 'node:path';
import { IMPORT_WORKER_HEAP_MB, tailKeeper, type WorkerExit, type WorkerLauncher } from '../core/importing/worker/launcher';
import type { FromWorker, ToWorker } from '../core/importing/worker/protocol';
import { appRoot } from '../core/paths';

/**
 * Import workers as Electron utility processes: Chromium's own child-process host, which needs no
 * run-as-node fuse (ours is off) and reports a crash as an exit code. The worker script is the bundle
 * next to main.cjs, inside the asar like the rest of the app.
 */
export function utilityImportWorker(): WorkerLauncher {
  const script = join(appRoot(), 'dist', 'main', 'import-worker.cjs');
  return () => {
    const child: UtilityProcess = utilityProcess.fork(script, [], {
      serviceName: 'TierBook import',
      execArgv: [`--max-old-space-size=${IMPORT_WORKER_HEAP_MB}`],
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr = tailKeeper();
    child.stderr?.on('data', (chunk: Buffer) => stderr.add(chunk));
    // Messages wait for the process to be up, so the start message is never posted into the void.
    let spawned = false;
    let exited = false;
    const queued: ToWorker[] = [];
    child.once('spawn', () => {
      spawned = true;
      for (const message of queued.splice(0)) child.postMessage(message);
    });
    const exitListeners: Array<(exit: WorkerExit) => void> = [];
    child.once('exit', (code) => {
      exited = true;
      for (const listener of exitListeners) listener({ code, signal: null });
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (exited) return;
        if (spawned) child.postMessage(message);
        else queued.push(message);
      },
      onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromWorker)),
      onExit: (listener) => exitListeners.push(listener),
      stderrTail: () => stderr.text(),
      kill: () => {
        if (!exited) child.kill();
      },
    };
  };
}
