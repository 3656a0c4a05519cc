import type { OutputOf } from '../../shared/contract';
import { optionalString, UsageError } from './args';
import type { Command } from './commands';
import { say, type Words } from './words';
import { countryName } from '../../renderer/components/format';

type Flags = Parameters<Command['run']>[0];

const LANGUAGE_CHOICES = ['zh-CN', 'en', 'system'];

/** A plain decimal number ("1.5", or "1.5%" for a rate); its range is the contract's to judge, so the refusal names the setting. */
function optionalNumber(v: Flags, name: string): number | undefined {
  const value = optionalString(v, name)?.trim().replace(/%$/, '');
  if (value === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new UsageError(say('cli:usage.number', { name, value: optionalString(v, name)! }));
  return Number(value);
}

/** The business's own settings, as the app's settings page edits them. */
function describe(o: OutputOf<'settings:get'>, w: Words): string {
  const notSet = w('cli:out.settings.notSet');
  return [
    w('cli:out.settings.businessName', { value: o.businessName || notSet }),
    // The country by its name, as the settings page shows it, with the code --home-country takes.
    w('cli:out.settings.homeCountry', { value: w('cli:out.settings.country', { name: countryName(o.homeCountry, w.language), code: o.homeCountry }) }),
    w('cli:out.settings.homeRegion', { value: o.homeRegion ?? notSet }),
    w('cli:out.settings.baseCurrency', { value: o.baseCurrency }),
    // The language as --language takes it.
    w('cli:out.settings.language', { value: o.language ?? w('cli:out.settings.followsSystem') }),
    w('cli:out.settings.clv', { months: o.clvHorizonMonths, percent: o.clvDiscountPercent }),
  ].join('\n');
}

export const SETTINGS_COMMANDS: Command[] = [
  {
    words: ['settings', 'get'],
    flags: {},
    run: (_v, call) => call('settings:get', {}),
    human: (o: OutputOf<'settings:get'>, _money, w) => describe(o, w),
  },
  {
    words: ['settings', 'set'],
    startsDatabase: true,
    flags: {
      'base-currency': { type: 'string' },
      'home-country': { type: 'string' },
      region: { type: 'string' },
      'business-name': { type: 'string' },
      language: { type: 'string' },
      'clv-discount': { type: 'string' },
      'clv-horizon': { type: 'string' },
    },
    fields: { homeRegion: '--region', clvDiscountPercent: '--clv-discount', clvHorizonMonths: '--clv-horizon' },
    run: (v, call) => {
      const language = optionalString(v, 'language');
      // `system` is the command line's word for "no language of its own": the contract knows only the other two.
      if (language !== undefined && !LANGUAGE_CHOICES.includes(language)) throw new UsageError(say('cli:usage.oneOf', { name: 'language', choices: LANGUAGE_CHOICES.join(', '), value: language }));
      const input = {
        baseCurrency: optionalString(v, 'base-currency')?.toUpperCase(),
        homeCountry: optionalString(v, 'home-country')?.toUpperCase(),
        // An empty --region clears it.
        homeRegion: optionalString(v, 'region'),
        businessName: optionalString(v, 'business-name'),
        language: language === undefined ? undefined : language === 'system' ? null : (language as 'zh-CN' | 'en'),
        clvDiscountPercent: optionalNumber(v, 'clv-discount'),
        clvHorizonMonths: optionalNumber(v, 'clv-horizon'),
      };
      if (Object.values(input).every((value) => value === undefined)) {
        throw new UsageError(say('cli:usage.settingsNeedsOne', { flags: '--base-currency, --home-country, --region, --business-name, --language, --clv-discount, --clv-horizon' }));
      }
      return call('settings:update', input);
    },
    human: (o: OutputOf<'settings:get'>, _money, w) => describe(o, w),
  },
];
