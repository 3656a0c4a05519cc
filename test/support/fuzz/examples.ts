import type { z } from 'zod';

/**
 * A valid example input derived from a channel's zod schema, so a new channel is fuzzed without anyone
 * writing a seed for it. Strings and numbers try a few plausible values against the field's own schema
 * (a date, a currency, a country, a scheme…) and keep the first it accepts; optional fields are filled
 * where an example exists, so the handler sees as much of its input as possible. Channels that need
 * real ids get hand-written seeds on top (fuzz-seeds.ts).
 */
const STRING_CANDIDATES = ['Fuzz 客户', 'USD', 'CN', '2026-11-01', '2026-11-01T09:00:00.000Z', 'rfm', 'fuzz@example.com', '+8613800138000', 'x'];
const NUMBER_CANDIDATES = [1, 7, 100, 0, 3];
const NONE = Symbol('none');

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

export function exampleOf(schema: z.ZodType): unknown {
  const value = example(schema, 0);
  return value === NONE ? undefined : value;
}

function firstAccepted(schema: z.ZodType, candidates: readonly unknown[]): unknown {
  return candidates.find((c) => accepts(schema, c)) ?? NONE;
}

function example(schema: z.ZodType, depth: number): unknown {
  const value = shapeExample(schema, depth);
  if (value === NONE || value === undefined || accepts(schema, value)) return value;
  // A refinement or transform on top (a trimmed, upper-cased currency code): try the plain candidates on the whole schema.
  return firstAccepted(schema, [...STRING_CANDIDATES, ...NUMBER_CANDIDATES]);
}

function shapeExample(schema: z.ZodType, depth: number): unknown {
  if (depth > 12) return NONE;
  const def = defOf(schema);
  const inner = (key: string) => example(def[key] as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string':
      return firstAccepted(schema, STRING_CANDIDATES);
    case 'number':
    case 'int':
      return firstAccepted(schema, NUMBER_CANDIDATES);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch': {
      const value = inner('innerType');
      if (value !== NONE) return value;
      return def.type === 'nullable' ? null : undefined;
    }
    case 'pipe':
      return inner('in');
    case 'lazy':
      return example((def.getter as () => z.ZodType)(), depth + 1);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const value = example(field, depth + 1);
        if (value !== NONE && value !== undefined) out[key] = value;
      }
      return accepts(schema, out) ? out : NONE;
    }
    case 'array': {
      if (accepts(schema, [])) return [];
      const item = inner('element');
      return item === NONE ? NONE : [item];
    }
    case 'record':
      return {};
    case 'union': {
      for (const option of def.options as z.ZodType[]) {
        const value = example(option, depth + 1);
        if (value !== NONE && accepts(schema, value)) return value;
      }
      return NONE;
    }
    case 'unknown':
    case 'any':
    case 'undefined':
      return undefined;
    default:
      return NONE;
  }
}
