import type Database from 'better-sqlite3';
import type { Language } from '../../shared/contract/enums';
import { minorDigits } from '../../shared/domain/money';
import { EXPORT_VALUE_LABELS, type ExportKind } from '../../shared/export/columns';
import { OUT_OF_POPULATION } from '../../db/schema/segmentation';
import type { ClassLabels } from './class-labels';

export type ExportRow = Record<string, string | number | null>;

const contactList = (kind: string) =>
  `(SELECT group_concat(value, '; ') FROM (SELECT value FROM contact_channels WHERE customer_id = c.id AND kind = '${kind}' AND deleted_at IS NULL ORDER BY created_at, id))`;
const firstPhone = `(SELECT value FROM contact_channels WHERE customer_id = c.id AND kind = 'phone' AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1)`;

const CUSTOMER_SELECT = `SELECT c.id, c.code, c.name, c.company, c.type, ${contactList('phone')} AS phone, ${contactList('email')} AS email, ${contactList('wechat')} AS wechat,
      ${contactList('whatsapp')} AS whatsapp, c.industry, c.country, c.region, c.city, c.size_band AS sizeBand, c.income_band AS incomeBand, c.needs, c.tags,
      c.owner, c.source, c.manual_level AS manualLevel, c.notes, c.locality, c.locality_manual AS localityManual, c.archived_at AS archivedAt, c.order_count AS orderCount, c.revenue_base_minor AS revenueBaseMinor,
      c.last_order_date AS lastOrderDate, c.last_contact_at AS lastContactAt, c.next_contact_date AS nextContactDate, c.created_at AS createdAt,
      (SELECT base_currency FROM settings WHERE id = 1) AS baseCurrency
    FROM customers c`;

/** Live returns recorded against sale `o`, as a negative total in its currency (what they took off its debt). */
const returnedOfSale = `(SELECT coalesce(sum(r.amount_minor), 0) FROM orders r WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL)`;

const QUERIES: Record<ExportKind, string> = {
  customers: `${CUSTOMER_SELECT} WHERE c.deleted_at IS NULL ORDER BY c.sort_name, c.id`,
  orders: `SELECT o.id, c.code AS customerCode, c.name AS customerName, c.company AS customerCompany, ${firstPhone} AS customerPhone, o.order_number AS orderNumber,
      o.order_date AS orderDate, o.amount_minor AS amountMinor, o.currency, o.fx_rate AS fxRate, o.kind, o.cost_minor AS costMinor, o.unpaid_minor AS unpaidMinor,
      o.payment_due_date AS dueDate, o.note, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lineCount,
      o.base_amount_minor AS baseAmountMinor, o.base_currency AS baseCurrency, ${returnedOfSale} AS returnedMinor
    FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY o.order_date, o.id`,
  orderLines: `SELECT o.order_number AS orderNumber, c.code AS customerCode, c.name AS customerName, c.company AS customerCompany, ${firstPhone} AS customerPhone,
      o.order_date AS orderDate, l.sku, l.name AS product, l.quantity, l.unit_price_minor AS unitPriceMinor, l.amount_minor AS lineMinor, l.cost_minor AS costMinor,
      o.currency, o.fx_rate AS fxRate, o.kind, o.amount_minor AS amountMinor, o.unpaid_minor AS unpaidMinor, o.payment_due_date AS dueDate, o.note,
      o.id AS orderId, o.cost_minor AS orderCostMinor, ${returnedOfSale} AS returnedMinor,
      NOT EXISTS (SELECT 1 FROM order_lines x WHERE x.order_id = o.id AND x.cost_minor IS NOT NULL) AS noLineCost
    FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id
    WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY o.order_date, o.id, l.position`,
  followUps: `SELECT f.id, c.code AS customerCode, c.name AS customerName, c.company AS customerCompany, ${firstPhone} AS customerPhone, f.occurred_at AS occurredAt,
      f.channel, f.content, f.outcome, f.intent, f.satisfaction, f.next_contact_date AS nextContactDate, f.next_contact_time AS nextContactTime, f.done
    FROM follow_ups f JOIN customers c ON c.id = f.customer_id WHERE f.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY f.occurred_at, f.id`,
};

/** Minor units as a number of major units (1234.5 for 123450 fen): a real number cell, not text. */
const major = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);

/**
 * What a sale still owes: unpaid less what its returns took off (never below 0), as the app shows it. The
 * returns are exported on their own rows and import back standalone, which owe nothing off any sale.
 */
const balanceOf = (r: Record<string, string | number | null>) => (r.kind === 'return' ? 0 : Math.max(0, Number(r.unpaidMinor) + Number(r.returnedMinor ?? 0)));

/**
 * What was paid on a sale (its amount less what is still owed, returns counted), so a re-import owes the
 * same; blank on a return, which is never owed on. The due date only matters while something is owed.
 */
function payment(r: Record<string, string | number | null>): { paid: number | null; dueDate: string | number | null } {
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
 * The customers' classes in every scheme of the latest segmentation run. Assignments are stored as
 * change points, so a customer's class is its latest row on or before that day (one primary-key seek per
 * scheme). Nothing when segmentation never ran.
 */
export function classLookup(client: Database.Database): { asOf: string; schemes: string[]; classesOf(customerId: string): Record<string, string | null> } | null {
  const asOf = client.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get() as string | null;
  if (!asOf) return null;
  const schemes = client.prepare(`SELECT DISTINCT scheme FROM segment_assignments ORDER BY scheme`).pluck().all() as string[];
  const latest = client.prepare(`SELECT class_key FROM segment_assignments WHERE scheme = ? AND customer_id = ? AND as_of <= ? ORDER BY as_of DESC LIMIT 1`).pluck();
  return {
    asOf,
    schemes,
    classesOf: (customerId) =>
      Object.fromEntries(
        schemes.map((scheme) => {
          const key = latest.get(scheme, customerId, asOf) as string | undefined;
          return [scheme, key === undefined || key === OUT_OF_POPULATION ? null : key];
        }),
      ),
  };
}

/**
 * Rows for one export, one at a time (the statement is iterated, so 100k customers never sit in
 * memory at once). Enum values become words of the chosen language that the importer reads back.
 */
export function* exportRows(client: Database.Database, kind: ExportKind, language: Language, filter?: ClassFilter, only?: readonly string[], names?: ClassLabels): Generator<ExportRow> {
  const labels = EXPORT_VALUE_LABELS[language];
  const classes = kind === 'customers' ? classLookup(client) : null;
  const label = (group: string, value: unknown) => (value === null || value === undefined ? null : (labels[group]?.[String(value)] ?? String(value)));
  const source = kind === 'customers' && only ? customersInOrder(client, only) : (client.prepare(QUERIES[kind]).iterate() as Iterable<Record<string, string | number | null>>);
  let lastOrderId: string | number | null | undefined;
  for (const r of source) {
    if (kind === 'customers') {
      const tiers = classes?.classesOf(String(r.id)) ?? {};
      if (filter && tiers[filter.scheme] !== filter.classKey) continue;
      yield {
        ...Object.fromEntries(Object.entries(tiers).map(([scheme, key]) => [`class:${scheme}`, key === null || !names ? key : names.classOf(scheme, key)])),
        ...r,
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
