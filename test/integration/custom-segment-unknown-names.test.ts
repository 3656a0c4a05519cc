import { createInstance } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api/client';
import { errorText } from '../../renderer/components/errors';
import { resources } from '../../renderer/i18n/resources';
import { AppError } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A condition on a field (or figure) the rules do not have was refused as "rule.conditions.0 is not valid",
 * which left the user to guess what was wrong. The refusal names what was given and the names there are, on
 * the command line's English and in both languages of the screens.
 */
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const FIELDS = 'name, type, industry, country, region, city, locality, sizeBand, incomeBand, needs, owner, source, manualLevel';

async function refusal(rule: unknown): Promise<AppError> {
  try {
    await app.call('segments:custom:save', { name: 'VIP', rule });
  } catch (error) {
    return error as AppError;
  }
  throw new Error('the rule was saved');
}

async function inLanguage(language: 'zh-CN' | 'en', error: AppError): Promise<string> {
  const i18n = createInstance();
  await i18n.init({ lng: language, resources: { [language]: { errors: resources.errors[language] } }, interpolation: { escapeValue: false } });
  return errorText(new ApiError(error.toBody()), i18n.t);
}

describe('a custom segment condition on an unknown name', () => {
  it('names the field given and the fields there are, in English and Chinese, and saves nothing', async () => {
    const error = await refusal({ kind: 'group', op: 'and', conditions: [{ kind: 'tag', op: 'has', tag: 'vip' }, { kind: 'group', op: 'or', conditions: [{ kind: 'field', field: 'provinc', op: 'equals', value: '广东' }] }] });
    expect(error.toBody()).toMatchObject({
      code: 'invalid_input',
      message: `rule.conditions.1.conditions.0.field names the field "provinc", which a condition cannot use: one of ${FIELDS}`,
      issues: [{ path: ['rule', 'conditions', 1, 'conditions', 0, 'field'], key: 'unknown_rule_field', params: { field: 'provinc', choices: FIELDS } }],
    });
    expect(await inLanguage('en', error)).toBe(`The condition names the field "provinc", which does not exist; the fields: ${FIELDS}`);
    expect(await inLanguage('zh-CN', error)).toBe(`条件里的字段“provinc”不存在，可用的字段：${FIELDS}`);
    expect((await app.call('segments:custom:list', {})).segments).toEqual([]);
  });

  it('names the figure given and the figures there are', async () => {
    const error = await refusal({ kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'profit', op: 'gt', value: 1 }] });
    expect(error.message).toBe('rule.conditions.0.metric names the figure "profit", which a condition cannot use: one of revenue, orderCount, daysSinceLastOrder, averageOrderValue, followUpCount');
    expect(await inLanguage('zh-CN', error)).toBe('条件里的指标“profit”不存在，可用的指标：revenue, orderCount, daysSinceLastOrder, averageOrderValue, followUpCount');
  });

  it('a known field with a wrong operator is still refused where it is wrong, and a good rule saves', async () => {
    const error = await refusal({ kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'city', op: 'starts_with', value: '广' }] });
    expect(error.toBody().issues).toMatchObject([{ path: ['rule', 'conditions', 0] }]);
    expect(error.toBody().issues?.[0]?.key).not.toBe('unknown_rule_field');
    const saved = await app.call('segments:custom:save', { name: 'VIP', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'city', op: 'contains', value: '广' }] } });
    expect(saved.rule.conditions).toHaveLength(1);
  });
});
