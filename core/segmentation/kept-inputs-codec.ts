import { sharedValues, type CustomerRow, type SegmentCustomer } from '../../db/repos/segmentation';
import { activityTable, type ActivityColumns } from '../../shared/segmentation';
import { inTimedStretches, STRETCH_BUDGET_MS, type Steps } from '../../shared/domain/steps';
import { releaseBytes } from '../../db/repos/tier-inputs';
import type { Loaded } from './loaded';

/**
 * What a recompute reads (Loaded: the population and each one's activity columns) as named sections of
 * bytes and back, for the copy kept in the database (kept-inputs.ts). The activity columns go as they are in
 * memory (little-endian, as every machine the app runs on), so taking them back is a copy of bytes. The
 * customers go by column: the values most customers share (type, country, city, owner, tags…) once, in a
 * list each customer points into, and the values of their own (id, name, dates…) as JSON arrays, a line of
 * JSON_LINE_ELEMENTS values at a time.
 */

/**
 * Bumped whenever the sections or what Loaded holds change: a copy of another format is not read. 4: the
 * intents' instants are no longer a section of their own (the activity keeps them as milliseconds only).
 */
export const INPUTS_FORMAT = 4;

/**
 * Values per line of a JSON section. A line is parsed in one go, so a section is parsed a few lines per turn:
 * parsed whole, the largest (then the intents' instants, 7.5 MiB at 100k customers) held a turn for 50-80 ms.
 */
export const JSON_LINE_ELEMENTS = 20_000;

const NEWLINE = 0x0a;

/** The customer fields held once per distinct value, in the order of their codes in the `shared` section. */
const SHARED_FIELDS = ['type', 'industry', 'country', 'region', 'city', 'locality', 'sizeBand', 'incomeBand', 'needs', 'tags', 'owner', 'source', 'manualLevel'] as const;

/** The customer fields of their own, one JSON array each. */
const OWN_FIELDS = ['id', 'name', 'company', 'code', 'createdAt', 'sortName'] as const;

type Typed = Int32Array | Float64Array | Uint8Array;
type TypedKind = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/** The sections that are typed columns, and their element types. */
const TYPED = {
  sharedCodes: Int32Array,
  orderAt: Int32Array,
  orders: Float64Array,
  followUpAt: Int32Array,
  followUpDays: Int32Array,
  followUpMs: Float64Array,
  intents: Uint8Array,
} satisfies Record<string, TypedKind>;

const JSON_SECTIONS = [...OWN_FIELDS, 'sharedValues'] as const;

type TypedSection = keyof typeof TYPED;
type JsonSection = (typeof JSON_SECTIONS)[number];
export type SectionName = TypedSection | JsonSection;
export const SECTION_NAMES: readonly SectionName[] = [...JSON_SECTIONS, ...(Object.keys(TYPED) as TypedSection[])];

/** A JSON section is parsed as soon as it is read (parseJsonSectionInSteps), so only one's bytes are held at a time. */
export const isJsonSection = (name: SectionName): name is JsonSection => (JSON_SECTIONS as readonly string[]).includes(name);

/** The sections as a reader holds them: the typed ones in buffers from sectionBuffer, the JSON ones parsed. */
export interface ReadSections {
  typed: Record<TypedSection, Uint8Array>;
  json: Record<JsonSection, unknown[]>;
}

/** How many customers, and each section's length in bytes: what a reader needs to size its buffers. */
export interface InputsLayout {
  size: number;
  lengths: Record<SectionName, number>;
}

export interface EncodedInputs {
  layout: InputsLayout;
  sections: Record<SectionName, Uint8Array>;
}

/** Customers encoded or made per step at most (each stretch also ends when its time is up: inTimedStretches). */
const CUSTOMERS_PER_STEP = 25_000;

