import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorBody } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A value of the wrong type (a number where a name belongs, text where an amount's flag belongs) was refused as
 * "required", as if nothing had been given: zod names the value it met only when asked. Given as something else, it
 * is an invalid value; not given at all, it is required.
 */
let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.cleanup());

async function issuesOf(name: string, input: unknown): Promise<AppErrorBody['issues']> {
  const result = await app.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error.issues;
}

describe('a value of the wrong type', () => {
  it('is an invalid value, not a missing one', async () => {
    expect(await issuesOf('customers:create', { name: 42 })).toEqual([{ path: ['name'], key: 'invalid_value' }]);
    expect(await issuesOf('customers:create', { name: ['Acme'] })).toEqual([{ path: ['name'], key: 'invalid_value' }]);
    expect(await issuesOf('customers:get', { id: null })).toEqual([{ path: ['id'], key: 'invalid_value' }]);
  });

  it('not given at all is required', async () => {
    expect(await issuesOf('customers:create', {})).toEqual([{ path: ['name'], key: 'required' }]);
    expect(await issuesOf('customers:get', {})).toEqual([{ path: ['id'], key: 'required' }]);
  });
});
