import i18next, { type i18n, type TFunction } from 'i18next';
import { beforeAll } from 'vitest';
import { resources } from '../../renderer/i18n/resources';

export type Language = 'zh-CN' | 'en';
const LANGUAGES = ['zh-CN', 'en'] as const;

/**
 * An i18next instance per language over the app's own resources, made before the file's tests run: for unit tests
 * that render or word something in both languages without the app's global instance (renderer/i18n).
 */
export function bothLanguages(): Record<Language, i18n> {
  const instances = {} as Record<Language, i18n>;
  beforeAll(async () => {
    for (const lng of LANGUAGES) {
      const instance = i18next.createInstance();
      const res: Record<string, object> = {};
      for (const [ns, byLanguage] of Object.entries(resources)) res[ns] = byLanguage[lng];
      await instance.init({ resources: { [lng]: res }, lng, fallbackLng: false, ns: Object.keys(resources), defaultNS: 'common', interpolation: { escapeValue: false } });
      instances[lng] = instance;
    }
  });
  return instances;
}

/** bothLanguages' `t` functions, for tests that only need the words. */
export function bothTranslators(): Record<Language, TFunction> {
  const ts = {} as Record<Language, TFunction>;
  const instances = bothLanguages();
  beforeAll(() => {
    for (const lng of LANGUAGES) ts[lng] = instances[lng].t;
  });
  return ts;
}
