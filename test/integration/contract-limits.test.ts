import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../../shared/contract/limits';
import { MAX_RULE_DEPTH } from '../../shared/segmentation';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.cleanup());

type Group = { kind: 'group'; op: 'and' | 'or'; conditions: unknown[] };
/** A rule of `levels` groups, each inside the previous one. */
function nestedRule(levels: number): Group {
  const root: Group = { kind: 'group', op: 'and', conditions: [] };
  let at = root;
  for (let i = 1; i < levels; i++) {
    const inner: Group = { kind: 'group', op: 'or', conditions: [] };
    at.conditions.push(inner);
    at = inner;
  }
  return root;
}

describe('the contract bounds every array and every nesting', () => {
  it('names the bound a number broke, in English too', async () => {
    const big = await app.dispatch('customers:list', { limit: 100_000_000 });
    expect(big).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['limit'], key: 'number_too_big', params: { max: 5000 } }] } });
    expect(big.ok ? '' : big.error.message).toBe('limit must be at most 5000');
    const small = await app.dispatch('customers:list', { limit: 0 });
    expect(small).toMatchObject({ ok: false, error: { issues: [{ path: ['limit'], key: 'number_too_small', params: { min: 1 } }] } });
    expect(small.ok ? '' : small.error.message).toBe('limit must be at least 1');
    // A bound with a message of its own keeps it; a value of the wrong type is still not valid.
    expect(await app.dispatch('settings:update', { remindersEnabled: 'yes' })).toMatchObject({ ok: false, error: { issues: [{ key: 'invalid_value' }] } });
  });

  it('refuses over-long filter and contact lists with too_many and the maximum, in English too', async () => {
    const countries = await app.dispatch('customers:list', { countries: Array.from({ length: 10_000 }, () => 'CN') });
    expect(countries).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['countries'], key: 'too_many', params: { max: 200 } }] } });
    expect(countries.ok ? '' : countries.error.message).toBe('countries has too many entries (at most 200)');
    for (const field of ['tags', 'owners']) {
      expect(await app.dispatch('customers:list', { [field]: Array.from({ length: 201 }, (_, i) => `v${i}`) })).toMatchObject({ ok: false, error: { issues: [{ path: [field], key: 'too_many' }] } });
    }
    expect(await app.dispatch('customers:list', { tags: ['x'.repeat(41)] })).toMatchObject({ ok: false, error: { issues: [{ path: ['tags', 0], key: 'text_too_long', params: { length: 41, max: 40, over: 1 } }] } });
    const contacts = Array.from({ length: 1000 }, (_, i) => ({ kind: 'email', value: `a${i}@example.com` }));
    expect(await app.dispatch('customers:checkDuplicates', { contacts })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['contacts'], key: 'too_many', params: { max: 20 } }] } });
    // Within the bounds the same calls work.
    expect(await app.dispatch('customers:list', { countries: ['CN', 'DE'], tags: ['vip'] })).toMatchObject({ ok: true });
    expect(await app.dispatch('customers:checkDuplicates', { contacts: contacts.slice(0, 20) })).toMatchObject({ ok: true, value: { duplicates: [] } });
  });

  it('refuses a custom rule nested 1000 levels, or one level past the maximum, with too_deep', async () => {
    expect(await app.dispatch('segments:custom:save', { name: 'deep', rule: nestedRule(1000) })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ key: 'too_deep' }] } });
    expect(await app.dispatch('segments:custom:save', { name: 'deep', rule: nestedRule(MAX_RULE_DEPTH + 1) })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['rule'], key: 'too_deep' }] } });
    expect(await app.dispatch('segments:custom:save', { name: 'just deep enough', rule: nestedRule(MAX_RULE_DEPTH) })).toMatchObject({ ok: true });
  });

  it('refuses a custom rule with too many conditions in all as too_complex, and too many in one group as too_many', async () => {
    const wide = (n: number): Group => ({ kind: 'group', op: 'or', conditions: Array.from({ length: n }, (_, i) => ({ kind: 'tag', op: 'has', tag: `t${i}` })) });
    const big = { kind: 'group', op: 'and', conditions: Array.from({ length: 5 }, () => wide(45)) };
    expect(await app.dispatch('segments:custom:save', { name: 'big', rule: big })).toMatchObject({ ok: false, error: { issues: [{ path: ['rule'], key: 'too_complex' }] } });
    expect(await app.dispatch('segments:custom:save', { name: 'wide', rule: wide(51) })).toMatchObject({ ok: false, error: { issues: [{ path: ['rule', 'conditions'], key: 'too_many' }] } });
  });

  it('refuses any input nested deeper than the contract allows before validating it, on every channel', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    for (const channel of ['segments:config:set', 'customers:create', 'import:preview', 'workspace:status'] as const) {
      expect(await app.dispatch(channel, { overrides: { rfm: deep }, name: deep, source: deep }), channel).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: [], key: 'too_deep' }] } });
    }
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(MAX_INPUT_DEPTH).toBeGreaterThan(2 * MAX_RULE_DEPTH + 2);
  });

  it('bounds the free-form records: an import mapping and the segmentation settings', async () => {
    const mapping = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`column ${i}`, null]));
    expect(await app.dispatch('import:preview', { kind: 'customers', source: { base64: 'YQ==', fileName: 'a.csv' }, mapping })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['mapping'], key: 'too_many', params: { max: 1000 } }] },
    });
    const overrides = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`section${i}`, {}]));
    expect(await app.dispatch('segments:config:set', { overrides })).toMatchObject({ ok: false, error: { issues: [{ path: ['overrides'], key: 'too_many' }] } });
  });
});
