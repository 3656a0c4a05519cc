import { parseAmount } from '../../../shared/domain/money';
import { typedAmount } from '../../../shared/domain/typed-number';

/**
 * Whether a typed payment is more than what the order owes now. The dialog refuses it as it is typed, naming the
 * balance: money handed over past the balance is change to give back, or belongs to another order that owes, and a
 * payment recorded past the balance would leave this order overpaid. Text that is no amount is left to the server's
 * check, which names what is wrong with it.
 */
export function paysPastBalance(text: string, balanceMinor: number, currency: string): boolean {
  const parsed = parseAmount(typedAmount(text), currency);
  return parsed.ok && parsed.minor > balanceMinor;
}
