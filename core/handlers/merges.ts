import { listMerges } from '../../db/repos/merges';
import { findCustomer, liveContactsOf } from '../../db/repos/customers';
import { toCustomer } from '../../db/repos/rows';
import type { HandlerContext } from '../context';
import { findDuplicateGroups, mergeCustomers, unmergeCustomers } from '../merging';
import type { Handlers } from './types';

/** The channels of the duplicates screen; they live under `customers:` but are handled here, not in customers.ts. */
export type MergeChannel = 'customers:duplicates' | 'customers:merge' | 'customers:unmerge' | 'customers:merges';

export function mergeHandlers(ctx: HandlerContext): Pick<Handlers, MergeChannel> {
  const { db } = ctx;
  const now = () => ctx.clock.now().toISOString();
  return {
    'customers:duplicates': ({ limit }) => findDuplicateGroups(db, limit),

    'customers:merge': (input) => {
      const { mergeId, keptId, mergedIds, moved } = mergeCustomers(db, input, now());
      return { mergeId, customer: toCustomer(findCustomer(db, keptId)!, liveContactsOf(db, keptId)), mergedIds, moved };
    },

    'customers:unmerge': ({ mergeId }) => unmergeCustomers(db, mergeId, now()),

    'customers:merges': ({ limit }) => ({ merges: listMerges(db.$client, limit) }),
  };
}
