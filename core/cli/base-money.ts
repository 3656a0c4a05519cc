import { minorToDecimal } from '../../shared/domain/money';

/** An amount of the workspace's base currency, in minor units (or a fraction of one), as a CLI line shows it. */
export type BaseMoney = (minor: number | null | undefined) => string;

/**
 * Amounts as people read them, the way the order commands print theirs: "1234.50 CNY", the currency's own
 * digits, a fraction of a minor unit (an average) rounded; a dash where there is none. Without a currency
 * (a command that reads no workspace) the minor units, saying so. `--json` prints the contract's minor units.
 */
export function baseMoney(currency: string | undefined): BaseMoney {
  return (minor) => {
    if (minor === null || minor === undefined || !Number.isFinite(minor)) return '–';
    return currency ? `${minorToDecimal(Math.round(minor), currency)} ${currency}` : `${Math.round(minor)} (minor units)`;
  };
}
