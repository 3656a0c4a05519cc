import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { customers: 300 });
});
afterEach(() => app.cleanup());

describe('a recompute reports its progress', () => {
  it('answers progress calls between its steps, in order, and ends not running', async () => {
    const seen: string[] = [];
    const running = app.call('segments:recompute', { jobId: 'job-1' });
    let done = false;
    void running.then(() => (done = true));
    while (!done) {
      const progress = await app.call('segments:progress', { jobId: 'job-1' });
      if (progress.phase && seen[seen.length - 1] !== progress.phase) seen.push(progress.phase);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await running;
    expect(seen).toEqual(['customers', 'activity', 'classes', 'history']);
    expect(await app.call('segments:progress', { jobId: 'job-1' })).toMatchObject({ phase: 'history', step: 4, steps: 4, running: false });
    // The same answer as reading the segmentation afterwards.
    const overview = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(Object.fromEntries(overview.classes.map((c) => [c.classKey, c.count]))).toMatchObject(result.schemes.pyramid!);
    expect(result.stored).toBe(true);
  });

  it('does it again in one go when something was written between its steps', async () => {
    const running = app.call('segments:recompute', { jobId: 'job-2' });
    // Lands after the customers were read and before the orders are: a new customer with a big order.
    await new Promise((resolve) => setImmediate(resolve));
    const { customer } = await app.call('customers:create', { name: '新客户' });
    await app.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', amount: '99999999', currency: 'CNY' });
    const result = await running;
    const live = (await app.call('customers:list', {})).total;
    // Read in one go: the new customer is counted, and is the new top of the pyramid.
    expect(Object.values(result.schemes.type!).reduce((a, b) => a + b, 0)).toBe(live);
    expect(result.schemes.pyramid!.platinum).toBeGreaterThan(0);
    const top = await app.call('segments:members', { scheme: 'pyramid', classKey: 'platinum', limit: 1 });
    expect(top.rows[0]!.id).toBe(customer.id);
  });

  it('reports an unknown job as not running', async () => {
    expect(await app.call('segments:progress', { jobId: 'nope' })).toEqual({ phase: null, step: 0, steps: 4, running: false, elapsedMs: 0 });
  });
});

describe('screen reads after a change', () => {
  it('compute in steps, agree with each other, and never return a mixture of before and after', async () => {
    await app.call('segments:recompute', {});
    const customerId = (await app.call('customers:list', { limit: 1 })).rows[0]!.id;
    await app.call('orders:create', { customerId, orderDate: '2026-11-20', amount: '99999999', currency: 'CNY' });
    // Overview and members asked together, as the screen does; a new customer lands between their steps.
    const overview = app.call('segments:overview', { scheme: 'pyramid' });
    const members = app.call('segments:members', { scheme: 'pyramid', classKey: 'platinum', limit: 50 });
    await new Promise((resolve) => setImmediate(resolve));
    const { customer } = await app.call('customers:create', { name: '半路客户' });
    const [o, m] = await Promise.all([overview, members]);
    expect(m.rows.map((r) => r.id)).toContain(customerId);
    expect(o.classes.find((c) => c.classKey === 'platinum')!.count).toBe(m.total);
    // Read again: the new customer is there now (classes of customers without orders: 'none').
    const after = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(after.customers).toBe((await app.call('customers:list', {})).total);
    expect((await app.call('segments:explain', { customerId: customer.id })).schemes.pyramid!.classKey).toBe('none');
  });
});
