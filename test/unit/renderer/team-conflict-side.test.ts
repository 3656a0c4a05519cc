import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ConflictSide } from '../../../renderer/features/team/ConflictSide';
import { resources } from '../../../renderer/i18n/resources';

async function rendered(language: 'zh-CN' | 'en', props: Parameters<typeof ConflictSide>[0]) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: language,
    defaultNS: 'team',
    resources: { [language]: { team: resources.team[language], common: resources.common[language] } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(ConflictSide, props)));
}

/** The text of every element with dir="auto", in order: the parts that keep their own direction. */
const ownDirection = (html: string) => [...html.matchAll(/<(\w+)[^>]* dir="auto"[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]);

const at = '2026-12-06T13:19:00.000Z';
const arabicPerson = 'مدير المبيعات 2';
const laptop = 'Laptop-of-ZhangWei-SalesManager-'.repeat(4).slice(0, 120);

/**
 * One side of a conflict the team's sync resolved: the value, who made the edit, when. A laptop's person is a
 * name someone typed: an Arabic one ending in a digit, set in the sentence "{who} · {time}", took the date's
 * year to its side ("2026 · 2 مدير المبيعات年12月6日"), and a 120-character one filled six lines of the cell.
 */
describe('a side of a resolved conflict', () => {
  it.each(['zh-CN', 'en'] as const)('keeps the person in their own direction, apart from the time, in %s', async (language) => {
    const html = await rendered(language, { value: 'شركة النور 2024', person: arabicPerson, at });
    expect(ownDirection(html)).toEqual(['شركة النور 2024', arabicPerson]);
    // The time is a part of its own after the person's, written whole.
    const time = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
    expect(html.indexOf(`>${time}<`)).toBeGreaterThan(html.indexOf(`>${arabicPerson}<`));
  });

  it('a long laptop name stays one line, whole on hover; a long value is cut with its whole text on hover', async () => {
    const value = 'KeptValueWithoutAnySpaces'.repeat(10);
    const html = await rendered('en', { value, person: laptop, at, overwritten: true });
    expect(html).toContain(`<span class="user-text" dir="auto" title="${laptop}">${laptop}</span>`);
    expect(html).toContain(`title="${value}"`);
    expect(html).toContain(`>${value.slice(0, 80)}…<`);
  });

  it('an empty value and an unknown person are said in words', async () => {
    const html = await rendered('zh-CN', { value: null, person: null, at });
    for (const words of ['（空）', '未知']) expect(html).toContain(words);
  });
});
