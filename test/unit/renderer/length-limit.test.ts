import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormInstance } from 'antd';
import { ApiError } from '../../../renderer/api/client';
import { showFieldErrors } from '../../../renderer/components/errors';
import { lengthLimit, tooLongText } from '../../../renderer/components/length-limit';
import { TEAM_JOIN_MAX, teamJoinLengthRules } from '../../../renderer/features/team/join-rules';
import { contract } from '../../../shared/contract';
import { invalidInput } from '../../../shared/contract/errors';
import { followUpInputSchema } from '../../../shared/contract/followups';
import { bothTranslators } from '../../support/both-languages';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ts = bothTranslators();

/** A note pasted from an e-mail thread: 10,000 characters over many lines. */
const PASTED = Array.from({ length: 400 }, (_, i) => `第${i}行 line ${i}: 客户要求提前发货`).join('\n').padEnd(10_000, '。');

/**
 * A text field of the customer file and of the follow-up forms had the browser's maxlength: a note of 10,000
 * characters pasted into a follow-up was saved as its first 4,000, without a word. The field now keeps the whole
 * paste, says at once how long it is against the limit, and the save is refused until it fits.
 */
describe('a text field over its limit', () => {
  it('is said with its length, the limit and what to remove, in both languages', () => {
    expect(PASTED.length).toBe(10_000);
    // Computed another way: what is over the contract's limit.
    const over = PASTED.length - 4000;
    expect(over).toBe(6000);
    expect(tooLongText(ts.en, 'en', PASTED, 4000)).toBe('10,000 characters, at most 4,000: shorten it by 6,000 to save (nothing was cut)');
    expect(tooLongText(ts['zh-CN'], 'zh-CN', PASTED, 4000)).toBe('共 10,000 个字符，最多 4,000 个：删去 6,000 个字符后才能保存（内容没有被截断）');
  });

  it('counts as the contract does (code points), so the field and the save agree at the limit, emoji included', () => {
    const family = '👨‍👩‍👧‍👦';
    // Computed another way: the family is 7 code points (4 people, 3 joiners) in 11 UTF-16 units.
    expect(Array.from(family).length).toBe(7);
    const atLimit = family.repeat(500) + 'x'.repeat(4000 - 500 * 7);
    const oneOver = `${atLimit}x`;
    expect(atLimit.length).toBeGreaterThan(4000);
    const base = { customerId: '01a24f5c-fd13-73b9-8a68-7a2671a7b970' };
    expect(followUpInputSchema.safeParse({ ...base, content: atLimit }).success).toBe(true);
    expect(tooLongText(ts.en, 'en', atLimit, 4000)).toBeNull();
    expect(followUpInputSchema.safeParse({ ...base, content: oneOver }).success).toBe(false);
    expect(tooLongText(ts.en, 'en', oneOver, 4000)).toBe('4,001 characters, at most 4,000: shorten it by 1 to save (nothing was cut)');
  });

  it('is refused by the field’s rule, and a value that fits (or an empty one) passes', async () => {
    const rule = lengthLimit(ts.en, 'en', 4000);
    await expect(rule.validator({}, PASTED)).rejects.toThrow('10,000 characters, at most 4,000');
    await expect(rule.validator({}, PASTED.slice(0, 4000))).resolves.toBeUndefined();
    await expect(rule.validator({}, undefined)).resolves.toBeUndefined();
    await expect(rule.validator({}, null)).resolves.toBeUndefined();
  });
});

/** A form as showFieldErrors sees it: fields that exist, the errors each shows, and what was set on them. */
function fakeForm(shown: Record<string, string[]>) {
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  const form = {
    getFieldInstance: (name: string[]) => (name.join('.') in shown ? {} : undefined),
    getFieldError: (name: string[]) => shown[name.join('.')] ?? [],
    setFields: (fields: typeof set) => void set.push(...fields),
  } as unknown as FormInstance;
  return { form, set };
}

