import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { InputOf } from '../../../shared/contract';
import type { Language } from '../../../shared/contract/enums';
import type { Settings } from '../../../shared/contract/settings';
import { cleanText } from '../../../shared/domain/clean-text';
import { lengthLimit, tooLongText, type LengthRule } from '../../components/length-limit';
import { timeValue } from '../reminders/time-value';

export type LanguageChoice = 'system' | Language;

export interface SettingsFormValues {
  businessName: string;
  homeCountry: string;
  homeRegion: string | null;
  baseCurrency: string;
  language: LanguageChoice;
  sources: string[];
  remindersEnabled: boolean;
  /** The daily reminder time as the time picker holds it (only hours and minutes matter). */
  reminderTime: Dayjs | null;
  /** Customer value: monthly discount rate in percent and horizon in months (null while the field is cleared). */
  clvDiscountPercent: number | null;
  clvHorizonMonths: number | null;
}

export function toFormValues(settings: Settings): SettingsFormValues {
  return {
    businessName: settings.businessName,
    homeCountry: settings.homeCountry,
    homeRegion: settings.homeRegion,
    baseCurrency: settings.baseCurrency,
    language: settings.language ?? 'system',
    sources: settings.sources,
    remindersEnabled: settings.remindersEnabled,
    reminderTime: timeValue(settings.reminderTime),
    clvDiscountPercent: settings.clvDiscountPercent,
    clvHorizonMonths: settings.clvHorizonMonths,
  };
}

export function toSettingsInput(values: SettingsFormValues): InputOf<'settings:update'> {
  return {
    businessName: values.businessName.trim(),
    homeCountry: values.homeCountry,
    homeRegion: values.homeRegion ?? null,
    baseCurrency: values.baseCurrency,
    language: values.language === 'system' ? null : values.language,
    sources: values.sources.map((s) => s.trim()).filter(Boolean),
    remindersEnabled: values.remindersEnabled,
    // Left empty, the saved time stays (the contract treats a missing field as unchanged).
    ...(values.reminderTime ? { reminderTime: values.reminderTime.format('HH:mm') } : {}),
    ...(values.clvDiscountPercent != null ? { clvDiscountPercent: values.clvDiscountPercent } : {}),
    ...(values.clvHorizonMonths != null ? { clvHorizonMonths: values.clvHorizonMonths } : {}),
  };
}

/** What an edit of the settings form does to antd's form: reads a field's errors and takes them away. */
type EditedForm = Pick<FormInstance, 'getFieldError' | 'setFields'>;

/**
 * The settings form's onValuesChange. A save's refusal is taken from each field the edit touched, as soon as it is
 * edited: it is the fields' own rules, run again on the same change, that still say what is wrong. The refusal was
 * left to those rules alone, so a field without any (the language, the reminders switch) would keep it until the next
 * Save. The fields are the form's own names, where showRefusal puts a refusal (fieldOfIssue: a refusal of
 * `sources.3` is under the whole sources field, and an edit of any source touches it). It also works out whether
 * anything differs from what is saved (leaving asks first) and tries a chosen language at once.
 */
export function settingsEdited(form: EditedForm, saved: Settings, effects: { setDirty(dirty: boolean): void; tryLanguage(choice: LanguageChoice): void }) {
  return (changed: Partial<SettingsFormValues>, all: SettingsFormValues): void => {
    const refused = Object.keys(changed)
      .map((name) => [name])
      .filter((name) => form.getFieldError(name as never).length > 0);
    if (refused.length) form.setFields(refused.map((name) => ({ name, errors: [] })) as never);
    effects.setDirty(JSON.stringify(toSettingsInput({ ...toFormValues(saved), ...all })) !== JSON.stringify(toSettingsInput(toFormValues(saved))));
    if (changed.language) effects.tryLanguage(changed.language);
  };
}

/** Server issues point at contract paths; `sources.3` belongs to the whole sources field. */
export function fieldOfIssue(path: (string | number)[]): (string | number)[] | null {
  return path.length ? [path[0]!] : null;
}

/** The longest business name and home province the save takes (shared/contract/settings.ts). */
export const SETTINGS_TEXT_MAX = { businessName: 120, homeRegion: 80 } as const;

/**
 * The rules of the settings' free-text fields. They said only "Too long" (antd's max rule with the contract's word),
 * where every other field says, as it is typed, how long the text is against its limit and how much to cut.
 */
export function settingsTextRules(t: TFunction, language: string): Record<keyof typeof SETTINGS_TEXT_MAX, LengthRule[]> {
  return {
    businessName: [lengthLimit(t, language, SETTINGS_TEXT_MAX.businessName)],
    homeRegion: [lengthLimit(t, language, SETTINGS_TEXT_MAX.homeRegion)],
  };
}

/** The longest customer source the save takes (shared/contract/settings.ts), each counted as saved: cleaned, in code points. */
export const SOURCE_MAX = 60;

/** How much of a source a refusal quotes: enough to tell which one among the tags, not a line of its own. */
const QUOTED = 20;

/**
 * The rule of the customer sources (a tags box): the first source longer than the save takes is named, with its
 * length against the limit and how much to cut, as the business name says it. It said only "Too long", not which.
 */
export function sourcesRules(t: TFunction, language: string): LengthRule[] {
  return [
    {
      validator: (_, value) => {
        for (const source of Array.isArray(value) ? (value as unknown[]) : []) {
          if (typeof source !== 'string') continue;
          const said = tooLongText(t, language, cleanText(source), SOURCE_MAX);
          if (said === null) continue;
          const points = [...cleanText(source)];
          const quoted = points.length > QUOTED ? `${points.slice(0, QUOTED).join('')}…` : points.join('');
          return Promise.reject(new Error(t('settings:sourceTooLong', { source: quoted, said })));
        }
        return Promise.resolve();
      },
    },
  ];
}
