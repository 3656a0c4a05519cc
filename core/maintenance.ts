import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { NormalizedContact } from './handlers/contacts';
import { buildSearchText, buildSortName } from './search-text';
import { foldedLower } from '../shared/domain/pinyin';
import { searchForm } from '../shared/domain/search-form';
import { orderNumberKey } from '../shared/domain/order-number';

/**
 * The one-time tasks a migration left for the app (db/schema/maintenance.ts), by name. Each runs in one
 * transaction with the deletion of its row, when the app next opens the file: once, whichever process
 * (the app, the CLI) opens it first.
 */
const TASKS: Readonly<Record<string, (client: Database.Database) => void>> = {
  search_keys_folded: foldSearchKeys,
  search_keys_given_names: keyGivenNames,
  search_keys_script_folded: foldScripts,
  order_numbers_keyed: keyOrderNumbers,
  // Migration 0036: the key drops the characters that render as nothing; the numbers that can hold one are keyed again.
  order_numbers_keyed_visible: keyOrderNumbers,
};

/**
 * Does the tasks a migration left; a name this build does not know stays for the build that does. Called as
 * the file opens, whose other writes (the schema version, the settings row) wait for another process's write
 * the same way.
 */
export function runMaintenanceTasks(db: Db): void {
  const client = db.$client;
  const pending = client.prepare(`SELECT name FROM maintenance_tasks ORDER BY name`).pluck().all() as string[];
  for (const name of pending) {
    const task = TASKS[name];
    if (!task) continue;
    client.transaction(() => {
      task(client);
      client.prepare(`DELETE FROM maintenance_tasks WHERE name = ?`).run(name);
    })();
  }
}

/**
 * True when text's search and sort keys have a folded form (shared/domain/pinyin.ts foldedLower): Unicode's
 * compatibility folding changes it, as it does full-width letters and digits. ASCII never changes.
 */
function folds(text: string | null): boolean {
  return text !== null && /[^\x00-\x7f]/.test(text) && foldedLower(text) !== text.toLowerCase();
}

/**
 * The keys a customer is found and sorted by gained their name's full-width letters and digits folded, the
 * pinyin made from that ("ＡＢＣ贸易" is found by "abc" and "abcmy", and sorts among the A's): the customers
 * whose name or company folds are keyed again. Only theirs: the rest would get the keys they have, and keying
 * a Chinese name costs its pinyin. `updated_at` stays: the keys are derived. (Products' names are stored
 * folded, so their keys were already.)
 */
function foldSearchKeys(client: Database.Database): void {
  rekeyCustomers(client, (c) => folds(c.name) || folds(c.company));
}

/**
 * A person's Chinese name gained the key of its given name read as usual (赵六 "zhaoliu" beside surname mode's
 * "zhaolu"): the individuals whose name holds Chinese are keyed again, where that changes their keys. `updated_at`
 * stays: the keys are derived.
 */
function keyGivenNames(client: Database.Database): void {
  rekeyCustomers(client, (c) => c.type === 'individual' && /\p{Script=Han}/u.test(c.name));
}

/** True when searchForm changes text: it holds a Traditional character or one that renders as nothing. ASCII never does. */
function scriptFolds(text: string | null): boolean {
  return text !== null && /[^\x00-\x7f]/.test(text) && searchForm(text) !== text;
}

/**
 * The search keys gained the name with Traditional characters as Simplified and invisible ones dropped (張三豐 is
 * found by 张三丰, 李\u200D四 by 李四), and the sort key is made from that form: the customers whose name, company
 * or email address changes under it are keyed again (a WeChat ID is ASCII, a phone digits). `updated_at` stays: the
 * keys are derived. Products are left as keyed: their search also looks for the query as typed (db/repos/products.ts).
 */
function foldScripts(client: Database.Database): void {
  // Only addresses holding a non-ASCII character can change: the rest are not read into memory.
  const values = client.prepare(`SELECT customer_id, value FROM contact_channels WHERE deleted_at IS NULL AND kind = 'email' AND value GLOB '*[^ -~]*'`).raw().all() as [string, string][];
  const byContact = new Set(values.filter(([, value]) => scriptFolds(value)).map(([id]) => id));
  rekeyCustomers(client, (c) => scriptFolds(c.name) || scriptFolds(c.company) || byContact.has(c.id));
}

type KeyedCustomer = { id: string; name: string; company: string | null; type: string; searchText: string; sortName: string };

