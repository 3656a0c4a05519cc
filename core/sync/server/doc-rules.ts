/**
 * What a team's CouchDB accepts, as data: the document types TierBook replicates and the shape of each
 * field. The server's `validate_doc_update` function (validate-doc-update.ts) interprets these rules, so
 * the same list can be read, tested and versioned here instead of inside a string of JavaScript.
 *
 * The rules are the server's last line of defence (a laptop with a bug, an old version or a hand-made
 * request): the app validates every write with its contract long before a document leaves the laptop.
 */

export type Rule =
  | { kind: 'string'; max: number; min?: number; pattern?: string; patternName?: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'uuid' }
  | { kind: 'date' }
  | { kind: 'instant' }
  | { kind: 'time' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'currency' }
  | { kind: 'country' }
  | { kind: 'array'; max: number; items: Rule }
  | { kind: 'object'; fields: Readonly<Record<string, Field>>; open?: boolean }
  | { kind: 'map'; max: number; keyMax: number; values: Rule }
  /** Any JSON value, bounded by the length of its JSON text (for values the server need not understand). */
  | { kind: 'json'; maxBytes: number };

/** `required`: the key must be present and not null; `nullable`: null is allowed when present. */
export type Field = Rule & { required?: boolean; nullable?: boolean };

export interface DocType {
  /** The document id: `<type>:<uuid>` unless a pattern says otherwise (e.g. one settings document). */
  idPattern?: string;
  fields: Readonly<Record<string, Field>>;
}

export interface DocRules {
  /** Bumped whenever the rules change, so the app replaces an older design document on the server. */
  version: number;
  /** The field naming a document's type. */
  typeField: string;
  /** Upper bound on one document's JSON text, attachments aside. */
  maxDocBytes: number;
  types: Readonly<Record<string, DocType>>;
}

// Bounds follow the contract's limits (shared/contract/limits.ts) with room to spare: the server refuses
// what no version of the app can produce, not what today's screens happen to allow.
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const text = (max: number, required = false): Field => ({ kind: 'string', max, required, nullable: !required });
const optional = (rule: Rule): Field => ({ ...rule, nullable: true });
const required = (rule: Rule): Field => ({ ...rule, required: true });
const minor = (min = -MAX_SAFE, max = MAX_SAFE): Rule => ({ kind: 'int', min, max });

/** Who wrote a document: the team member's user and display name (负责人), with the hybrid logical clock. */
const stamp = {
  createdAt: required({ kind: 'instant' }),
  updatedAt: required({ kind: 'instant' }),
  deletedAt: optional({ kind: 'instant' }),
  createdBy: text(120),
  updatedBy: text(120),
  hlc: text(64),
} satisfies Record<string, Field>;

const contact: Rule = {
  kind: 'object',
  fields: {
    id: required({ kind: 'uuid' }),
    kind: required({ kind: 'enum', values: ['phone', 'email', 'wechat', 'whatsapp'] }),
    value: required({ kind: 'string', min: 1, max: 200 }),
    label: text(60),
    deletedAt: optional({ kind: 'instant' }),
  },
};

const orderLine: Rule = {
  kind: 'object',
  fields: {
    id: required({ kind: 'uuid' }),
    position: required({ kind: 'int', min: 0, max: 10_000 }),
    productId: optional({ kind: 'uuid' }),
    sku: text(80),
    name: required({ kind: 'string', min: 1, max: 200 }),
    quantity: required({ kind: 'number', min: -1_000_000_000, max: 1_000_000_000 }),
    unitPriceMinor: required(minor(0)),
    amountMinor: required(minor()),
    costMinor: optional(minor()),
  },
};

