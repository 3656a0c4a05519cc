import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources as all } from './resources';

export type UiLanguage = 'zh-CN' | 'en';

/** The operating system's language (Electron and Chromium report it as navigator.language). */
export function systemLanguage(): UiLanguage {
  return (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function setupI18n(language: UiLanguage) {
  const resources: Record<UiLanguage, Record<string, object>> = { 'zh-CN': {}, en: {} };
  for (const [namespace, byLanguage] of Object.entries(all)) {
    resources['zh-CN'][namespace] = byLanguage['zh-CN'];
    resources.en[namespace] = byLanguage.en;
  }
  // Date pickers take their month and weekday names from dayjs: keep it in the UI language.
  const syncDayjs = (lng: string) => dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  i18next.on('languageChanged', syncDayjs);
  syncDayjs(language);
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: Object.keys(all),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
