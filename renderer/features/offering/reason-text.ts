import type { TFunction } from 'i18next';
import type { PeerProductRow, UsualProductRow } from '../../../shared/contract/offering';
import { formatDate, formatPercent } from '../../components/format';

/** Units as people read them: whole numbers plainly, weights with up to three decimals. */
export function formatQuantity(quantity: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(quantity);
}

/**
 * Why a product is offered, in words: the reason comes as data from the main process. On the tier screen
 * the peers are the class itself ('class'); on a customer file, the customers like them ('peers').
 */
export function reasonText(t: TFunction, reason: UsualProductRow['reason'] | PeerProductRow['reason'], language: string, context: 'peers' | 'class' = 'peers'): string {
  if (reason.kind === 'usual') {
    const quantity = formatQuantity(reason.quantity, language);
    return reason.lastBought
      ? t('offering:reason.usual', { count: reason.orders, quantity, date: formatDate(reason.lastBought, language) })
      : t('offering:reason.usualNoDate', { count: reason.orders, quantity });
  }
  const share = formatPercent(reason.share, language, { digits: 0 });
  return t(context === 'class' ? 'offering:reason.classBuyers' : 'offering:reason.peers', { count: reason.peers, buyers: reason.buyers, share });
}