const bytesOf = (a: Typed): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * `loaded` as sections, a stretch of customers per step. Its activity must be one table (nobody kept apart).
 * `lineElements`: values per line of a JSON section (tests make it small to reach many lines with few customers).
 */
export function* encodeInputsInSteps(loaded: Loaded, lineElements = JSON_LINE_ELEMENTS): Steps<EncodedInputs> {
  const { customers } = loaded;
  const c = loaded.activities.base;
  if (loaded.activities.changed.size > 0 || c.size !== customers.length) throw new Error('encodeInputsInSteps needs one table of columns, aligned with the customers');
  const n = customers.length;
  const valueCodes = new Map<string, number>();
  const sharedCodes = new Int32Array(n * SHARED_FIELDS.length);
  const codeOf = (value: string | null): number => {
    if (value === null) return -1;
    let code = valueCodes.get(value);
    if (code === undefined) valueCodes.set(value, (code = valueCodes.size));
    return code;
  };
  yield* inTimedStretches(n, CUSTOMERS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const customer = customers[i]!;
      for (let f = 0; f < SHARED_FIELDS.length; f++) {
        const field = SHARED_FIELDS[f]!;
        sharedCodes[i * SHARED_FIELDS.length + f] = codeOf(field === 'tags' ? JSON.stringify(customer.tags) : customer[field]);
      }
    }
  });
  const text = new TextEncoder();
  // JSON.stringify writes a newline inside a string as \n, so a raw one only ever ends a line.
  const json = (values: readonly unknown[]) => {
    const lines: string[] = [];
    for (let from = 0; from === 0 || from < values.length; from += lineElements) lines.push(JSON.stringify(values.slice(from, from + lineElements)));
    return text.encode(lines.join('\n'));
  };
  const sections = {} as Record<SectionName, Uint8Array>;
  for (const field of OWN_FIELDS) {
    yield;
    sections[field] = json(customers.map((customer) => customer[field]));
  }
  sections.sharedValues = json([...valueCodes.keys()]);
  yield;
  const typed: Record<keyof typeof TYPED, Typed> = {
    sharedCodes,
    orderAt: c.orderAt,
    orders: c.orders,
    followUpAt: c.followUpAt,
    followUpDays: c.followUpDays,
    followUpMs: c.followUpMs,
    intents: c.intents,
  };
  for (const [name, array] of Object.entries(typed)) sections[name as SectionName] = bytesOf(array);
  const lengths = Object.fromEntries(SECTION_NAMES.map((name) => [name, sections[name].byteLength])) as Record<SectionName, number>;
  return { layout: { size: n, lengths }, sections };
}

/**
 * A buffer for section `name` of `byteLength` bytes, for a reader to fill: a typed section's is backed by
 * an array of its own type, so decoding takes it as it is, without a copy. Undefined when the length cannot
 * be one of that type's (a damaged layout).
 */
export function sectionBuffer(name: SectionName, byteLength: number): Uint8Array | undefined {
  const kind = (TYPED as Record<string, TypedKind>)[name];
  if (!Number.isSafeInteger(byteLength) || byteLength < 0) return undefined;
  if (!kind) return new Uint8Array(byteLength);
  if (byteLength % kind.BYTES_PER_ELEMENT !== 0) return undefined;
  return bytesOf(new kind(byteLength / kind.BYTES_PER_ELEMENT));
}

/**
 * A JSON section's values, its lines parsed a few per step (each step ends once `budgetMs` have passed); its
 * bytes are let go at the end (db/repos/tier-inputs.ts releaseBytes says why). Throws on bytes that are not
 * lines of JSON arrays (a damaged copy).
 */