describe('saving a field over its limit', () => {
  it('keeps the field’s own message, and still puts the save’s refusal on a field without one', () => {
    const own = tooLongText(ts.en, 'en', PASTED, 4000)!;
    const { form, set } = fakeForm({ content: [own], outcome: [] });
    const refusal = new ApiError(invalidInput([{ path: ['content'], key: 'too_long' }, { path: ['outcome'], key: 'too_long' }]).toBody());
    expect(showFieldErrors(form, refusal, ts.en)).toEqual([]);
    // The content keeps "10,000 characters, at most 4,000: …"; the outcome, which said nothing, gets the refusal.
    expect(set).toEqual([{ name: ['outcome'], errors: [ts.en('errors:issue.too_long')] }]);
  });
});

/** Screens whose fields still cut at the browser's maxlength: none left. */
const NOT_YET: string[] = [];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx$/.test(entry.name) ? [path] : [];
  });
}

describe('text fields that cut', () => {
  it('none in any screen, and no new screen starts cutting', () => {
    const cutting = sourcesUnder(join(ROOT, 'renderer'))
      .filter((file) => /\bmaxLength=\{/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file).split('\\').join('/'))
      .sort();
    expect(cutting).toEqual(NOT_YET);
  });
});

/**
 * The team join form's server URL and account name said a bare "Too long" / "内容过长" (antd's own `max`, which
 * also counted UTF-16 units): they now say what every other field says, and the database name, which said nothing
 * until the join was refused, too.
 */
describe('the team join form’s texts over their limits', () => {
  const joins = (values: Partial<Record<keyof typeof TEAM_JOIN_MAX, string>>) =>
    contract['team:join'].input.safeParse({ serverUrl: 'https://couch.example.com', database: 'tierbook', user: 'zhang', password: 'secret', ...values }).success;
  const tooLong = {
    serverUrl: `https://couch.example.com/${'a'.repeat(500)}`,
    database: `t${'a'.repeat(124)}`,
    user: '张伟'.repeat(61),
  };

  it.each(['en', 'zh-CN'] as const)('each says its length, the limit and how much to cut (%s)', async (language) => {
    const rules = teamJoinLengthRules(ts[language], language);
    // Computed another way: the lengths above, less the contract's limits.
    const expected = {
      en: { serverUrl: '526 characters, at most 500: shorten it by 26', database: '125 characters, at most 120: shorten it by 5', user: '122 characters, at most 120: shorten it by 2' },
      'zh-CN': { serverUrl: '共 526 个字符，最多 500 个：删去 26 个字符', database: '共 125 个字符，最多 120 个：删去 5 个字符', user: '共 122 个字符，最多 120 个：删去 2 个字符' },
    }[language];
    for (const field of ['serverUrl', 'database', 'user'] as const) {
      await expect(rules[field].validator({}, tooLong[field])).rejects.toThrow(expected[field]);
      expect(joins({ [field]: tooLong[field] })).toBe(false);
    }
  });

  it('waits for exactly what the join would refuse', async () => {
    const rules = teamJoinLengthRules(ts.en, 'en');
    const atLimit = { serverUrl: `https://couch.example.com/${'a'.repeat(474)}`, database: `t${'a'.repeat(119)}`, user: '😀'.repeat(120) };
    for (const field of ['serverUrl', 'database', 'user'] as const) {
      expect([...atLimit[field]].length).toBe(TEAM_JOIN_MAX[field]);
      await expect(rules[field].validator({}, atLimit[field])).resolves.toBeUndefined();
      expect(joins({ [field]: atLimit[field] })).toBe(true);
    }
  });
});

describe('a form rule that says a bare "too long"', () => {
  it('is in no screen: every length limit says the length, the limit and how much to cut', () => {
    const bare = sourcesUnder(join(ROOT, 'renderer'))
      .filter((file) => /errors:issue\.too_long\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file).split('\\').join('/'));
    expect(bare).toEqual([]);
  });
});
