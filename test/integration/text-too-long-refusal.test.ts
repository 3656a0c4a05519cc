import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api/client';
import { constraintError } from '../../core/sqlite-errors';
import { errorText } from '../../renderer/components/errors';
import type { AppErrorBody } from '../../shared/contract';
import { bothTranslators } from '../support/both-languages';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A custom segment's tag of 41 characters was refused with a bare "Too long" / "内容过长", where every field that
 * is typed past its limit says its length, the limit and how much to cut. The save's refusal now says the same.
 */
let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.cleanup());
const ts = bothTranslators();

const tagRule = (tag: string) => ({ kind: 'group', op: 'and', conditions: [{ kind: 'tag', op: 'has', tag }] });

async function refusal(name: string, input: unknown): Promise<AppErrorBody> {
  const result = await app.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
}

describe('a text past its limit, refused by the save', () => {
  it('names the length and the limit of a custom segment’s tag, in both languages and in the English message', async () => {
    const tag = '批发'.repeat(20) + 'X'; // 41 characters
    expect([...tag].length).toBe(41);
    const error = await refusal('segments:custom:save', { name: 'long tag', rule: tagRule(tag) });
    expect(error.issues).toEqual([{ path: ['rule', 'conditions', 0, 'tag'], key: 'text_too_long', params: { length: 41, max: 40, over: 1 } }]);
    expect(error.message).toBe('rule.conditions.0.tag is 41 characters, at most 40: shorten it by 1');
    const said = new ApiError(error);
    expect(errorText(said, ts.en)).toBe('41 characters, at most 40: shorten it by 1 to save (nothing was cut)');
    expect(errorText(said, ts['zh-CN'])).toBe('共 41 个字符，最多 40 个：删去 1 个字符后才能保存（内容没有被截断）');
    expect((await app.call('segments:custom:list', {})).segments).toEqual([]);
  });

  it('counts as the save counts: after the trim, an emoji as one character', async () => {
    // 40 faces fit; the spaces around them are trimmed before the count.
    expect(await app.dispatch('segments:custom:save', { name: 'faces', rule: tagRule(`  ${'😀'.repeat(40)}  `) })).toMatchObject({ ok: true });
    const error = await refusal('segments:custom:save', { name: 'more faces', rule: tagRule(`  ${'😀'.repeat(43)}  `) });
    expect(error.issues?.[0]?.params).toEqual({ length: 43, max: 40, over: 3 });
  });

  it('says large numbers as the user’s language groups them, and the same way for any field with a limit', async () => {
    const error = await refusal('followups:create', { customerId: 'x', content: 'a'.repeat(4321) });
    const issue = error.issues?.find((i) => i.path[0] === 'content');
    expect(issue).toEqual({ path: ['content'], key: 'text_too_long', params: { length: 4321, max: 4000, over: 321 } });
    const said = new ApiError({ ...error, issues: [issue!] });
    expect(errorText(said, ts.en)).toBe('4,321 characters, at most 4,000: shorten it by 321 to save (nothing was cut)');
    expect(errorText(said, ts['zh-CN'])).toBe('共 4,321 个字符，最多 4,000 个：删去 321 个字符后才能保存（内容没有被截断）');
  });
});

describe('a limit that is not a text’s', () => {
  it('the custom segment count says at most how many segments, in both languages, and saves nothing', async () => {
    const own = openTestApp();
    try {
      for (let i = 0; i < 100; i++) await own.call('segments:custom:save', { name: `S${i}`, rule: tagRule(`t${i}`) });
      const error = await (async () => {
        const result = await own.dispatch('segments:custom:save', { name: 'one more', rule: tagRule('x') });
        if (result.ok) throw new Error('the 101st segment was saved');
        return result.error;
      })();
      expect(error.issues).toEqual([{ path: [], key: 'too_many_custom_segments', params: { max: 100 } }]);
      expect(error.message).toBe('input at most 100 custom segments can be kept: delete one no longer used to add another');
      const said = new ApiError(error);
      expect(errorText(said, ts.en)).toBe('At most 100 custom segments: delete one you no longer use to add another');
      expect(errorText(said, ts['zh-CN'])).toBe('自定义分群最多 100 个：删除一个不再使用的分群后才能新建');
      // Counted another way: the segments stored.
      expect(own.db.$client.prepare(`SELECT count(*) FROM custom_segments WHERE deleted_at IS NULL`).pluck().get()).toBe(100);
    } finally {
      own.cleanup();
    }
  });
});

describe('a text the database refuses as too long', () => {
  /** The database's own refusal of a responsible person, as SQLite raises it. */
  function refused(responsible: string): unknown {
    try {
      app.db.$client
        .prepare(`INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority, responsible) VALUES ('p-long', 'n', 'n', 'pyramid', 'gold', 14, 1, ?)`)
        .run(responsible);
    } catch (error) {
      return error;
    }
    throw new Error('the database took it');
  }

  it('a service policy’s responsible person says its length, the limit and how much to cut, at its place in the call', () => {
    const name = '华南区销售经理张伟'.repeat(12); // 108 characters
    expect([...name].length).toBe(108);
    const input = { policies: [{ scheme: 'pyramid', classKey: 'silver', responsible: 'Li' }, { scheme: 'pyramid', classKey: 'gold', responsible: name }] };
    const error = constraintError(refused(name), input)!.toBody();
    expect(error.issues).toEqual([{ path: ['policies', 1, 'responsible'], key: 'text_too_long', params: { length: 108, max: 100, over: 8 } }]);
    expect(error.message).toBe('Rejected by the database: policies.1.responsible is 108 characters, at most 100: shorten it by 8 (service_policies_responsible_length)');
    const said = new ApiError(error);
    expect(errorText(said, ts.en)).toBe('108 characters, at most 100: shorten it by 8 to save (nothing was cut)');
    expect(errorText(said, ts['zh-CN'])).toBe('共 108 个字符，最多 100 个：删去 8 个字符后才能保存（内容没有被截断）');
  });

  it('without the text in the call (or an empty one), says the bounds', () => {
    const error = constraintError(refused(''))!.toBody();
    expect(error.issues).toEqual([{ path: ['responsible'], key: 'text_length_range', params: { min: 1, max: 100 } }]);
    expect(error.message).toBe('Rejected by the database: responsible must be 1 to 100 characters (service_policies_responsible_length)');
    const said = new ApiError(error);
    expect(errorText(said, ts.en)).toBe('Must be 1 to 100 characters');
    expect(errorText(said, ts['zh-CN'])).toBe('应为 1–100 个字符');
  });
});
