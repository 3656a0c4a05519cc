import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../shared/contract';
import { alsoBuyEmptyText } from '../../../renderer/features/offering/peers-text';
import { resources } from '../../../renderer/i18n/resources';

type Offers = OutputOf<'offers:customer'>;

async function translator(language: 'en' | 'zh-CN'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng: language, resources: { [language]: { offering: resources.offering[language] } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** The one platinum customer of the overseas group: their class holds nobody else there. */
const alone = { classKey: 'platinum', peers: 0, alsoBuy: [] } as unknown as Offers;
const amongMany = { classKey: 'gold', peers: 5, alsoBuy: [] } as unknown as Offers;
const words = { cls: 'Platinum', scheme: 'Customer pyramid', group: 'Overseas' };

describe('"customers like them" for a customer alone in their class', () => {
  it.each([
    ['en', 'No other customer of group Overseas is in Platinum (Customer pyramid) to compare them with', 'No other customer is in Platinum (Customer pyramid) to compare them with'],
    ['zh-CN', 'Customer pyramid中没有其他同属「Overseas」的「Platinum」客户可作同类', 'Customer pyramid中没有其他「Platinum」客户可作同类'],
  ] as const)('says there is nobody like them, not "the 0 other customers" (%s)', async (language, inGroup, inScheme) => {
    const t = await translator(language);
    expect(t('offering:peers.basisGroup', { count: 0, ...words })).toBe(inGroup);
    expect(t('offering:peers.basis', { count: 0, ...words })).toBe(inScheme);
    expect(t('offering:peers.basisGroup', { count: 0, ...words })).not.toMatch(/\b0\b/);
  });

  it('keeps the count for one peer and for many', async () => {
    const t = await translator('en');
    expect(t('offering:peers.basisGroup', { count: 1, ...words })).toBe('Like them = the 1 other customer in Platinum (Customer pyramid), group Overseas');
    expect(t('offering:peers.basis', { count: 12, ...words })).toBe('Like them = the 12 other customers in Platinum (Customer pyramid)');
  });

  it.each(['en', 'zh-CN'] as const)('an empty list says why in %s: no peers, no class, or nothing new to offer', async (language) => {
    const t = await translator(language);
    const { peers } = resources.offering[language];
    expect(alsoBuyEmptyText(t, alone)).toBe(peers.noPeers);
    expect(alsoBuyEmptyText(t, { ...amongMany, classKey: null } as unknown as Offers)).toBe(peers.noClass);
    expect(alsoBuyEmptyText(t, amongMany)).toBe(peers.empty);
    expect(alsoBuyEmptyText(t, null)).toBe(peers.empty);
  });
});
