import type { OutputOf } from '../../shared/contract';
import { optionalString, UsageError } from './args';
import type { Command } from './commands';

/** The business's own settings, as the app's settings page edits them. */
function describe(o: OutputOf<'settings:get'>): string {
  return [
    `business name   ${o.businessName || '(not set)'}`,
    `home country    ${o.homeCountry}`,
    `home region     ${o.homeRegion ?? '(not set)'}`,
    `base currency   ${o.baseCurrency}`,
    `language        ${o.language ?? '(follows the system)'}`,
  ].join('\n');
}

export const SETTINGS_COMMANDS: Command[] = [
  {
    words: ['settings', 'get'],
    summary: 'Show the business settings: name, home country and region, base currency, language.',
    flags: {},
    run: (_v, call) => call('settings:get', {}),
    human: describe,
  },
  {
    words: ['settings', 'set'],
    summary: 'Change settings: --base-currency CNY (only while there are no orders), --home-country CN, --region 广东, --business-name …, --language zh-CN|en|system.',
    flags: { 'base-currency': { type: 'string' }, 'home-country': { type: 'string' }, region: { type: 'string' }, 'business-name': { type: 'string' }, language: { type: 'string' } },
    run: (v, call) => {
      const language = optionalString(v, 'language');
      const input = {
        baseCurrency: optionalString(v, 'base-currency')?.toUpperCase(),
        homeCountry: optionalString(v, 'home-country')?.toUpperCase(),
        // An empty --region clears it.
        homeRegion: optionalString(v, 'region'),
        businessName: optionalString(v, 'business-name'),
        language: language === undefined ? undefined : language === 'system' ? null : (language as 'zh-CN' | 'en'),
      };
      if (Object.values(input).every((value) => value === undefined)) {
        throw new UsageError('settings set needs at least one of --base-currency, --home-country, --region, --business-name, --language');
      }
      return call('settings:update', input);
    },
    human: describe,
  },
];
