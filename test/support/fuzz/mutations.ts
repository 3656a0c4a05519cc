import fc from 'fast-check';

/**
 * Mutations of a valid input: a few edits, each at a place the seed has (or a new key beside one). The
 * values are what a broken or hostile caller sends: wrong types, empty and huge strings, huge, negative,
 * NaN and infinite numbers, deep nesting, long arrays, prototype keys. Some edits keep the type and only
 * change the value, so handlers see plenty of inputs that pass validation too.
 */
type Path = (string | number)[];
export type Mutation =
  | { kind: 'seed' }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'similar'; at: number; text: string; number: number; flag: boolean }
  | { kind: 'drop'; at: number }
  | { kind: 'grow'; at: number; length: number; text: string }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'replace'; value: unknown };

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

function nested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}
// Built once and shared: the cases reuse them rather than allocating megabytes per run.
const HUGE_TEXT = '汉'.repeat(50_000) + 'x'.repeat(150_000);
const DEEP_SHALLOW = nested(40);
const DEEP_VERY = nested(5_000);
// Past SQLite's 32,766 bound parameters, should a list reach a query unbounded.
const LONG_TEXTS = Array.from({ length: 40_000 }, (_, i) => `v${i}`);
const LONG_OBJECTS = Array.from({ length: 2_000 }, () => ({ kind: 'phone', value: '+8613800138000' }));

/** Frozen, so an edit that lands inside a shared value is refused instead of changing it for later cases. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const ODD_VALUES = deepFreeze([
  null, undefined, NaN, Infinity, -Infinity, 0, -0, -1, 0.5, 1e300, -1e300, 2 ** 53, 2 ** 31, Number.MAX_VALUE, Number.MIN_VALUE,
  '', ' ', '\u0000', '\uFEFF', '\uD800', 'NaN', '1e300', '-1', '0x10', '2026-02-30', '9999-12-31', '0000-00-00', '2026-11-01T25:61:00Z',
  '__proto__', 'constructor', 'toString', 'custom:', 'custom:../x', 'rfm', 'pyramid', 'CNY', 'cn', '<script>alert(1)</script>', "'; DROP TABLE customers; --",
  '=HYPERLINK("http://x")', '%s%n', true, false, {}, [], [null], { toString: 'x' }, HUGE_TEXT, DEEP_SHALLOW, DEEP_VERY, LONG_TEXTS, LONG_OBJECTS,
]);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ODD_VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -1e9, max: 1e12 }) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 8 }), { maxLength: 300 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5 }) },
);

/** Texts that mean something to some field: dates, codes, amounts in odd spellings, scheme and class keys. */
const MEANINGFUL_TEXTS = [
  '2026-11-23', '2026-01-31', '2020-02-29', '2026-11-23T23:59:59.999Z', '1970-01-01', 'USD', 'JPY', 'KWD', 'XXX', 'DE', 'ZZ', 'rfm', 'lifecycle', 'value',
  'custom:x', 'gold', 'platinum', '0', '-0', '0.00', '0.001', '1e5', '12,50', '１２３', '99999999999999.99', '9007199254740993', 'a@b.c', '+8613800138000',
];

/** Mutations of an input; `knownTexts` (real ids, say) join the values a "similar" edit may choose, so references between records get exercised. */
export const mutationArb = (knownTexts: readonly string[] = []): fc.Arbitrary<Mutation> => fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'seed' as const }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('similar' as const),
      at: fc.nat(),
      text: fc.oneof(fc.string({ maxLength: 24 }), fc.constantFrom(...MEANINGFUL_TEXTS, ...knownTexts)),
      number: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
      flag: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  // An array of the right kind, only far too long: past each bound, and past SQLite's 32,766 parameters.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('grow' as const), at: fc.nat(), length: fc.constantFrom(51, 201, 1_001, 40_000), text: fc.constantFrom('CN', 'vip', 'x', ...knownTexts) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 })), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: hostileValue }) },
);

/** One to three mutations applied in turn. */
export const mutationsArb = (knownTexts: readonly string[] = []) => fc.array(mutationArb(knownTexts), { minLength: 1, maxLength: 3 });

