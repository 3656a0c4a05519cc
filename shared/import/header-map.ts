import { parseCurrency } from './currency';
import { FIELDS_OF, REQUIRED_ALTERNATIVES, REQUIRED_FIELDS, SYNONYMS, type FieldOf, type ImportKind } from './fields';
import { foldKey, splitBrackets } from './fold';

/** Column index → target field (or null: not imported). The form validateRows takes. */
export type ColumnMapping<K extends ImportKind = ImportKind> = Array<FieldOf<K> | null>;

export interface ColumnMatch<K extends ImportKind = ImportKind> {
  column: number;
  header: string;
  field: FieldOf<K> | null;
  /** 1 exact, ~0.9 exact apart from a bracketed note, lower for partial matches; 0 unmapped. */
  confidence: number;
}

export interface HeaderMapping<K extends ImportKind = ImportKind> {
  kind: K;
  mapping: ColumnMapping<K>;
  columns: ColumnMatch<K>[];
  unmapped: string[];
  /** Required fields no column maps to; `anyOf` lists a group of which none was found. */
  missing: { all: FieldOf<K>[]; anyOf: FieldOf<K>[] };
  /** Mean confidence of the mapped columns (0 when none). */
  confidence: number;
  /** A currency named in the amount header — "金额（美元）", "Amount USD" — for rows that name none. */
  currencyHint: string | null;
  signature: string;
}

/** Fields that may take several columns: "手机" and "座机" are both phones, two note columns are joined. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<string> = new Set(['phone', 'email', 'wechat', 'whatsapp', 'tags', 'notes', 'note', 'content']);

interface Candidate {
  column: number;
  field: string;
  confidence: number;
}

/**
 * Maps file headers to target fields in Chinese or English, ignoring case, spacing, punctuation and
 * full-width forms. Exact synonyms win, then synonyms outside brackets, then headers containing a
 * synonym — preferring one at the end, since both languages put the head noun last ("客户电话" is a
 * phone, "customer phone" too). Each field takes one column unless it is a multi-column field.
 */
export function autoMapHeaders<K extends ImportKind>(headers: readonly string[], kind: K): HeaderMapping<K> {
  const candidates: Candidate[] = [];
  headers.forEach((header, column) => {
    for (const field of FIELDS_OF[kind]) {
      const confidence = matchConfidence(header, field, kind);
      if (confidence > 0) candidates.push({ column, field, confidence });
    }
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const mapping: Array<string | null> = headers.map(() => null);
  const confidences = headers.map(() => 0);
  const taken = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.column] !== null) continue;
    if (taken.has(c.field) && !MULTI_COLUMN_FIELDS.has(c.field)) continue;
    // A second column joins a multi-column field only on a confident match.
    if (taken.has(c.field) && c.confidence < 0.8) continue;
    mapping[c.column] = c.field;
    confidences[c.column] = c.confidence;
    taken.add(c.field);
  }
  return describeMapping(headers, kind, mapping as ColumnMapping<K>, confidences);
}

/** Builds the full description (missing fields, hint, signature) for any mapping, auto or user-edited. */
export function describeMapping<K extends ImportKind>(headers: readonly string[], kind: K, mapping: ColumnMapping<K>, confidences: number[] = mapping.map((f) => (f ? 1 : 0))): HeaderMapping<K> {
  const columns = headers.map((header, column) => ({ column, header, field: mapping[column] ?? null, confidence: mapping[column] ? (confidences[column] ?? 1) : 0 }));
  const mapped = columns.filter((c) => c.field !== null);
  const present = new Set<string>(mapped.map((c) => c.field as string));
  const required = REQUIRED_FIELDS[kind] as { all: FieldOf<K>[]; anyOf: FieldOf<K>[] };
  const amountHeader = columns.find((c) => c.field === 'amount')?.header;
  return {
    kind,
    mapping: columns.map((c) => c.field),
    columns,
    unmapped: columns.filter((c) => c.field === null).map((c) => c.header),
    missing: {
      all: required.all.filter((f) => !present.has(f) && !(REQUIRED_ALTERNATIVES[f] ?? []).some((alt) => present.has(alt))),
      anyOf: required.anyOf.some((f) => present.has(f)) ? [] : required.anyOf,
    },
    confidence: mapped.length === 0 ? 0 : Math.round((mapped.reduce((s, c) => s + c.confidence, 0) / mapped.length) * 100) / 100,
    currencyHint: amountHeader === undefined ? null : currencyInHeader(amountHeader, kind),
    signature: headerSignature(headers),
  };
}

