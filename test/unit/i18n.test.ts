import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ISSUE_MESSAGES } from '../../shared/contract/errors';
import { CONTACT_KINDS, CUSTOMER_TYPES, DEFAULT_SOURCES, FOLLOW_UP_CHANNELS, INTENTS, LOCALITIES, NEEDS } from '../../shared/contract/enums';
import { resources } from '../../renderer/i18n/resources';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it.each(Object.keys(resources))('namespace %s has the same keys in zh-CN and en, none empty', (namespace) => {
    const { 'zh-CN': zh, en } = resources[namespace as keyof typeof resources];
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
    for (const language of [zh, en]) for (const key of keysOf(language)) expect(key.split('.').reduce<any>((o, k) => o[k], language)).not.toBe('');
  });
  it('translates every issue key and error code the contract can return', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      expect(Object.keys(resources.errors[language].issue).sort()).toEqual(Object.keys(ISSUE_MESSAGES).sort());
      expect(Object.keys(resources.errors[language].code).sort()).toEqual([...ERROR_CODES].sort());
    }
  });
  it('labels every value of the fixed vocabularies', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const common = resources.common[language];
      expect(Object.keys(common.customerType).sort()).toEqual([...CUSTOMER_TYPES].sort());
      expect(Object.keys(common.locality).sort()).toEqual([...LOCALITIES].sort());
      expect(Object.keys(common.needs).sort()).toEqual([...NEEDS].sort());
      expect(Object.keys(common.contactKind).sort()).toEqual([...CONTACT_KINDS].sort());
      expect(Object.keys(common.channel).sort()).toEqual([...FOLLOW_UP_CHANNELS].sort());
      expect(Object.keys(common.intent).sort()).toEqual([...INTENTS].sort());
      expect(Object.keys(common.source).sort()).toEqual([...DEFAULT_SOURCES].sort());
    }
  });
});
