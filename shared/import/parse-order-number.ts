import { orderNumberKey } from '../domain/order-number';
import { parseIdentifier } from './parse-identifier';
import { ok, type ValueResult } from './result';
import type { Cell } from './table';

/** The longest order number kept, as the order form allows (shared/contract/orders.ts). */
const MAX_ORDER_NUMBER = 64;

/**
 * An order number cell, cleaned as any text is. A cell of nothing but characters that render as nothing (a soft
 * hyphen, a zero-width joiner, a variation selector) is no number, as the order form has it (tidyOrderNumber): its
 * key would be empty, and every such "number" would be one number, each later row refused as taken.
 */
export function parseOrderNumber(cell: Cell): ValueResult<string | null> {
  const parsed = parseIdentifier(cell, MAX_ORDER_NUMBER);
  if (parsed.ok && parsed.value !== null && orderNumberKey(parsed.value) === '') return ok(null);
  return parsed;
}
