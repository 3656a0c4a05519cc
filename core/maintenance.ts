import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { NormalizedContact } from './handlers/contacts';
import { buildSearchText, buildSortName } from './search-text';
import { foldedLower } from '../shared/domain/pinyin';
import { searchForm } from '../shared/domain/search-form';

/**
 * The one-time tasks a migration left for the app (db/schema/maintenance.ts), by name. Each runs in one
 * transaction with the deletion of its row, when the app next opens the file: once, whichever process
 * (the app, the CLI) opens it first.
 */
const TASKS: Readonly<Record<string, (client: Database.Database) => void>> = {
  search_keys_folded: foldSearchKeys,
  search_keys_given_names: keyGivenNames,
  search_keys_script_folded: foldScripts,
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
