import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askUntilSettled, type MaybeProvisional } from '../../../renderer/app/until-settled';

interface Count extends MaybeProvisional {
  total: number;
}

/** An ask that answers from a script, one entry per call, and counts its calls. */
function scripted(...answers: Array<Count | Error>) {
  let calls = 0;
  const ask = () => {
    const next = answers[Math.min(calls, answers.length - 1)]!;
    calls += 1;
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { ask, calls: () => calls };
}

function recorder() {
  const answers: number[] = [];
  let settled = 0;
  return { on: { answer: (c: Count) => answers.push(c.total), settled: () => (settled += 1) }, answers, settled: () => settled };
}

describe('asking until the tiers are settled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once when the first answer is settled, and says nothing more', async () => {
    const { ask, calls } = scripted({ total: 130, placedSince: 0 });
    const r = recorder();
    askUntilSettled(ask, r.on, 1000, 10);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls()).toBe(1);
    expect(r.answers).toEqual([130]);
    expect(r.settled()).toBe(0);
  });

  it('asks again while provisional, takes each answer, and says settled once when it is', async () => {
    const { ask, calls } = scripted({ total: 107, placedSince: 5000 }, { total: 107, placedSince: 5000 }, { total: 130, placedSince: 0 });
    const r = recorder();
    askUntilSettled(ask, r.on, 1000, 10);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.answers).toEqual([107]);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.answers).toEqual([107, 107, 130]);
    expect(r.settled()).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls()).toBe(3);
  });

  it('gives up after its most asks when the answer never settles', async () => {
    const { ask, calls } = scripted({ total: 1, placedSince: 1 });
    const r = recorder();
    askUntilSettled(ask, r.on, 1000, 4);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls()).toBe(4);
    expect(r.settled()).toBe(0);
  });

  it('ends quietly when an ask fails', async () => {
    const { ask, calls } = scripted({ total: 9, placedSince: 2 }, new Error('closed'), { total: 10, placedSince: 0 });
    const r = recorder();
    askUntilSettled(ask, r.on, 1000, 10);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls()).toBe(2);
    expect(r.answers).toEqual([9]);
    expect(r.settled()).toBe(0);
  });

  it('once stopped, drops an answer still on its way and asks no more', async () => {
    let resolve!: (c: Count) => void;
    const ask = vi.fn(() => new Promise<Count>((r) => (resolve = r)));
    const r = recorder();
    const stop = askUntilSettled(ask, r.on, 1000, 10);
    stop();
    resolve({ total: 5, placedSince: 1 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(r.answers).toEqual([]);
  });

  it('stopped between asks, asks no more', async () => {
    const { ask, calls } = scripted({ total: 3, placedSince: 1 });
    const r = recorder();
    const stop = askUntilSettled(ask, r.on, 1000, 10);
    await vi.advanceTimersByTimeAsync(500);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls()).toBe(1);
    expect(r.answers).toEqual([3]);
  });
});