/** Keys again the customers `chosen` picks, writing only those whose search or sort keys come out different. */
function rekeyCustomers(client: Database.Database, chosen: (customer: KeyedCustomer) => boolean): void {
  const customers = client.prepare(`SELECT id, name, company, type, search_text AS searchText, sort_name AS sortName FROM customers`).all() as KeyedCustomer[];
  const contacts = client.prepare(`SELECT kind, value, label FROM contact_channels WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
  const keyCustomer = client.prepare(`UPDATE customers SET search_text = ?, sort_name = ? WHERE id = ?`);
  for (const customer of customers) {
    if (!chosen(customer)) continue;
    const searchText = buildSearchText(customer, contacts.all(customer.id) as NormalizedContact[]);
    const sortName = buildSortName(customer);
    if (searchText !== customer.searchText || sortName !== customer.sortName) keyCustomer.run(searchText, sortName, customer.id);
  }
}

type NumberedRow = { rowid: number; id: string; createdAt: string; number: string; key: string | null; live: number };

/**
 * Order numbers became compared width- and case-folded (shared/domain/order-number.ts). Migration 0033 keyed in SQL
 * every number it could fold (printable ASCII, without a live clash); the rest are keyed here: numbers holding other
 * characters (ＩＮＶ－１), and live numbers that are now one (INV-1 and inv-1: the same invoice entered twice). Those
 * all stay, with what they hold: the one entered first (created_at, then id: the same on every laptop of a team) keeps
 * its number; each later one is renumbered `<number>-<last 6 of its id>`, as two laptops' collision is
 * (core/sync/apply.ts), so it is still found by the number typed and can be deleted as the duplicate it likely is.
 * Deleted orders are keyed too (a restore compares the key), never renumbered. A renumbering is an edit of the order
 * (updated_at moves, a team hears it); keying alone is not: the key is derived. Only the rows left and the live rows
 * holding the keys they fold to are read, so a book of ASCII numbers costs one query. The key later dropped the
 * characters that render as nothing (INV\u200B-1 is INV-1): migration 0036 runs this again, and the same rows (those
 * beyond printable ASCII) are keyed and settled the same way.
 */
function keyOrderNumbers(client: Database.Database): void {
  const columns = `rowid, id, created_at AS createdAt, order_number AS number, order_number_key AS key, deleted_at IS NULL AS live`;
  const left = client
    .prepare(`SELECT ${columns} FROM orders WHERE order_number IS NOT NULL AND (order_number GLOB '*[^ -~]*' OR order_number_key IS NOT lower(trim(order_number)))`)
    .all() as NumberedRow[];
  if (left.length === 0) return;
  const holders = client.prepare(`SELECT ${columns} FROM orders WHERE order_number_key = ? AND deleted_at IS NULL`);
  const rows = new Map(left.map((r) => [r.rowid, r]));
  for (const key of new Set(left.map((r) => orderNumberKey(r.number)))) for (const r of holders.all(key) as NumberedRow[]) rows.set(r.rowid, r);
  const ordered = [...rows.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A key is taken when given here already, or held by a live order not read here (which keeps its key).
  const held = new Set<string>();
  const taken = (key: string) => held.has(key) || (holders.all(key) as NumberedRow[]).some((r) => !rows.has(r.rowid));
  const changes: { rowid: number; from: string | null; number: string; key: string; renumbered: boolean }[] = [];
  for (const row of ordered) {
    let number = row.number;
    let key = orderNumberKey(number);
    if (row.live === 1) {
      for (let n = 0; taken(key); n++) {
        number = `${row.number}-${n === 0 ? row.id.slice(-6) : `${row.id.slice(-6)}-${n + 1}`}`;
        key = orderNumberKey(number);
      }
      held.add(key);
    }
    if (key !== row.key || number !== row.number) changes.push({ rowid: row.rowid, from: row.key, number, key, renumbered: number !== row.number });
  }
  // A key being given may still be another row's until that row's turn comes (inv-1, typed so and kept as itself by
  // the migration, while INV-1 entered before it takes inv-1): such a row first takes a key of its own, its id behind
  // a NUL, which no typed number holds. Only those: parking every row would write each twice.
  const given = new Set(changes.map((c) => c.key));
  const park = client.prepare(`UPDATE orders SET order_number_key = char(0) || id WHERE rowid = ?`);
  for (const c of changes) if (c.from !== null && given.has(c.from)) park.run(c.rowid);
  const setKey = client.prepare(`UPDATE orders SET order_number_key = ? WHERE rowid = ?`);
  const renumber = client.prepare(`UPDATE orders SET order_number = ?, order_number_key = ?, updated_at = ? WHERE rowid = ?`);
  const now = new Date().toISOString();
  for (const c of changes) {
    if (c.renumbered) renumber.run(c.number, c.key, now, c.rowid);
    else setKey.run(c.key, c.rowid);
  }
}
