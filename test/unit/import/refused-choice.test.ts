import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/i18n/resources';
import { parseCsv } from '../../../shared/import/csv';
import { autoMapHeaders } from '../../../shared/import/header-map';
import { validateRows } from '../../../shared/import/validate-rows';
import { CHANNEL_WORDS, CUSTOMER_TYPE_WORDS, INTENT_WORDS, MANUAL_LEVEL_WORDS, NEEDS_WORDS, parseChoice, type Vocabulary } from '../../../shared/import/values';

function followUps(csv: string) {
  const table = parseCsv(csv);
  return validateRows('followups', table.headers, table.rows, autoMapHeaders(table.headers, 'followups').mapping, { homeCountry: 'CN', defaultCurrency: 'CNY' });
}

const CHANNELS = { allowed: 'call, visit, wechat, whatsapp, email, meeting, other', allowedZh: '电话、拜访、微信、WhatsApp、邮件、会议、其他' };

describe('a refused choice names the values the column takes', () => {
  it('in the row error\'s params and its English message', () => {
    const v = followUps(['客户名称,跟进时间,跟进方式,意向,满意度', '张三,2024-03-05,飞鸽传书,也许吧,很好'].join('\n'));
    expect(v.errors.map(({ header, reason, params, message }) => ({ header, reason, params, message }))).toEqual([
      { header: '跟进方式', reason: 'invalid_choice', params: CHANNELS, message: `Row 2, column "跟进方式": "飞鸽传书" is not one of the allowed choices (${CHANNELS.allowed}).` },
      {
        header: '意向',
        reason: 'invalid_choice',
        params: { allowed: 'interested, hesitant, not now, never', allowedZh: '有意向、犹豫、暂不、无意向' },
        message: 'Row 2, column "意向": "也许吧" is not one of the allowed choices (interested, hesitant, not now, never).',
      },
      { header: '满意度', reason: 'invalid_choice', params: { allowed: '1–5', allowedZh: '1–5' }, message: 'Row 2, column "满意度": "很好" is not one of the allowed choices (1–5).' },
    ]);
  });

  it.each([
    ['zh-CN', '不是可选的值（可填：电话、拜访、微信、WhatsApp、邮件、会议、其他）'],
    ['en', 'Not one of the allowed values (call, visit, wechat, whatsapp, email, meeting, other)'],
  ] as const)('in the app\'s %s text, filled in as the import screen and the rejects file fill it', async (language, expected) => {
    const i18n = createInstance();
    await i18n.init({ lng: language, resources: { [language]: { importing: resources.importing[language] } }, interpolation: { escapeValue: false } });
    const [error] = followUps(['客户名称,跟进时间,跟进方式', '张三,2024-03-05,飞鸽传书'].join('\n')).errors;
    expect(i18n.t(`importing:reasons.${error!.reason}`, { ...error!.params, defaultValue: error!.message })).toBe(expected);
  });

  it.each([
    ['customer type', CUSTOMER_TYPE_WORDS],
    ['intent', INTENT_WORDS],
    ['channel', CHANNEL_WORDS],
    ['needs', NEEDS_WORDS],
    ['manual level', MANUAL_LEVEL_WORDS],
  ] as const)('%s: each word shown, in either language, is read as a different one of its values, and none is left out', (_, words) => {
    const vocabulary = words as Vocabulary<string>;
    const values = [...new Set(vocabulary.words.values())];
    for (const list of [vocabulary.allowed.allowed!.split(', '), vocabulary.allowed.allowedZh!.split('、')]) {
      expect(list.map((word) => parseChoice(word, vocabulary))).toEqual(values.map((value) => ({ ok: true, value })));
    }
  });
});
