import { minorToDecimal } from '../../shared/domain/money';

/** An amount of the workspace's base currency, in minor units (or a fraction of one), as a CLI line shows it. */
export type BaseMoney = (minor: number | null | undefined) => string;

/**
 * Amounts as people read them, the way the order commands print theirs: "1234.50 CNY", the currency's own
 * digits, a fraction of a minor unit (an average) rounded; a dash where there is none. Without a currency
 * (a command that reads no workspace) the minor units, saying so. `--json` prints the contract's minor units.
 */
export function baseMoney(currency: string | undefined): BaseMoney {
  if (!currency) return (minor) => (isAmount(minor) ? `${Math.round(minor)} (minor units)` : '–');
  const amount = decimalAmount(currency);
  return (minor) => (isAmount(minor) ? `${amount(minor)} ${currency}` : '–');
}

/** The number alone ("1234.50"), for a table whose title names the currency: rounded as baseMoney, a dash for none. */
export function decimalAmount(currency: string): BaseMoney {
  return (minor) => (isAmount(minor) ? minorToDecimal(Math.round(minor), currency) : '–');
}

const isAmount = (minor: number | null | undefined): minor is number => minor !== null && minor !== undefined && Number.isFinite(minor);
