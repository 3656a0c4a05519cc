import type { FieldState, RowValues, SyncDoc } from './document';
import { syncedTable } from './tables';

/**
 * Columns that an earlier release sent and this one derives (SyncedTable.retired: an order's unpaid amount, now its
 * terms less its payments) stay out of what this laptop writes to the replica: a server whose check knows payments
 * refuses them, and another laptop of this release would read a stale one as an older laptop's payment.
 */
export function withoutRetired(doc: SyncDoc): SyncDoc {
  const retired = syncedTable(doc.table)?.retired;
  if (!retired || !retired.some((c) => c in doc.fields)) return doc;
  const fields: Record<string, FieldState> = {};
  for (const [name, state] of Object.entries(doc.fields)) if (!retired.includes(name)) fields[name] = state;
  return { ...doc, fields };
}

/** Each retired column, and the column that holds what it said in this release. */
const SAID_NOW: Readonly<Record<string, string>> = { unpaid_minor: 'terms_unpaid_minor', base_unpaid_minor: 'terms_base_unpaid_minor' };

/**
 * An order as a laptop on the release before payments were rows wrote it: it recorded a payment (or set the order's
 * payment) by writing what is owed, unpaid_minor. Written after the terms this laptop knows (or with none: an order it
 * created), that is the order's payment restated, as an edit of the order restates it here: it becomes the terms, and
 * the payments recorded here since still subtract (the older laptop could not see them).
 */
export function withTermsOfOlderRelease(doc: SyncDoc, values: RowValues): RowValues {
  if (doc.table !== 'orders') return values;
  const out = { ...values };
  for (const [old, now] of Object.entries(SAID_NOW)) {
    const said = doc.fields[old];
    const terms = doc.fields[now];
    if (said && (!terms || said.t > terms.t)) out[now] = said.v;
  }
  return out;
}