export function* parseJsonSectionInSteps(bytes: Uint8Array, budgetMs = STRETCH_BUDGET_MS): Steps<unknown[]> {
  const decoder = new TextDecoder();
  const lines: unknown[][] = [];
  let deadline = performance.now() + budgetMs;
  for (let start = 0; start <= bytes.byteLength; ) {
    if (performance.now() > deadline) {
      yield;
      deadline = performance.now() + budgetMs;
    }
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.byteLength : newline;
    const line = JSON.parse(decoder.decode(bytes.subarray(start, end))) as unknown;
    if (!Array.isArray(line)) throw new SyntaxError('A kept JSON section holds a line that is not an array');
    lines.push(line);
    start = end + 1;
  }
  releaseBytes(bytes);
  // Joined once at the end: pushed a value at a time, the 600,000 values of 100k customers took 15 ms more.
  return lines.length === 1 ? lines[0]! : ([] as unknown[]).concat(...lines);
}

/** The typed array a buffer from sectionBuffer is backed by. */
function typedOf<K extends keyof typeof TYPED>(name: K, bytes: Uint8Array): InstanceType<(typeof TYPED)[K]> {
  const kind = TYPED[name];
  return new kind(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / kind.BYTES_PER_ELEMENT) as InstanceType<(typeof TYPED)[K]>;
}

/**
 * The Loaded the sections were encoded from, current up to `rev`, a stretch of customers per step; undefined
 * when they do not fit together (a damaged copy).
 */
export function* decodeInputsInSteps(layout: InputsLayout, read: ReadSections, rev: number): Steps<Loaded | undefined> {
  const n = layout.size;
  const sections = read.typed;
  const list = (name: JsonSection): unknown[] | undefined => (Array.isArray(read.json[name]) ? read.json[name] : undefined);
  const values = list('sharedValues') as string[] | undefined;
  if (!values) return undefined;
  const columns: ActivityColumns = {
    size: n,
    orderAt: typedOf('orderAt', sections.orderAt),
    orders: typedOf('orders', sections.orders),
    followUpAt: typedOf('followUpAt', sections.followUpAt),
    followUpDays: typedOf('followUpDays', sections.followUpDays),
    followUpMs: typedOf('followUpMs', sections.followUpMs),
    intents: typedOf('intents', sections.intents),
  };
  const sharedCodes = typedOf('sharedCodes', sections.sharedCodes);
  if (columns.orderAt.length !== n + 1 || columns.followUpAt.length !== n + 1 || sharedCodes.length !== n * SHARED_FIELDS.length) return undefined;
  yield;
  const own = {} as Record<(typeof OWN_FIELDS)[number], (string | null)[]>;
  for (const field of OWN_FIELDS) {
    const column = list(field) as (string | null)[] | undefined;
    if (column?.length !== n) return undefined;
    own[field] = column;
  }
  // The customers made as a read from SQLite makes them (sharedValues): the same shape, tags parsed once.
  // Each shared value is one string already (sharedValues' own list, decoded once): nothing to look up again.
  const customerOf = sharedValues(true);
  const customers: SegmentCustomer[] = new Array<SegmentCustomer>(n);
  const indexOf = new Map<string, number>();
  const row = new Array(19) as unknown as CustomerRow;
  const valueAt = (i: number, f: number): string | null => {
    const code = sharedCodes[i * SHARED_FIELDS.length + f]!;
    return code < 0 ? null : values[code]!;
  };
  yield* inTimedStretches(n, CUSTOMERS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      // CustomerRow's order: id, name, company, code, created_at, then the shared fields, then sort_name.
      row[0] = own.id[i]!;
      row[1] = own.name[i]!;
      row[2] = own.company[i]!;
      row[3] = own.code[i]!;
      row[4] = own.createdAt[i]!;
      for (let f = 0; f < SHARED_FIELDS.length; f++) (row as (string | null)[])[5 + f] = valueAt(i, f);
      row[18] = own.sortName[i]!;
      const customer = customerOf(row);
      customers[i] = customer;
      indexOf.set(customer.id, i);
    }
  });
  releaseBytes(sections.sharedCodes);
  if (indexOf.size !== n) return undefined;
  return { customers, indexOf, activities: activityTable(columns), rev };
}
