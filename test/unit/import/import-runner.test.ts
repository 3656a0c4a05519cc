import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../../core/importing/worker/protocol';
import { processImportRunner } from '../../../core/importing/worker/runner';
import type { WorkerExit, WorkerHandle } from '../../../core/importing/worker/launcher';

/** A worker the test speaks for: it records what it was sent and whether it was killed. */
function fakeWorker(pid: number) {
  const listeners: Array<(message: FromWorker) => void> = [];
  const exits: Array<(exit: WorkerExit) => void> = [];
  const sent: ToWorker[] = [];
  let killed = false;
  const handle: WorkerHandle = {
    pid,
    send: (message) => sent.push(message),
    onMessage: (listener) => listeners.push(listener),
    onExit: (listener) => exits.push(listener),
    stderrTail: () => '',
    kill: () => {
      killed = true;
    },
  };
  return {
    handle,
    sent,
    killed: () => killed,
    say: (message: FromWorker) => listeners.forEach((listener) => listener(message)),
    exit: (exit: WorkerExit) => exits.forEach((listener) => listener(exit)),
  };
}

const undone = { batchId: 'b', customersRemoved: 1, customersRestored: 0, ordersRemoved: 0, followUpsRemoved: 0 };
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the import runner: a worker winds down after its answer', () => {
  it('answers at once, keeps the worker until it says it closed, and settles then', async () => {
    const worker = fakeWorker(11);
    const runner = processImportRunner(() => worker.handle);
    const undo = runner.undo('/db', 'b', 'now');
    expect(runner.workers()).toEqual([11]);
    worker.say({ type: 'undone', result: undone });
    expect(await undo).toEqual(undone);
    // Answered: no longer running work anyone waits for, but not killed while it checkpoints.
    expect(runner.workers()).toEqual([]);
    expect(worker.killed()).toBe(false);
    let settled = false;
    void runner.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    worker.say({ type: 'closed' });
    await tick();
    expect(settled).toBe(true);
    expect(worker.killed()).toBe(true);
  });

  it('settles when a worker that answered ends without saying so, and close() ends one still winding down', async () => {
    const first = fakeWorker(21);
    const second = fakeWorker(22);
    const queue = [first, second];
    const runner = processImportRunner(() => queue.shift()!.handle);
    const a = runner.undo('/db', 'b', 'now');
    first.say({ type: 'undone', result: undone });
    await a;
    const ended = runner.settled();
    first.exit({ code: 0, signal: null });
    await ended;
    const b = runner.undo('/db', 'b', 'now');
    second.say({ type: 'undone', result: undone });
    await b;
    expect(second.killed()).toBe(false);
    runner.close();
    expect(second.killed()).toBe(true);
    await runner.settled();
  });

  it('ends a worker that failed at once: it committed nothing', async () => {
    const worker = fakeWorker(31);
    const runner = processImportRunner(() => worker.handle);
    const undo = runner.undo('/db', 'b', 'now');
    worker.say({ type: 'failed', error: { kind: 'other', name: 'Error', message: 'no batch' } });
    await expect(undo).rejects.toThrow();
    expect(worker.killed()).toBe(true);
    await runner.settled();
  });
});
