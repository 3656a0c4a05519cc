import type { TFunction } from 'i18next';

/**
 * The name of what a listed conflict is about. Conflicts name SQLite columns (manual_level); the customer form's labels
 * are keyed in camelCase.
 */
export function conflictFieldLabel(t: TFunction, field: string): string {
  // A sale deleted on one laptop while another recorded a return of it, brought back by the sync (core/sync/settle.ts).
  if (/^orders:[^.]+\.deleted_at$/.test(field)) return t('team:fieldNames.orderDeleted');
  // Payments that pass what an order owed after returns: a return after them, or two laptops' (core/sync/overpaid-conflicts.ts).
  if (/^orders:[^.]+\.payments$/.test(field)) return t('team:fieldNames.orderOverpaid');
  // One order line edited on two laptops (core/sync/conflicts.ts): the values name the line's product.
  const line = /^order_lines:[^.]+\.([a-z_]+)$/.exec(field);
  if (line) return t(`team:fieldNames.orderLine.${line[1]}`, { defaultValue: field });
  const key = field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return t(`team:fieldNames.${key}`, { defaultValue: t(`customerFile:fields.${key}`, { defaultValue: field }) });
}