/** Every place in a JSON-like value, root first: [] is the value itself. */
function placesOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (out.length > 500 || value === null || typeof value !== 'object') return out;
  const entries = Array.isArray(value) ? value.slice(0, 5).map((v, i) => [i, v] as const) : Object.entries(value as object);
  for (const [key, child] of entries) placesOf(child, [...path, key], out);
  return out;
}

/** Sets an own property, even one named __proto__, the way JSON.parse or a structured clone would create it. */
export function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function parentOf(root: unknown, path: Path): object | null {
  let at: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at !== null && typeof at === 'object' ? at : null;
}

function similarTo(current: unknown, m: Extract<Mutation, { kind: 'similar' }>): unknown {
  if (typeof current === 'number') return m.number;
  if (typeof current === 'boolean') return m.flag;
  if (Array.isArray(current)) return current.length > 0 ? [...current, current[0]] : [m.text];
  if (current !== null && typeof current === 'object') return current;
  return m.text;
}

/** The seed with the mutations applied; the seed itself is left untouched. */
export function applyMutations(seed: unknown, mutations: readonly Mutation[]): unknown {
  let value: unknown = seed === undefined ? undefined : structuredClone(seed);
  for (const m of mutations) {
    try {
      value = applyOne(value, m);
    } catch (error) {
      // An edit inside a frozen shared value: skip it, the others still apply.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  return value;
}

function applyOne(input: unknown, m: Mutation): unknown {
  let value = input;
  if (m.kind === 'seed') return value;
  if (m.kind === 'replace') return m.value;
  const places = placesOf(value);
  if (m.kind === 'add') {
    const containers = places.filter((p) => {
      const at = p.length === 0 ? value : (parentOf(value, p) as Record<string | number, unknown> | null)?.[p[p.length - 1]!];
      return at !== null && typeof at === 'object' && !Array.isArray(at);
    });
    if (containers.length === 0) return value;
    const path = containers[m.at % containers.length]!;
    const target = path.length === 0 ? value : (parentOf(value, path) as Record<string | number, unknown>)[path[path.length - 1]!];
    setOwn(target as object, m.key, m.value);
    return value;
  }
  if (m.kind === 'grow') {
    const arrays = places.filter((p) => Array.isArray(p.length === 0 ? value : (parentOf(value, p) as Record<string | number, unknown> | null)?.[p[p.length - 1]!]));
    if (arrays.length === 0) return value;
    const path = arrays[m.at % arrays.length]!;
    const current = (path.length === 0 ? value : (parentOf(value, path) as Record<string | number, unknown>)[path[path.length - 1]!]) as unknown[];
    const grown = Array.from({ length: m.length }, () => (current.length > 0 ? current[0] : m.text));
    if (path.length === 0) return grown;
    setOwn(parentOf(value, path)!, path[path.length - 1]!, grown);
    return value;
  }
  const inner = places.filter((p) => p.length > 0);
  if (inner.length === 0) {
    if (m.kind === 'set') value = m.value;
    if (m.kind === 'similar') value = similarTo(value, m);
    return value;
  }
  const path = inner[m.at % inner.length]!;
  const parent = parentOf(value, path) as Record<string | number, unknown> | null;
  if (!parent) return value;
  const key = path[path.length - 1]!;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else setOwn(parent, key, m.kind === 'set' ? m.value : similarTo(parent[key], m));
  return value;
}

/** A short, printable form of an input for a failure report (huge strings and arrays cut). */
export function describeInput(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 60)}…(${v.length})`;
      if (Array.isArray(v) && v.length > 5) return [...v.slice(0, 5), `…(${v.length})`];
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      return v;
    });
    return (text ?? String(value)).slice(0, 400);
  } catch {
    // Too deep for JSON.stringify: say what it is instead.
    return `${Array.isArray(value) ? 'array' : typeof value} nested beyond what JSON.stringify prints, keys: ${value !== null && typeof value === 'object' ? Object.keys(value).join(',').slice(0, 200) : ''}`;
  }
}
