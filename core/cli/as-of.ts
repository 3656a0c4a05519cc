import { invalidInput } from '../../shared/contract';
import { isIsoDate } from '../../shared/domain/dates';
import { optionalString } from './args';
import type { CliContext } from './commands';

/**
 * --as-of, refused when it is a day to come. Every figure read as of a day counts the days since the last order or
 * follow-up up to it: a day to come has had none of either yet, so it would show every customer as gone quiet (churned,
 * with no class) and its list as if nobody had been served. `segment` refuses such a day in its handler (tiers are stored
 * for days that have come); the commands that only read refuse it here, before any call. A malformed day is the
 * contract's to refuse. `key` says why in the command's own terms (the model's reason for `predict`).
 */
export function pastAsOf(v: Record<string, unknown>, context: CliContext, key = 'as_of_after_today'): string | undefined {
  const asOf = optionalString(v, 'as-of');
  const today = context.today();
  if (asOf !== undefined && isIsoDate(asOf) && asOf > today) throw invalidInput([{ path: ['asOf'], key, params: { today } }]);
  return asOf;
}
