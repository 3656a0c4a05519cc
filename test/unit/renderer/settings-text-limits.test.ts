import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { SETTINGS_TEXT_MAX, settingsTextRules, SOURCE_MAX, sourcesRules } from '../../../renderer/features/settings/settings-form';
import { bothTranslators } from '../../support/both-languages';

const translators = bothTranslators();

/** What a field's rules say of a value: the first refusal's words, or null when every rule passes. */
async function said(rules: { validator(rule: unknown, value: unknown): Promise<void> }[], value: string | string[]): Promise<string | null> {
  for (const rule of rules) {
    try {
      await rule.validator({}, value);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return null;
}

/**
 * Settings' business name (and home province) said only "Too long" / "内容过长", where every other field says how
 * long the text is against its limit and how much to cut, as it is typed. They now say it the same way.
 */
describe.each(['en', 'zh-CN'] as const)('the settings’ text limits (%s)', (language) => {
  it('a long business name is told its length, its limit and how much to cut', async () => {
    const rules = settingsTextRules(translators[language], language).businessName;
    const name = '广州市越秀区佳美服装批发商行'.repeat(10);
    expect(name.length).toBe(140);
    const expected = {
      en: '140 characters, at most 120: shorten it by 20 to save (nothing was cut)',
      'zh-CN': '共 140 个字符，最多 120 个：删去 20 个字符后才能保存（内容没有被截断）',
    };
    expect(await said(rules, name)).toBe(expected[language]);
    expect(await said(rules, name.slice(0, 120))).toBeNull();
  });

  it('a long home province is told the same way', async () => {
    const rules = settingsTextRules(translators[language], language).homeRegion;
    const region = 'Région Provence-Alpes-Côte d’Azur, '.repeat(3);
    expect(region.length).toBe(105);
    expect(await said(rules, region)).toMatch(language === 'en' ? /^105 characters, at most 80: shorten it by 25 / : /^共 105 个字符，最多 80 个：删去 25 个字符/);
  });

  it('the limits are the save’s, counted as it counts (an emoji is one)', async () => {
    const faces = (count: number) => '😀'.repeat(count);
    const rules = settingsTextRules(translators[language], language);
    for (const field of ['businessName', 'homeRegion'] as const) {
      const max = SETTINGS_TEXT_MAX[field];
      const saved = (text: string) => contract['settings:update'].input.safeParse({ [field]: text }).success;
      expect([saved(faces(max)), await said(rules[field], faces(max))]).toEqual([true, null]);
      expect(saved(faces(max + 1))).toBe(false);
      expect(await said(rules[field], faces(max + 1))).not.toBeNull();
    }
  });
});

/**
 * Settings' customer sources said only "Too long" of a source past the limit, not which one nor by how much. Each
 * source is now said as the business name is: named, with its length against the limit and how much to cut.
 */
describe.each(['en', 'zh-CN'] as const)('the customer sources’ limit (%s)', (language) => {
  const long = 'Referral from the Guangzhou Textile Traders Association spring gathering, 2026';

  it('a source past the limit is named, with its length, the limit and how much to cut', async () => {
    const rules = sourcesRules(translators[language], language);
    const length = [...long].length;
    expect(length).toBeGreaterThan(SOURCE_MAX);
    const expected = {
      en: `Source “Referral from the Gu…”: ${length} characters, at most 60: shorten it by ${length - 60} to save (nothing was cut)`,
      'zh-CN': `来源“Referral from the Gu…”：共 ${length} 个字符，最多 60 个：删去 ${length - 60} 个字符后才能保存（内容没有被截断）`,
    };
    expect(await said(rules, ['微信', long, 'Trade show'])).toBe(expected[language]);
    expect(await said(rules, ['微信', long.slice(0, 60), 'Trade show'])).toBeNull();
    expect(await said(rules, [])).toBeNull();
  });

  it('counts a source as the save does: spaces at its ends and invisible characters are not kept, an emoji is one', async () => {
    const rules = sourcesRules(translators[language], language);
    const saved = (sources: string[]) => contract['settings:update'].input.safeParse({ sources }).success;
    const padded = `  ${'转'.repeat(60)}​  `;
    expect([saved([padded]), await said(rules, [padded])]).toEqual([true, null]);
    const faces = (count: number) => '😀'.repeat(count);
    expect([saved([faces(60)]), await said(rules, [faces(60)])]).toEqual([true, null]);
    expect(saved([faces(61)])).toBe(false);
    expect(await said(rules, [faces(61)])).toMatch(language === 'en' ? /^Source “😀{20}…”: 61 characters, at most 60: shorten it by 1 /u : /^来源“😀{20}…”：共 61 个字符，最多 60 个：删去 1 个字符/u);
  });
});
