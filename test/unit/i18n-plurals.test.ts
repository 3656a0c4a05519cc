import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';

/** Every string of one language, by its full key ("customers:count_one"). */
function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, out);
  return out;
}

const strings = (language: 'en' | 'zh-CN') => {
  const out = new Map<string, string>();
  for (const [ns, byLanguage] of Object.entries(resources)) flatten((byLanguage as Record<string, unknown>)[language], `${ns}:`, out);
  return out;
};

const PLURAL = /_(one|other)$/; // English has these two; "too_many" is a word, not a plural form

describe('English plurals', () => {
  const en = strings('en');

  it('every string that counts something ({{count}}) has both _one and _other forms', () => {
    const missing: string[] = [];
    for (const [key, text] of en) {
      if (!text.includes('{{count}}')) continue;
      const base = key.replace(PLURAL, '');
      if (!en.has(`${base}_one`) || !en.has(`${base}_other`)) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  it('plural forms come in complete pairs, in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const all = strings(language);
      const broken = [...all.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')).filter((base) => !all.has(`${base}_one`) || !all.has(`${base}_other`));
      expect([language, [...new Set(broken)]]).toEqual([language, []]);
    }
  });

  it('the _one form reads as singular: no "1 days", "1 customers"', () => {
    const wrong: string[] = [];
    for (const [key, text] of en) {
      if (!key.endsWith('_one')) continue;
      const one = text.replace(/\{\{count\}\}/g, '1');
      if (/\b1 (days|customers|orders|follow-ups|groups|rows|reminders|items|weeks|months|years|tags)\b/i.test(one)) wrong.push(`${key}: ${one}`);
    }
    expect(wrong).toEqual([]);
  });
});
