import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api/client';
import { showRefusal } from '../../../renderer/components/errors';
import { fieldOfIssue, settingsEdited, toFormValues, type LanguageChoice, type SettingsFormValues } from '../../../renderer/features/settings/settings-form';
import { invalidInput, type Issue } from '../../../shared/contract/errors';
import type { Settings } from '../../../shared/contract/settings';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();

const SAVED: Settings = {
  businessName: '佳美服装', homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY', language: 'zh-CN', sources: ['微信'], onboarded: true,
  remindersEnabled: true, reminderTime: '09:00', clvDiscountPercent: 1, clvHorizonMonths: 12,
};

/** The Settings form as a refusal and an edit see it: each field's errors, kept as antd keeps them until replaced. */
function settingsForm() {
  const errors = new Map<string, string[]>(Object.keys(toFormValues(SAVED)).map((name) => [name, []]));
  const form = {
    getFieldInstance: (name: (string | number)[]) => (errors.has(name.join('.')) ? {} : undefined),
    getFieldError: (name: (string | number)[]) => errors.get(name.join('.')) ?? [],
    setFields: (fields: { name: (string | number)[]; errors: string[] }[]) => fields.forEach((f) => errors.set(f.name.join('.'), f.errors)),
    scrollToField: () => undefined,
  };
  const shown = () => Object.fromEntries([...errors].filter(([, said]) => said.length > 0));
  return { form, shown };
}

const refusedBy = (...issues: Issue[]) => new ApiError(invalidInput(issues).toBody());

/** An edit as antd reports it to onValuesChange: the fields changed, and all the values after it. */
function edit(form: ReturnType<typeof settingsForm>['form'], changed: Partial<SettingsFormValues>) {
  const dirty: boolean[] = [];
  const languages: LanguageChoice[] = [];
  settingsEdited(form as never, SAVED, { setDirty: (d) => void dirty.push(d), tryLanguage: (l) => void languages.push(l) })(changed, { ...toFormValues(SAVED), ...changed });
  return { dirty, languages };
}

/**
 * Settings left a save's refusal to the edited field's own rules to take away: a field without rules (the language,
 * the reminders switch) kept it until the next Save, after the user had corrected it. The refusal now goes as soon as
 * that field is edited, whatever its rules; the other fields' refusals stay until theirs are.
 */
describe.each(['en', 'zh-CN'] as const)('a refusal of the settings’ save, once the field is edited (%s)', (language) => {
  it('goes from the field edited, and stays under the fields not yet edited', () => {
    const t = ts[language];
    const { form, shown } = settingsForm();
    const refusal = refusedBy({ path: ['baseCurrency'], key: 'base_currency_has_rates', params: { rates: 1, base: 'CNY' } }, { path: ['language'], key: 'invalid_value' });
    expect(showRefusal(form as never, refusal, t, fieldOfIssue)).toEqual([]);
    const said = t('errors:issue.base_currency_has_rates', { rates: 1, base: 'CNY' });
    expect(shown()).toEqual({ baseCurrency: [said], language: [t('errors:issue.invalid_value')] });

    expect(edit(form, { baseCurrency: 'EUR' }).dirty).toEqual([true]);
    expect(shown()).toEqual({ language: [t('errors:issue.invalid_value')] });
    // A field without rules of its own (nothing else would take the refusal away).
    expect(edit(form, { language: 'en' }).languages).toEqual(['en']);
    expect(shown()).toEqual({});
  });

  it('of one source is under the whole sources field, and goes with an edit of any source', () => {
    const t = ts[language];
    const { form, shown } = settingsForm();
    showRefusal(form as never, refusedBy({ path: ['sources', 1], key: 'required' }), t, fieldOfIssue);
    expect(shown()).toEqual({ sources: [t('errors:issue.required')] });
    edit(form, { homeRegion: '广州' });
    expect(shown()).toEqual({ sources: [t('errors:issue.required')] });
    edit(form, { sources: ['微信', '展会'] });
    expect(shown()).toEqual({});
  });

  it('an edit back to what is saved is not a change to keep', () => {
    const { form } = settingsForm();
    expect(edit(form, { businessName: SAVED.businessName }).dirty).toEqual([false]);
  });
});
