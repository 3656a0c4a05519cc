import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { chanceText, scoreText } from '../../../renderer/features/prediction/chance-text';
import { PAliveText } from '../../../renderer/features/prediction/PAliveText';
import { resources } from '../../../renderer/i18n/resources';
import { bothTranslators } from '../../support/both-languages';

/**
 * A purchase likelihood of 0.3 % read "0%" on Predictions, the customer list and the customer file, and a P(alive)
 * of 0.0000002 (a demo customer's) read "Still active: 0%": as if the model were sure. Near 0 and near 1 the
 * percentage now says "<1%" and ">99%". Every expected text below is worked out by hand.
 */
const ts = bothTranslators();

describe('a chance as a whole percentage', () => {
  it.each(['zh-CN', 'en'] as const)('rounds in between, and says "<1%" / ">99%" only when rounding would claim 0 or 1, in %s', (language) => {
    const t = ts[language];
    // 0 and 1 exactly are what they say.
    expect(chanceText(0, t, language)).toBe('0%');
    expect(chanceText(1, t, language)).toBe('100%');
    // 0.4 % and 0.0000002 % round to 0 % but are not 0.
    expect(chanceText(0.004, t, language)).toBe('<1%');
    expect(chanceText(1.9323996715503857e-7, t, language)).toBe('<1%');
    // 0.6 % rounds up to 1 %; 37.4 % down to 37 %; 99.4 % to 99 %.
    expect(chanceText(0.006, t, language)).toBe('1%');
    expect(chanceText(0.374, t, language)).toBe('37%');
    expect(chanceText(0.994, t, language)).toBe('99%');
    // 99.6 % and 99.9999 % round to 100 % but are not 1.
    expect(chanceText(0.996, t, language)).toBe('>99%');
    expect(chanceText(0.999999, t, language)).toBe('>99%');
  });

  it.each(['zh-CN', 'en'] as const)('words a stored score (the chance rounded to whole percent, never 0 or 1 before rounding) in %s', (language) => {
    const t = ts[language];
    expect(scoreText(0, t, language)).toBe('<1%');
    expect(scoreText(1, t, language)).toBe('1%');
    expect(scoreText(78, t, language)).toBe('78%');
    expect(scoreText(99, t, language)).toBe('99%');
    expect(scoreText(100, t, language)).toBe('>99%');
  });
});

async function renderedPAlive(language: 'zh-CN' | 'en', pAlive: number): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: language,
    defaultNS: 'prediction',
    resources: { [language]: { prediction: resources.prediction[language] } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(PAliveText, { pAlive, estimated: true })));
}

describe('P(alive) on the screens', () => {
  it.each(['zh-CN', 'en'] as const)('reads "<1%" for a customer almost surely gone, not "0%", in %s', async (language) => {
    expect(await renderedPAlive(language, 3.001978712787234e-8)).toContain('>&lt;1%</span>');
    expect(await renderedPAlive(language, 0.945)).toContain('>95%</span>');
  });
});
