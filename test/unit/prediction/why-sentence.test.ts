import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { sayWhy, whySentence } from '../../../renderer/features/prediction/why-sentence';
import { prediction } from '../../../renderer/i18n/resources/prediction';

async function say(language: 'zh-CN' | 'en', row: Parameters<typeof whySentence>[0]): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, resources: { [language]: { prediction: prediction[language] } }, ns: ['prediction'], defaultNS: 'prediction', interpolation: { escapeValue: false } });
  return sayWhy((key, values) => i18n.t(key, values), whySentence(row));
}

describe('the sentence of why', () => {
  it('reads like the issue\'s example in Chinese and in English', async () => {
    // 6 purchase days, 200 days first to last (5 gaps of 40), last 95 days ago, P(alive) 0.45 → slipping.
    const row = { purchases: 6, typicalGapDays: 40, daysSinceLast: 95, pAlive: 0.45, score: 12 };
    expect(await say('zh-CN', row)).toBe('买过6次，平均每40天一次，上次是95天前 → 可能正在流失');
    expect(await say('en', row)).toBe('Bought 6 times, on average every 40 days, last 95 days ago → may be slipping away');
  });

  it('one-time buyers get the once sentence, judged by their 90-day likelihood', async () => {
    expect(await say('en', { purchases: 1, typicalGapDays: null, daysSinceLast: 3, pAlive: 1, score: 35 })).toBe('Bought once, 3 days ago → may come back');
    expect(await say('zh-CN', { purchases: 1, typicalGapDays: null, daysSinceLast: 400, pAlive: 1, score: 4 })).toBe('只买过1次，是400天前 → 近期回购可能性小');
  });

  it('a purchase of today or yesterday, and a customer who buys every day, read as words, not "0 days ago" or "1 days"', async () => {
    const daily = { purchases: 30, typicalGapDays: 1, pAlive: 0.99, score: 95 };
    expect(await say('en', { ...daily, daysSinceLast: 0 })).toBe('Bought 30 times, on average every day, last today → likely to buy again soon');
    expect(await say('zh-CN', { ...daily, daysSinceLast: 0 })).toBe('买过30次，平均每天一次，上次是今天 → 很可能近期再买');
    expect(await say('en', { ...daily, daysSinceLast: 1 })).toBe('Bought 30 times, on average every day, last yesterday → likely to buy again soon');
    expect(await say('zh-CN', { ...daily, daysSinceLast: 1 })).toBe('买过30次，平均每天一次，上次是昨天 → 很可能近期再买');
    expect(await say('en', { ...daily, typicalGapDays: 2, daysSinceLast: 2 })).toBe('Bought 30 times, on average every 2 days, last 2 days ago → likely to buy again soon');
    expect(await say('en', { purchases: 1, typicalGapDays: null, daysSinceLast: 0, pAlive: 1, score: 35 })).toBe('Bought once, today → may come back');
    expect(await say('zh-CN', { purchases: 1, typicalGapDays: null, daysSinceLast: 1, pAlive: 1, score: 35 })).toBe(`只买过1次，是昨天 → ${prediction['zh-CN'].verdict.mayReturn}`);
  });

  it('verdicts follow P(alive) and the score', () => {
    const base = { purchases: 4, typicalGapDays: 30, daysSinceLast: 10 };
    expect(whySentence({ ...base, pAlive: 0.9, score: 70 }).verdict).toBe('buyingSoon');
    expect(whySentence({ ...base, pAlive: 0.9, score: 20 }).verdict).toBe('active');
    expect(whySentence({ ...base, pAlive: 0.5, score: 20 }).verdict).toBe('slipping');
    expect(whySentence({ ...base, pAlive: 0.1, score: 2 }).verdict).toBe('lost');
  });
});
