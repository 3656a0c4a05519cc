import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { isTooLong } from '../../../renderer/components/length-limit';
import { BULK_TEXT_MAX } from '../../../renderer/features/customers/BulkActionBar';
import { HomeLocationFields, homeLocationFits } from '../../../renderer/features/home/HomeLocationFields';
import { TeamIdentityForm, USER_NAME_MAX } from '../../../renderer/features/team/TeamIdentityForm';
import { anyPolicyTooLong } from '../../../renderer/features/tiers/policy-limits';
import { PolicyText } from '../../../renderer/features/tiers/PolicyText';
import { bothLanguages, type Language } from '../../support/both-languages';

const instances = bothLanguages();

/** `count` characters that are each two UTF-16 units, as the browser's maxlength counted them. */
const faces = (count: number) => '😀'.repeat(count);
const NO_POLICY_TEXT = { notes: '', nextAction: '', responsible: null };

/**
 * The settings, team, bulk and policy fields had the browser's maxlength: a paste past it was cut and the rest
 * saved without a word (and the bulk tag's box took 80 characters where the save takes 40). Each now keeps the
 * whole paste, says it under the box and waits; its limit is the contract's, counted as the contract counts.
 */
describe('a screen’s limit outside a form', () => {
  const cases: { field: string; max: number; saved(text: string): boolean; fits(text: string): boolean }[] = [
    { field: 'the team name', max: USER_NAME_MAX, saved: (text) => contract['team:identity-set'].input.safeParse({ userName: text }).success, fits: (text) => !isTooLong(text, USER_NAME_MAX) },
    { field: 'the home province', max: 80, saved: (text) => contract['settings:update'].input.safeParse({ homeRegion: text }).success, fits: (text) => homeLocationFits({ homeCountry: 'CN', homeRegion: text }) },
    { field: 'a bulk tag', max: BULK_TEXT_MAX.tag, saved: (text) => contract['customers:bulkUpdate'].input.safeParse({ ids: ['01a24f5c-fd13-73b9-8a68-7a2671a7b970'], action: { kind: 'addTag', tag: text } }).success, fits: (text) => !isTooLong(text, BULK_TEXT_MAX.tag) },
    { field: 'a bulk owner', max: BULK_TEXT_MAX.owner, saved: (text) => contract['customers:bulkUpdate'].input.safeParse({ ids: ['01a24f5c-fd13-73b9-8a68-7a2671a7b970'], action: { kind: 'setOwner', owner: text } }).success, fits: (text) => !isTooLong(text, BULK_TEXT_MAX.owner) },
    ...(['notes', 'nextAction', 'responsible'] as const).map((key) => ({
      field: `a policy's ${key}`,
      max: { notes: 2000, nextAction: 500, responsible: 100 }[key],
      saved: (text: string) => contract['policies:saveMany'].input.safeParse({ policies: [{ scheme: 'pyramid', classKey: 'gold', cadenceDays: null, ...NO_POLICY_TEXT, [key]: text }] }).success,
      fits: (text: string) => !anyPolicyTooLong([{ ...NO_POLICY_TEXT, [key]: text }]),
    })),
  ];

  it.each(cases)('$field: the screen waits for exactly what the save would refuse', ({ max, saved, fits }) => {
    expect([saved(faces(max)), fits(faces(max))]).toEqual([true, true]);
    expect([saved(faces(max + 1)), fits(faces(max + 1))]).toEqual([false, false]);
  });
});

/** The markup a component draws in one language. */
function drawn(language: Language, element: ReactElement): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: instances[language] }, element));
}

/**
 * Whether the box is drawn in error. Its message comes a moment after (antd shows a field's help once the page is
 * drawn, never in a static render): its words are length-limit.test.ts's, and the Chromium run shows them in place.
 */
const inError = (html: string) => /ant-form-item-has-error/.test(html) && /ant-input-status-error/.test(html);

describe.each(['en', 'zh-CN'] as const)('a long paste outside a form (%s)', (language) => {
  it('a policy note is kept whole, its box in error', () => {
    const note = '客户要求提前发货，请安排。'.repeat(200);
    expect(note.length).toBe(2600);
    const html = drawn(language, createElement(PolicyText, { value: note, max: 2000, onChange: () => undefined, testId: 'notes-gold' }));
    expect(html).not.toMatch(/maxlength/i);
    expect(html).toContain(`>${note}</textarea>`);
    expect(inError(html)).toBe(true);
    // At the limit, the same box is plain.
    expect(inError(drawn(language, createElement(PolicyText, { value: note.slice(0, 2000), max: 2000, onChange: () => undefined, testId: 'notes-gold' })))).toBe(false);
  });

  it('the team name and the home province are kept whole, their boxes in error', () => {
    const name = 'Zhang Wei, South China Regional Sales Manager. '.repeat(3);
    const team = drawn(language, createElement(TeamIdentityForm, { userName: name, onSaved: () => undefined }));
    expect(team).not.toMatch(/maxlength/i);
    expect(name.length).toBe(141);
    expect(team).toContain(`value="${name}"`);
    expect(inError(team)).toBe(true);

    const region = '浙江省杭州市余杭区'.repeat(10);
    const home = drawn(language, createElement(HomeLocationFields, { value: { homeCountry: 'CN', homeRegion: region }, onChange: () => undefined }));
    expect(home).not.toMatch(/maxlength/i);
    expect(home).toContain(`value="${region}"`);
    expect(inError(home)).toBe(true);
    expect(inError(drawn(language, createElement(HomeLocationFields, { value: { homeCountry: 'CN', homeRegion: region.slice(0, 80) }, onChange: () => undefined })))).toBe(false);
  });
});