function matchConfidence(header: string, field: string, kind: ImportKind): number {
  const synonyms = (SYNONYMS[kind] as Record<string, { strong: string[]; weak?: string[] }>)[field];
  if (!synonyms) return 0;
  const key = foldKey(header);
  const bare = foldKey(splitBrackets(header).outside);
  if (key === '') return 0;
  let best = 0;
  const consider = (words: string[], weight: number) => {
    for (const word of [field, ...words]) {
      const w = foldKey(word);
      if (w === '') continue;
      let score = 0;
      if (key === w) score = 1;
      else if (bare === w) score = 0.9;
      else if (isSubstantial(w) && key.includes(w) && !aboutSomethingElse(key.replace(w, ''), kind)) score = 0.5 + 0.25 * (w.length / key.length) + (key.endsWith(w) ? 0.05 : 0);
      best = Math.max(best, score * weight);
    }
  };
  consider(synonyms.strong, 1);
  consider(synonyms.weak ?? [], 0.7);
  return best;
}

/**
 * Partial matches are skipped when the rest of the header names another thing: "产品编号" is a product
 * number, not a customer code; "物流电话" is not the customer's phone.
 */
const OTHER_THINGS = ['产品', '商品', '货品', '物料', '发票', '合同', '快递', '物流', '供应商', '產品', '貨品', '發票', '快遞', '供應商', 'product', 'item', 'invoice', 'sku', 'shipping', 'supplier', 'vendor'];
const ORDER_WORDS = ['订单', '訂單', 'order'];

function aboutSomethingElse(rest: string, kind: ImportKind): boolean {
  const others = kind === 'orders' ? OTHER_THINGS : [...OTHER_THINGS, ...ORDER_WORDS];
  return others.some((word) => rest.includes(word));
}

/** Short Latin words ("wa", "tel", "no") would match inside unrelated words; two Chinese characters are plenty. */
function isSubstantial(word: string): boolean {
  return /[^\x00-\x7f]/.test(word) ? word.length >= 2 : word.length >= 4;
}

function currencyInHeader(header: string, kind: ImportKind): string | null {
  const { inside, outside } = splitBrackets(header);
  const fromBrackets = inside.trim() ? parseCurrency(inside.trim()) : null;
  if (fromBrackets) return fromBrackets;
  // "Amount USD", "金额美元": what is left after the longest amount synonym.
  const key = foldKey(outside);
  const words = [...SYNONYMS[kind as 'orders'].amount.strong].map(foldKey).sort((a, b) => b.length - a.length);
  const word = words.find((w) => key.includes(w));
  const rest = word ? key.replace(word, '') : '';
  return rest ? parseCurrency(rest) : null;
}

/**
 * Identifies a header row independent of column order, case and spacing, so a mapping the user
 * confirmed once is offered again for next month's export of the same system.
 */
export function headerSignature(headers: readonly string[]): string {
  const text = headers.map(foldKey).sort().join('\u0001');
  return `h${headers.length}-${cyrb53(text).toString(16).padStart(14, '0')}`;
}

/** A remembered mapping, keyed by folded header so it survives reordered or re-cased columns. */
export type SavedMapping = Record<string, string | null>;

export function toSavedMapping(headers: readonly string[], mapping: ColumnMapping): SavedMapping {
  const saved: SavedMapping = {};
  headers.forEach((h, i) => {
    saved[foldKey(h)] = mapping[i] ?? null;
  });
  return saved;
}

/** Applies a remembered mapping; headers it does not know (or fields no longer valid) are auto-mapped. */
export function fromSavedMapping<K extends ImportKind>(headers: readonly string[], kind: K, saved: SavedMapping): HeaderMapping<K> {
  const auto = autoMapHeaders(headers, kind);
  const valid = new Set<string>(FIELDS_OF[kind]);
  // A column is taken as saved when the mapping leaves it out on purpose (null) or names a field this kind has.
  const kept = (h: string) => {
    const key = foldKey(h);
    if (!Object.hasOwn(saved, key)) return false;
    const field = saved[key];
    return !field || valid.has(field);
  };
  const mapping = headers.map((h, i) => (kept(h) ? ((saved[foldKey(h)] || null) as FieldOf<K> | null) : (auto.mapping[i] ?? null)));
  const confidences = headers.map((h, i) => (kept(h) ? 1 : (auto.columns[i]?.confidence ?? 0)));
  return describeMapping(headers, kind, mapping, confidences);
}

/** What a mapping the caller gave names that is not there: fields `kind` does not have, and headers the file does not have (compared folded). */
export interface MappingMismatch {
  unknownFields: Array<{ header: string; field: string }>;
  unknownHeaders: string[];
}

export function mappingMismatch(headers: readonly string[], kind: ImportKind, given: SavedMapping): MappingMismatch | null {
  const valid = new Set<string>(FIELDS_OF[kind]);
  const inFile = new Set(headers.map(foldKey));
  const unknownFields: MappingMismatch['unknownFields'] = [];
  const unknownHeaders: string[] = [];
  for (const [header, field] of Object.entries(given)) {
    if (!inFile.has(foldKey(header))) unknownHeaders.push(header);
    else if (field && !valid.has(field)) unknownFields.push({ header, field });
  }
  return unknownFields.length > 0 || unknownHeaders.length > 0 ? { unknownFields, unknownHeaders } : null;
}

/** cyrb53: a small, well-distributed 53-bit string hash; no crypto needed to look up a preference. */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
