import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

/**
 * Electron's utilityProcess.fork, played by a Node child process with the same surface (spawn, message, exit with a
 * code, postMessage, kill, pid, stderr) running the worker entry from source through the shim, which gives it
 * Electron's process.parentPort. For tests that mock 'electron' and run electron/import-process.ts for real.
 */
export function forkUtilityProcess(_script: string, _args: string[], options: { execArgv?: string[] }) {
  const root = process.cwd();
  const child = fork(join(root, 'test', 'support', 'utility-process-shim.mjs'), [join(root, 'core', 'importing', 'worker', 'entry.ts')], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    cwd: root,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const utility = Object.assign(new EventEmitter(), {
    get pid() {
      return child.pid;
    },
    stderr: child.stderr,
    postMessage: (message: unknown) => child.send(message as never),
    kill: () => child.kill('SIGKILL'),
  });
  child.on('spawn', () => utility.emit('spawn'));
  child.on('message', (message) => utility.emit('message', message));
  // Electron reports a crash as an exit code only.
  child.on('exit', (code, signal) => utility.emit('exit', code ?? (signal ? 128 + 9 : 0)));
  return utility;
}
