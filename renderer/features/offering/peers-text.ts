import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../shared/contract';

type Offers = OutputOf<'offers:customer'>;

/**
 * What the "customers like them also buy" card says when it lists nothing. A customer alone in their class
 * (the one platinum customer of a group) has no peers at all: telling them "they already buy what customers
 * like them buy" was untrue, so that case says there is nobody like them yet.
 */
export function alsoBuyEmptyText(t: TFunction, offers: Offers | null): string {
  if (offers && offers.classKey === null) return t('offering:peers.noClass');
  if (offers && offers.peers === 0) return t('offering:peers.noPeers');
  return t('offering:peers.empty');
}
