import type Database from 'better-sqlite3';
import type { Language } from '../../shared/contract/enums';
import { minorToDecimal } from '../../shared/domain/money';
import { EXPORT_VALUE_LABELS, type ExportKind } from '../../shared/export/columns';
import type { ClassLabels } from './class-labels';
import type { ClassLookup } from './classes';

export type ExportRow = Record<string, string | number | null>;

/**
 * A customer's live contacts as one JSON array of [kind, value], oldest first: one seek per customer. A list per
 * kind (four subqueries, each sorting its rows) took 2.7 s of the 3.3 s the query took at 100k customers.
 */
const contactsJson = `(SELECT json_group_array(json_array(kind, value)) FROM (SELECT kind, value FROM contact_channels WHERE customer_id = c.id AND deleted_at IS NULL ORDER BY created_at, id))`;
const firstPhone = `(SELECT value FROM contact_channels WHERE customer_id = c.id AND kind = 'phone' AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1)`;

const CUSTOMER_SELECT = `SELECT c.id, c.code, c.name, c.company, c.type, ${contactsJson} AS contacts, c.industry, c.country, c.region, c.city, c.size_band AS sizeBand, c.income_band AS incomeBand, c.needs, c.tags,
      c.owner, c.source, c.manual_level AS manualLevel, c.notes, c.locality, c.locality_manual AS localityManual, c.archived_at AS archivedAt, c.order_count AS orderCount, c.revenue_base_minor AS revenueBaseMinor,
      c.last_order_date AS lastOrderDate, c.last_contact_at AS lastContactAt, c.next_contact_date AS nextContactDate, c.created_at AS createdAt,
      (SELECT base_currency FROM settings WHERE id = 1) AS baseCurrency
    FROM customers c`;

/**
 * Live customers with what a row of theirs names them by, their first phone included, for the orders and
 * follow-ups to join: made once per customer rather than once per order (840k phone lookups took 3.3 s at
 * 100k customers), then found through the automatic index SQLite builds on it.
 */
const OWNERS = `owners AS MATERIALIZED (SELECT c.id, c.code, c.name, c.company, ${firstPhone} AS phone FROM customers c WHERE c.deleted_at IS NULL)`;

/**
 * Live returns recorded against each sale, as a negative total in its currency (what they took off its debt),
 * summed once. Asked per order, SQLite may scan all orders for each: ANALYZE counts the orders that return
 * nothing (nearly all) as one value of return_of_order_id, so the index looks useless for `= o.id`, and the
 * export of 840k orders would run for hours.
 */
const RETURNED = `returned AS MATERIALIZED (SELECT return_of_order_id AS sale_id, sum(amount_minor) AS minor FROM orders WHERE return_of_order_id IS NOT NULL AND deleted_at IS NULL GROUP BY return_of_order_id)`;

/**
 * Orders are read in the table's order and sorted once (NOT INDEXED): through the date index each row is a seek
 * to wherever it was inserted, and the 840k orders of 100k customers took 4.0 s that way, 2.2 s read in order and
 * sorted. SQLite's sorter spills to temporary files past its cache, so memory stays flat. Order lines are read
 * from the lines (CROSS JOIN keeps them first): the planner otherwise went through every order by date to find
 * their lines, 1.8 s for a file without any. Two laptops of a team can each add a line at one position
 * (db/repos/order-lines.ts): the id then orders them, as on the screens, so every laptop exports them alike.
 */
