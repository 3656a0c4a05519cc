/**
 * What is owed on an order (orders.unpaid_minor, base_unpaid_minor), derived in SQLite itself from the order's terms
 * (terms_unpaid_minor, terms_base_unpaid_minor: what its own payment terms left unpaid at create or edit) less its live
 * payments (order_payments neither deleted nor closed by the edit whose terms stand: livePayment), never below 0. Triggers keep it in the
 * transaction of every write of either — a handler, an import or its undo, a merge, a sync applying another laptop's
 * order or payment — so every reader (reports, Today, receivables, the partial index orders_unpaid) reads one column.
 * The migration 0041_order_payments_derived holds this text (a test keeps the two equal).
 */

/**
 * A payment `p` of order `o` that still subtracts from its terms: not deleted, and not closed by the edit whose terms
 * stand (an edit closes the payments its laptop knew with its own time, orders.terms_set_at). One closed by an edit
 * whose terms lost to another laptop's, made without seeing the payment, counts against those.
 */
export const livePayment = (p: string, o: string) => `${p}.deleted_at IS NULL AND (${p}.closed_at IS NULL OR ${p}.closed_at IS NOT ${o}.terms_set_at)`;

const LIVE_PAID = (order: string) =>
  `coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = ${order} AND ${livePayment('p', 'o')}), 0)`;

/**
 * The terms are never read past what a sale can owe (its amount; a return owes nothing), as the CHECK
 * orders_unpaid_range says: an amount lowered on one laptop and the terms restated on another can meet. The base
 * figure is the terms' base scaled by what is left of them, rounded half up, so with no payment it is the terms' own.
 */
const recompute = (order: string) => `UPDATE orders SET (unpaid_minor, base_unpaid_minor) = (
    SELECT u, CASE WHEN u = 0 THEN 0 WHEN u = t THEN tb ELSE CAST((tb * u * 2 + t) / (t * 2) AS INTEGER) END
    FROM (SELECT max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END - ${LIVE_PAID('o.id')}) AS u,
                 o.terms_unpaid_minor AS t, o.terms_base_unpaid_minor AS tb
          FROM orders o WHERE o.id = ${order}))
  WHERE id = ${order};`;

export function orderUnpaidTriggerSql(): string {
  const triggers = [
    // A writer that wrote the terms as what is owed (every one does, with no payment yet) costs an import nothing more.
    `CREATE TRIGGER order_unpaid_order_insert AFTER INSERT ON orders
  WHEN NEW.unpaid_minor IS NOT NEW.terms_unpaid_minor OR NEW.base_unpaid_minor IS NOT NEW.terms_base_unpaid_minor OR EXISTS (SELECT 1 FROM order_payments p WHERE p.order_id = NEW.id) BEGIN
  ${recompute('NEW.id')}
END;`,
    // A write of what is owed itself is derived again too: a writer (a sync applying an order) may put a provisional
    // value there, within the CHECK, in the statement that changes the amount. (Triggers do not fire themselves.)
    `CREATE TRIGGER order_unpaid_order_update AFTER UPDATE OF terms_unpaid_minor, terms_base_unpaid_minor, terms_set_at, amount_minor, kind, unpaid_minor, base_unpaid_minor ON orders BEGIN
  ${recompute('NEW.id')}
END;`,
    `CREATE TRIGGER order_unpaid_payment_insert AFTER INSERT ON order_payments BEGIN
  ${recompute('NEW.order_id')}
END;`,
    `CREATE TRIGGER order_unpaid_payment_update AFTER UPDATE OF order_id, amount_minor, deleted_at, closed_at ON order_payments BEGIN
  ${recompute('NEW.order_id')}
  ${recompute('OLD.order_id')}
END;`,
    `CREATE TRIGGER order_unpaid_payment_delete AFTER DELETE ON order_payments BEGIN
  ${recompute('OLD.order_id')}
END;`,
  ];
  return `-- An order's unpaid amount: its terms less its live payments, kept by every write (docs/orders.md, Payments).\n${triggers.join('\n--> statement-breakpoint\n')}\n`;
}

/** Every order's terms as what it owes now, with no payment rows: the data of a database made before payments were rows. */
export const TERMS_FROM_UNPAID_SQL = `-- Every order's unpaid amount becomes its terms; it has no payments yet, so what it owes is unchanged.
UPDATE orders SET terms_unpaid_minor = unpaid_minor, terms_base_unpaid_minor = base_unpaid_minor;
`;

/**
 * What is owed on an order as its terms alone set it, within what a sale can owe: the value a writer puts in
 * unpaid_minor beside the terms in one statement, so the row meets orders_unpaid_range before the triggers above
 * subtract the payments.
 */
export function provisionalUnpaid(values: { kind: unknown; amount_minor: unknown; terms_unpaid_minor: unknown; terms_base_unpaid_minor: unknown }): { unpaid_minor: number; base_unpaid_minor: number } {
  const terms = Number(values.terms_unpaid_minor ?? 0);
  const unpaid = values.kind === 'sale' ? Math.max(0, Math.min(terms, Number(values.amount_minor ?? 0))) : 0;
  return { unpaid_minor: unpaid, base_unpaid_minor: unpaid === 0 ? 0 : Number(values.terms_base_unpaid_minor ?? 0) };
}
