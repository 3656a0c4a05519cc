/** ECharts' two built-in languages: its own words (a time axis's month names, its date tooltips) come from these. */
export type ChartLocale = 'ZH' | 'EN';

/**
 * The ECharts locale for the app's language. Left alone, ECharts picks its words once, when it loads, from
 * <html lang> — which index.html sets to zh-CN before the settings are read — so an English screen's time
 * axis read "4月 · 7月 · 10月". The locale is fixed when a chart is created, so a chart is made again when
 * the language changes.
 */
export function chartLocale(language: string): ChartLocale {
  return language.toLowerCase().startsWith('zh') ? 'ZH' : 'EN';
}
