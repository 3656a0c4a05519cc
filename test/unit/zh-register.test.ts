import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';

/**
 * The Chinese interface speaks to its user as 你 throughout: a tool for the stall owner at their own laptop, and
 * the register most of its sentences already used. The welcome screen said "只属于你" beside "您的店铺在哪里",
 * which reads as two voices. The resources hold no user data, so every 您 here is the app's own voice.
 */
function stringsOf(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => stringsOf(inner, `${path}.${key}`));
}

describe('the Chinese register', () => {
  const chinese = Object.entries(resources).flatMap(([namespace, byLanguage]) => stringsOf(byLanguage['zh-CN'], namespace));

  it('addresses the user as 你 in every zh-CN string, never 您', () => {
    expect(chinese.filter(([, text]) => text.includes('您'))).toEqual([]);
  });

  it('does address the user somewhere, so the check above reads real sentences', () => {
    expect(chinese.filter(([, text]) => text.includes('你')).length).toBeGreaterThan(0);
  });
});
