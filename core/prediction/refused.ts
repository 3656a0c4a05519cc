import { invalidInput, type AppError } from '../../shared/contract';
import type { FitRefusal } from '../../shared/prediction';

/**
 * A fit asked for on a book with nothing to learn from, refused at the field that chose its day (asOf, or the
 * holdout's split): the renderer and the CLI say why in the user's terms, with how many customers there were.
 */
export function refusedFit(refused: FitRefusal, asOf: string, field: 'asOf' | 'split'): AppError {
  return invalidInput([{ path: [field], key: 'prediction_no_repeat_purchases', params: { customers: refused.customers, asOf } }]);
}