const QUERIES: Record<ExportKind, string> = {
  customers: `${CUSTOMER_SELECT} WHERE c.deleted_at IS NULL ORDER BY c.sort_name, c.id`,
  orders: `WITH ${OWNERS}, ${RETURNED}
    SELECT o.id AS orderRecordId, c.id AS customerRecordId, c.code AS customerCode, c.name AS customerName, c.company AS customerCompany, c.phone AS customerPhone, o.order_number AS orderNumber,
      o.order_date AS orderDate, o.amount_minor AS amountMinor, o.currency, o.fx_rate AS fxRate, o.kind, o.cost_minor AS costMinor, o.unpaid_minor AS unpaidMinor,
      CASE WHEN o.unpaid_minor > 0 THEN o.payment_due_date END AS dueDate, o.note, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lineCount,
      o.base_amount_minor AS baseAmountMinor, o.base_currency AS baseCurrency, coalesce(rt.minor, 0) AS returnedMinor
    FROM orders o NOT INDEXED JOIN owners c ON c.id = o.customer_id LEFT JOIN returned rt ON rt.sale_id = o.id WHERE o.deleted_at IS NULL ORDER BY o.order_date, o.id`,
  orderLines: `WITH ${OWNERS}, ${RETURNED}
    SELECT o.order_number AS orderNumber, c.code AS customerCode, c.name AS customerName, c.company AS customerCompany, c.phone AS customerPhone,
      o.order_date AS orderDate, l.sku, l.name AS product, l.quantity, l.unit_price_minor AS unitPriceMinor, l.amount_minor AS lineMinor, l.cost_minor AS costMinor,
      o.currency, o.fx_rate AS fxRate, o.kind, o.amount_minor AS amountMinor, o.unpaid_minor AS unpaidMinor, CASE WHEN o.unpaid_minor > 0 THEN o.payment_due_date END AS dueDate, o.note,
      o.id AS orderId, c.id AS customerRecordId, o.cost_minor AS orderCostMinor, coalesce(rt.minor, 0) AS returnedMinor,
      NOT EXISTS (SELECT 1 FROM order_lines x WHERE x.order_id = o.id AND x.cost_minor IS NOT NULL) AS noLineCost
    FROM order_lines l CROSS JOIN orders o ON o.id = l.order_id JOIN owners c ON c.id = o.customer_id LEFT JOIN returned rt ON rt.sale_id = o.id
    WHERE o.deleted_at IS NULL ORDER BY o.order_date, o.id, l.position, l.id`,
  followUps: `WITH ${OWNERS}
    SELECT f.id, c.id AS customerRecordId, c.code AS customerCode, c.name AS customerName, c.company AS customerCompany, c.phone AS customerPhone, f.occurred_at AS occurredAt,
      f.channel, f.content, f.outcome, f.intent, f.satisfaction, f.next_contact_date AS nextContactDate, f.next_contact_time AS nextContactTime, f.done
    FROM follow_ups f JOIN owners c ON c.id = f.customer_id WHERE f.deleted_at IS NULL ORDER BY f.occurred_at, f.id`,
};

/** Each kind's values in the order given, joined as a cell ("a; b"); null for a kind without any. */
function contactCells(json: string | number | null): { phone: string | null; email: string | null; wechat: string | null; whatsapp: string | null } {
  const cells = { phone: null as string | null, email: null as string | null, wechat: null as string | null, whatsapp: null as string | null };
  if (typeof json !== 'string') return cells;
  for (const [kind, value] of JSON.parse(json) as [string, string][]) {
    if (kind !== 'phone' && kind !== 'email' && kind !== 'wechat' && kind !== 'whatsapp') continue;
    const before = cells[kind];
    cells[kind] = before === null ? value : `${before}; ${value}`;
  }
  return cells;
}

/**
 * Minor units as the exact decimal of major units ("1234.50" for 123450 fen), which the writers make a number cell
 * of. Divided as a float, amounts past about 15 digits (the largest storable, 90071992547409.91) came back a cent
 * off after a round trip.
 */
const major = (minor: number, currency: string) => minorToDecimal(minor, currency);

/**
 * What a sale still owes: unpaid less what its returns took off (never below 0), as the app shows it. The
 * returns are exported on their own rows and import back standalone, which owe nothing off any sale.
 */
const balanceOf = (r: Record<string, string | number | null>) => (r.kind === 'return' ? 0 : Math.max(0, Number(r.unpaidMinor) + Number(r.returnedMinor ?? 0)));

/**
 * What was paid on a sale (its amount less what is still owed, returns counted), so a re-import owes the
 * same; blank on a return, which is never owed on. The due date only matters while something is owed.
 */
function payment(r: Record<string, string | number | null>): { paid: string | null; dueDate: string | number | null } {
  if (r.kind === 'return') return { paid: null, dueDate: null };
  const owed = balanceOf(r);
  return { paid: owed === 0 ? null : major(Number(r.amountMinor) - owed, String(r.currency)), dueDate: owed === 0 ? null : (r.dueDate ?? null) };
}

/** An instant as the business's local time, the way people write it and the importer reads it back. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Keeps a customer export to one class of one scheme (a tiered list), as of the latest segmentation run. */
export interface ClassFilter {
  scheme: string;
  classKey: string;
}

