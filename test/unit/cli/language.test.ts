import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagLanguage, localeLanguage, typedFlag, withoutFlag } from '../../../core/cli/language';
import { resources } from '../../../renderer/i18n/resources';
import { ROOT } from '../../support/test-app';

describe('the language of the command line’s refusals', () => {
  it('reads the system’s locale as POSIX programs do: LC_ALL, then LC_MESSAGES, then LANG; zh_* is Chinese', () => {
    expect(localeLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeLanguage({ LANG: 'zh_TW.Big5' })).toBe('zh-CN');
    expect(localeLanguage({ LANG: 'zh' })).toBe('zh-CN');
    expect(localeLanguage({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(localeLanguage({ LANG: 'C', LC_MESSAGES: 'zh_CN.GB18030' })).toBe('zh-CN');
    expect(localeLanguage({ LANG: 'zh_CN.UTF-8', LC_ALL: '' })).toBe('zh-CN');
    for (const locale of ['C', 'POSIX', 'C.UTF-8', 'en_US.UTF-8', 'de_DE', 'zu_ZA', '']) expect(localeLanguage({ LANG: locale }), locale).toBe('en');
    expect(localeLanguage({})).toBe('en');
  });

  it('takes --lang as typed, in either form, the last one given, and not after --', () => {
    expect(flagLanguage(['orders', 'add', '--lang', 'zh-CN'])).toBe('zh-CN');
    expect(flagLanguage(['orders', 'add', '--lang=en'])).toBe('en');
    expect(flagLanguage(['--lang', 'en', '--lang', 'zh-CN'])).toBe('zh-CN');
    expect(flagLanguage(['--lang', 'fr'])).toBeUndefined();
    expect(flagLanguage(['import', 'customers', '--', '--lang', 'zh-CN'])).toBeUndefined();
    expect(typedFlag(['customers', 'list', '--db', 'a.sqlite', '--db=b.sqlite'], 'db')).toBe('b.sqlite');
    expect(withoutFlag(['--help', '--lang', 'zh-CN'], 'lang')).toEqual(['--help']);
    expect(withoutFlag(['orders', 'add', '--lang=en', '--help'], 'lang')).toEqual(['orders', 'add', '--help']);
  });

  it('says nothing the resources do not hold: every key the command line names is there in both languages', () => {
    const folder = join(ROOT, 'core', 'cli');
    const source = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
    const keys = [...source.matchAll(/say\('((?:cli|errors):[\w.]+)'/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(40);
    for (const key of new Set(keys)) {
      const [namespace, path] = key.split(':') as [keyof typeof resources, string];
      for (const language of ['zh-CN', 'en'] as const) {
        const text = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[namespace][language]);
        expect(typeof text, `${key} (${language})`).toBe('string');
      }
    }
  });
});
