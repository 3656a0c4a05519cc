/**
 * What a team's CouchDB accepts, as data: every synced table (core/sync/tables.ts) and the shape of each
 * of its columns. The server's `validate_doc_update` (validate-doc-update.ts) interprets these rules, so
 * they can be read, tested and versioned here instead of inside a string of JavaScript.
 *
 * A document is one row: `{_id: "<table>:<key>", table, fields: {<column>: {v, t, b, by}}}` with the
 * column's value `v`, the hybrid logical clock `t` of the edit that wrote it, the clock `b` of the value it
 * replaced ('' for the first) and who wrote it (`by`).
 *
 * The rules are the server's last line of defence (a laptop with a bug, an old version, a hand-made
 * request): the app checks every write with its contract and SQLite's CHECKs long before a document
 * leaves the laptop. Bounds are therefore wider than the contract's (about 2.5×): the server refuses what
 * no version of the app produces, not what today's screens happen to allow.
 */

export type Rule =
  | { kind: 'string'; max: number; min?: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'uuid' }
  | { kind: 'date' }
  | { kind: 'instant' }
  | { kind: 'time' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  /** SQLite's boolean: 0 or 1. */
  | { kind: 'flag' }
  | { kind: 'currency' }
  | { kind: 'country' }
  /** Text holding JSON of one shape (SQLite keeps tags, sources and rules as JSON text). */
  | { kind: 'json'; max: number; shape: 'object' | 'strings'; items?: number; itemMax?: number };

/** `required`: the column must be there with a value (NOT NULL in SQLite); otherwise null is allowed. */
export type Column = Rule & { required?: boolean };

export interface TableRules {
  /** The columns naming the document after the table: `id` (a UUID) or a natural key every laptop agrees on. */
  key: readonly string[];
  columns: Readonly<Record<string, Column>>;
  /** Columns an older release sent and this one refuses, with what the refusal says of each. */
  retired?: Readonly<Record<string, string>>;
}

export interface DocRules {
  /** Bumped whenever the rules change, so the app replaces an older design document on the server. */
  version: number;
  /** Upper bound on one document's JSON text. */
  maxDocBytes: number;
  /** Upper bound on `by`, the name of who wrote a value. */
  maxByLength: number;
  tables: Readonly<Record<string, TableRules>>;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const OLDER_RELEASE = 'was written by an older TierBook (payments are rows of their own since rules version 3): update TierBook on this laptop';
const need = (rule: Rule): Column => ({ ...rule, required: true });
const text = (max: number): Column => ({ kind: 'string', max });
const name = (max: number): Column => need({ kind: 'string', min: 1, max });
const minor = (min = -MAX_SAFE, max = MAX_SAFE): Rule => ({ kind: 'int', min, max });
const instant: Rule = { kind: 'instant' };
const uuid: Rule = { kind: 'uuid' };
const fxRate: Rule = { kind: 'number', min: 1e-9, max: 1e9 };

/** The columns every user-created row carries (db/schema/columns.ts). */
const identity = { id: need(uuid), created_at: need(instant), updated_at: need(instant), deleted_at: instant } satisfies Record<string, Column>;
const authors = { created_by: text(300), updated_by: text(300) } satisfies Record<string, Column>;

export const DOC_RULES: DocRules = {
  // 2: the records of settlements the team shares (customer_merge_moves, restored_sales).
  // 3: payments as rows of their own (order_payments); an order carries its terms, what is owed is derived.
  version: 3,
  maxDocBytes: 256 * 1024,
  maxByLength: 300,
  tables: {
    customers: {
      key: ['id'],
      columns: {
        ...identity,
        name: name(300),
        company: text(500),
        type: need({ kind: 'enum', values: ['individual', 'enterprise', 'government', 'distributor', 'internal'] }),
        industry: text(200),
        country: { kind: 'country' },
        region: text(200),
        city: text(200),
        locality: { kind: 'enum', values: ['local', 'non_local', 'overseas'] },
        locality_manual: need({ kind: 'flag' }),
        size_band: text(100),
        income_band: text(100),
        needs: { kind: 'enum', values: ['product', 'service', 'solution'] },
        tags: need({ kind: 'json', shape: 'strings', max: 10_000, items: 100, itemMax: 100 }),
        owner: text(300),
        source: text(150),
        manual_level: { kind: 'enum', values: ['A', 'B', 'C'] },
        notes: text(10_000),
        archived_at: instant,
        code: text(500),
        ...authors,
      },
    },
    contact_channels: {
      key: ['id'],
      columns: {
        ...identity,
        customer_id: need(uuid),
        kind: need({ kind: 'enum', values: ['phone', 'email', 'wechat', 'whatsapp'] }),
        value: name(300),
        label: text(150),
      },
    },
    products: {
      key: ['id'],
      columns: {
        ...identity,
        identity_key: name(1_000),
        sku: text(300),
        name: name(500),
        search_text: need({ kind: 'string', max: 10_000 }),
        last_unit_price_minor: minor(),
        last_currency: { kind: 'currency' },
        last_sold_on: { kind: 'date' },
      },
    },
    orders: {
      key: ['id'],
      columns: {
        ...identity,
        customer_id: need(uuid),
        order_date: need({ kind: 'date' }),
        amount_minor: need(minor()),
        currency: need({ kind: 'currency' }),
        fx_rate: need(fxRate),
        base_currency: need({ kind: 'currency' }),
        base_amount_minor: need(minor()),
        note: text(2_500),
        order_number: text(300),
        kind: need({ kind: 'enum', values: ['sale', 'return'] }),
        return_of_order_id: uuid,
        cost_minor: minor(),
        base_cost_minor: minor(),
        terms_unpaid_minor: need(minor(0)),
        terms_base_unpaid_minor: need(minor(0)),
        terms_set_at: instant,
        payment_due_date: { kind: 'date' },
        ...authors,
      },
      // An older release records a payment by rewriting the order's unpaid amount, which would undo payments recorded
      // on other laptops meanwhile: its order stays on its laptop, waiting, until TierBook is updated there.
      retired: {
        unpaid_minor: OLDER_RELEASE,
        base_unpaid_minor: OLDER_RELEASE,
      },
    },
    order_payments: {
      key: ['id'],
      columns: {
        ...identity,
        order_id: need(uuid),
        amount_minor: need(minor(1)),
        paid_on: need({ kind: 'date' }),
        recorded_by: text(300),
        closed_at: instant,
      },
    },
    order_lines: {
      key: ['id'],
      columns: {
        id: need(uuid),
        order_id: need(uuid),
        position: need({ kind: 'int', min: 0, max: 100_000 }),
        product_id: uuid,
        sku: text(300),
        name: name(500),
        quantity: need({ kind: 'number', min: -1_000_000_000, max: 1_000_000_000 }),
        unit_price_minor: need(minor(0)),
        amount_minor: need(minor()),
        cost_minor: minor(),
      },
    },
    follow_ups: {
      key: ['id'],
      columns: {
        ...identity,
        customer_id: need(uuid),
        occurred_at: need(instant),
        channel: need({ kind: 'enum', values: ['call', 'visit', 'wechat', 'whatsapp', 'email', 'meeting', 'other'] }),
        content: need({ kind: 'string', max: 10_000 }),
        outcome: text(2_500),
        intent: { kind: 'enum', values: ['interested', 'hesitant', 'not_now', 'never'] },
        satisfaction: { kind: 'int', min: 1, max: 5 },
        next_contact_date: { kind: 'date' },
        next_contact_time: { kind: 'time' },
        done: need({ kind: 'flag' }),
        answered_by: uuid,
        ...authors,
      },
    },
    fx_rates: {
      key: ['id'],
      columns: { ...identity, currency: need({ kind: 'currency' }), rate_date: need({ kind: 'date' }), rate: need(fxRate) },
    },
    custom_segments: {
      key: ['id'],
      columns: { ...identity, name: name(200), rule: need({ kind: 'json', shape: 'object', max: 100_000 }) },
    },
    service_policies: {
      key: ['scheme', 'class_key'],
      columns: {
        created_at: need(instant),
        updated_at: need(instant),
        deleted_at: instant,
        scheme: name(200),
        class_key: name(500),
        cadence_days: { kind: 'int', min: 1, max: 3650 },
        priority: need({ kind: 'int', min: 1, max: 5 }),
        notes: need({ kind: 'string', max: 5_000 }),
        next_action: need({ kind: 'string', max: 1_250 }),
        responsible: { kind: 'string', min: 1, max: 100 },
      },
    },
    settings: {
      key: ['id'],
      columns: {
        id: need({ kind: 'int', min: 1, max: 1 }),
        business_name: need({ kind: 'string', max: 300 }),
        home_country: need({ kind: 'country' }),
        home_region: text(200),
        sources: need({ kind: 'json', shape: 'strings', max: 20_000, items: 250, itemMax: 150 }),
        clv_discount_percent: need({ kind: 'number', min: 0, max: 10 }),
        clv_horizon_months: need({ kind: 'int', min: 1, max: 120 }),
        updated_at: need(instant),
      },
    },
    segmentation_settings: {
      key: ['id'],
      columns: { id: need({ kind: 'int', min: 1, max: 1 }), overrides: need({ kind: 'json', shape: 'object', max: 100_000 }), updated_at: need(instant) },
    },
    customer_merge_moves: {
      key: ['id'],
      columns: {
        ...identity,
        merge_id: need(uuid),
        row_table: need({ kind: 'enum', values: ['customers', 'orders', 'follow_ups', 'contact_channels'] }),
        row_id: need(uuid),
        from_customer_id: need(uuid),
        into_customer_id: need(uuid),
        previous_updated_at: need(instant),
      },
    },
    restored_sales: {
      key: ['id'],
      columns: {
        ...identity,
        order_id: need(uuid),
        customer_id: need(uuid),
        sale_deleted_at: need(instant),
        deleted_by: text(300),
        returned_by: text(300),
        returned_at: need(instant),
      },
    },
  },
};