/**
 * Rows for one export, one at a time (the statement is iterated, so 100k customers never sit in
 * memory at once). Enum values become words of the chosen language that the importer reads back.
 */
export function* exportRows(client: Database.Database, kind: ExportKind, language: Language, filter?: ClassFilter, only?: readonly string[], names?: ClassLabels, classes?: ClassLookup | null): Generator<ExportRow> {
  const labels = EXPORT_VALUE_LABELS[language];
  const label = (group: string, value: unknown) => (value === null || value === undefined ? null : (labels[group]?.[String(value)] ?? String(value)));
  const source = kind === 'customers' && only ? customersInOrder(client, only) : (client.prepare(QUERIES[kind]).iterate() as Iterable<Record<string, string | number | null>>);
  const schemes = classes?.schemes ?? [];
  const classKeys = schemes.map((scheme) => `class:${scheme}`);
  const filterAt = filter ? schemes.indexOf(filter.scheme) : -1;
  let lastOrderId: string | number | null | undefined;
  for (const r of source) {
    if (kind === 'customers') {
      const tiers = classes?.classesOf(String(r.id)) ?? [];
      if (filter && tiers[filterAt] !== filter.classKey) continue;
      const classCells: ExportRow = {};
      for (let s = 0; s < tiers.length; s++) {
        const key = tiers[s]!;
        classCells[classKeys[s]!] = key === null || !names ? key : names.classOf(schemes[s]!, key);
      }
      const { contacts, ...customer } = r;
      yield {
        ...classCells,
        ...customer,
        ...contactCells(contacts ?? null),
        type: label('type', r.type),
        needs: label('needs', r.needs),
        source: label('source', r.source),
        locality: label('locality', r.locality),
        localityManual: label('localityManual', r.localityManual ? 'true' : 'false'),
        archived: label('archived', r.archivedAt ? 'true' : 'false'),
        tags: (JSON.parse(String(r.tags)) as string[]).join(', ') || null,
        revenueBase: major(Number(r.revenueBaseMinor), String(r.baseCurrency)),
        lastContactAt: r.lastContactAt ? localDateTime(String(r.lastContactAt)) : null,
        createdAt: localDateTime(String(r.createdAt)),
      };
    } else if (kind === 'orders') {
      const currency = String(r.currency);
      yield {
        ...r,
        amount: major(Number(r.amountMinor), currency),
        isReturn: label('isReturn', r.kind === 'return' ? 'true' : 'false'),
        cost: r.costMinor === null ? null : major(Number(r.costMinor), currency),
        ...payment(r),
        owed: major(balanceOf(r), currency),
        baseAmount: major(Number(r.baseAmountMinor), String(r.baseCurrency)),
      };
    } else if (kind === 'orderLines') {
      const currency = String(r.currency);
      // An order's cost typed in the app is not on any line: its first line carries it (the importer sums line costs).
      const firstLine = r.orderId !== lastOrderId;
      lastOrderId = r.orderId;
      const costMinor = r.costMinor ?? (firstLine && Number(r.noLineCost) === 1 ? r.orderCostMinor : null);
      yield {
        ...r,
        orderRecordId: r.orderId ?? null,
        unitPrice: major(Number(r.unitPriceMinor), currency),
        amount: major(Number(r.lineMinor), currency),
        cost: costMinor === null ? null : major(Number(costMinor), currency),
        ...payment(r),
      };
    } else {
      yield { ...r, occurredAt: localDateTime(String(r.occurredAt)), channel: label('channel', r.channel), intent: label('intent', r.intent), done: label('done', r.done ? 'true' : 'false') };
    }
  }
}

/**
 * The given customers in the given order (the list's filter and sort, or a selection), a chunk at a
 * time so a long list never passes SQLite's variable limit. Customers in the trash are left out.
 */
function* customersInOrder(client: Database.Database, ids: readonly string[]): Generator<Record<string, string | number | null>> {
  const select = client.prepare(`${CUSTOMER_SELECT} WHERE c.deleted_at IS NULL AND c.id IN (SELECT value FROM json_each(?))`);
  const CHUNK = 500;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const byId = new Map((select.all(JSON.stringify(chunk)) as Record<string, string | number | null>[]).map((r) => [String(r.id), r]));
    for (const id of chunk) {
      const row = byId.get(id);
      if (row) yield row;
    }
  }
}