export const DOC_RULES: DocRules = {
  version: 1,
  typeField: 'type',
  maxDocBytes: 256 * 1024,
  types: {
    customer: {
      fields: {
        ...stamp,
        name: required({ kind: 'string', min: 1, max: 200 }),
        company: text(200),
        customerType: required({ kind: 'enum', values: ['individual', 'enterprise', 'government', 'distributor', 'internal'] }),
        industry: text(80),
        country: optional({ kind: 'country' }),
        region: text(80),
        city: text(80),
        locality: optional({ kind: 'enum', values: ['local', 'non_local', 'overseas'] }),
        localityManual: optional({ kind: 'bool' }),
        sizeBand: text(40),
        incomeBand: text(40),
        needs: optional({ kind: 'enum', values: ['product', 'service', 'solution'] }),
        tags: optional({ kind: 'array', max: 50, items: { kind: 'string', min: 1, max: 60 } }),
        owner: text(120),
        source: text(60),
        manualLevel: optional({ kind: 'enum', values: ['A', 'B', 'C'] }),
        notes: text(10_000),
        archivedAt: optional({ kind: 'instant' }),
        code: text(80),
        contacts: optional({ kind: 'array', max: 50, items: contact }),
        fieldClocks: optional({ kind: 'map', max: 60, keyMax: 40, values: { kind: 'string', max: 64 } }),
      },
    },
    followup: {
      fields: {
        ...stamp,
        customerId: required({ kind: 'uuid' }),
        occurredAt: required({ kind: 'instant' }),
        channel: required({ kind: 'enum', values: ['call', 'visit', 'wechat', 'whatsapp', 'email', 'meeting', 'other'] }),
        content: text(10_000),
        outcome: text(2_000),
        intent: optional({ kind: 'enum', values: ['interested', 'hesitant', 'not_now', 'never'] }),
        satisfaction: optional({ kind: 'int', min: 1, max: 5 }),
        nextContactDate: optional({ kind: 'date' }),
        nextContactTime: optional({ kind: 'time' }),
        done: optional({ kind: 'bool' }),
        answeredBy: optional({ kind: 'uuid' }),
      },
    },
    order: {
      fields: {
        ...stamp,
        customerId: required({ kind: 'uuid' }),
        orderDate: required({ kind: 'date' }),
        kind: optional({ kind: 'enum', values: ['sale', 'return'] }),
        amountMinor: required(minor()),
        currency: required({ kind: 'currency' }),
        fxRate: required({ kind: 'number', min: 1e-9, max: 1e9 }),
        baseCurrency: required({ kind: 'currency' }),
        baseAmountMinor: required(minor()),
        note: text(2_000),
        orderNumber: text(80),
        returnOfOrderId: optional({ kind: 'uuid' }),
        costMinor: optional(minor()),
        baseCostMinor: optional(minor()),
        unpaidMinor: optional(minor(0)),
        baseUnpaidMinor: optional(minor(0)),
        paymentDueDate: optional({ kind: 'date' }),
        lines: optional({ kind: 'array', max: 500, items: orderLine }),
      },
    },
    fx_rate: {
      fields: {
        ...stamp,
        currency: required({ kind: 'currency' }),
        rateDate: required({ kind: 'date' }),
        rate: required({ kind: 'number', min: 1e-9, max: 1e9 }),
      },
    },
    custom_segment: {
      fields: {
        ...stamp,
        name: required({ kind: 'string', min: 1, max: 80 }),
        rule: required({ kind: 'json', maxBytes: 20_000 }),
      },
    },
    service_policy: {
      fields: {
        ...stamp,
        scheme: required({ kind: 'string', min: 1, max: 80 }),
        classKey: required({ kind: 'string', min: 1, max: 80 }),
        cadenceDays: optional({ kind: 'int', min: 1, max: 3650 }),
        priority: optional({ kind: 'int', min: 1, max: 5 }),
        notes: text(2_000),
        nextAction: text(500),
      },
    },
    settings: {
      idPattern: '^settings:team$',
      fields: {
        ...stamp,
        businessName: text(120),
        homeCountry: optional({ kind: 'country' }),
        homeRegion: text(80),
        baseCurrency: optional({ kind: 'currency' }),
        sources: optional({ kind: 'array', max: 100, items: { kind: 'string', min: 1, max: 60 } }),
      },
    },
    merge: {
      fields: {
        ...stamp,
        keptCustomerId: required({ kind: 'uuid' }),
        mergedCustomerIds: required({ kind: 'array', max: 50, items: { kind: 'uuid' } }),
        status: required({ kind: 'enum', values: ['merged', 'undone'] }),
        undoneAt: optional({ kind: 'instant' }),
      },
    },
  },
};
