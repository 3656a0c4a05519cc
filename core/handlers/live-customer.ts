import { AppError, notFound } from '../../shared/contract';
import { findCustomer, findLiveCustomer, type CustomerRecord } from '../../db/repos/customers';
import type { Db } from '../../db/open';

/**
 * The customer an order, a return or a follow-up is written on. One in the trash (deleted, or merged into
 * another) takes no new records: they would count on a customer no list shows, and come back with a restore
 * or an unmerge the user did not expect. Unknown ids stay "not found"; a deleted one says why, so the user
 * knows to restore it (or to write on the customer it was merged into).
 */
export function liveCustomerFor(db: Db, id: string, path: (string | number)[] = ['customerId']): CustomerRecord {
  const row = findLiveCustomer(db, id);
  if (row) return row;
  if (!findCustomer(db, id)) throw notFound('customer', id);
  throw new AppError('not_found', `No live customer with id ${id}: it is deleted or merged into another customer`, [{ path, key: 'customer_not_live' }]);
}
