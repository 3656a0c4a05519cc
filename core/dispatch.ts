import type { z } from 'zod';
import type * as zc from 'zod/v4/core';
import { AppError, contract, invalidInput, isChannel, type Channel, type Issue, type OutputOf, type Result } from '../shared/contract';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../shared/contract/limits';
import { busyError, constraintError, damagedError, diskFullError } from './sqlite-errors';
import type { Handlers } from './handlers/types';

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * zod issues → our issue keys. Schemas carry keys as messages; anything else is a generic "invalid value".
 * `checked` gives the same issues with the values zod checked, for the messages that name a length.
 */
function toIssues(error: z.ZodError, checked: () => readonly zc.$ZodIssue[]): Issue[] {
  return error.issues.map((issue): Issue => {
    const key = /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code === 'invalid_type' && missingInput(issue, checked) ? 'required' : 'invalid_value';
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const tooLong = textTooLongOf(issue, key, checked);
    if (tooLong) return { path, ...tooLong };
    const max = maximumOf(issue);
    if (max !== undefined) return { path, key, params: { max } };
    const bound = numberBoundOf(issue, key);
    if (bound) return { path, ...bound };
    const params = paramsOf(issue);
    return params === undefined ? { path, key } : { path, key, params };
  });
}

/**
 * A number past a bound the schema states without a message of its own ("limit is not valid" said nothing of
 * why): `number_too_big` with its maximum, `number_too_small` with its minimum.
 */
function numberBoundOf(issue: zc.$ZodIssue, key: string): { key: string; params: { max: number } | { min: number } } | undefined {
  if (key !== 'invalid_value' || (issue.code !== 'too_big' && issue.code !== 'too_small') || issue.origin !== 'number') return undefined;
  if (issue.code === 'too_big') return { key: issue.inclusive === false ? 'number_below' : 'number_too_big', params: { max: Number(issue.maximum) } };
  return { key: issue.inclusive === false ? 'number_above' : 'number_too_small', params: { min: Number(issue.minimum) } };
}

/**
 * What a refinement names for its message to say (params.choices: the values allowed; others such as the name
 * given), the texts and numbers only.
 */
function paramsOf(issue: zc.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code !== 'custom' || typeof issue.params !== 'object' || issue.params === null) return undefined;
  const params = Object.fromEntries(Object.entries(issue.params).filter(([, v]) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))));
  return Object.keys(params).length > 0 ? (params as Record<string, string | number>) : undefined;
}

/**
 * A text past its schema's limit, said with its length, the limit and how much to cut, as every field says it while
 * it is typed (components/length-limit.ts): a custom segment's 41-character tag came back as a bare "Too long".
 * The length is the one zod counted (code points, after a trim), read from the same issue parsed again with its input
 * reported; `too_long` without these (a refinement's, the database's) keeps its short words.
 */
function textTooLongOf(issue: zc.$ZodIssue, key: string, checked: () => readonly zc.$ZodIssue[]): Omit<Issue, 'path'> | undefined {
  if (key !== 'too_long' || issue.code !== 'too_big' || issue.origin !== 'string') return undefined;
  const same = checked().find((c) => c.code === 'too_big' && c.origin === 'string' && c.message === issue.message && samePath(c.path, issue.path));
  if (typeof same?.input !== 'string') return undefined;
  const max = Number(issue.maximum);
  const length = [...same.input].length;
  return { key: 'text_too_long', params: { length, max, over: length - max } };
}

/**
 * Whether a value of the wrong type was not given at all (then "required"), as opposed to given as something else (a
 * text where a number belongs: "invalid value"). zod reports the value it met only when asked: read from the same
 * issue parsed again with its input reported.
 */
function missingInput(issue: zc.$ZodIssue, checked: () => readonly zc.$ZodIssue[]): boolean {
  const same = checked().find((c) => c.code === 'invalid_type' && samePath(c.path, issue.path));
  return same === undefined || same.input === undefined;
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** The bound a "too many" issue broke, so the message can name it (arrays carry it as `maximum`, bounded records as params). */
function maximumOf(issue: zc.$ZodIssue): number | undefined {
  if (issue.message !== 'too_many') return undefined;
  if (issue.code === 'too_big') return Number(issue.maximum);
  const max = issue.code === 'custom' ? (issue.params as { max?: unknown } | undefined)?.max : undefined;
  return typeof max === 'number' ? max : undefined;
}

/**
 * The one entry point every transport uses: check the channel, validate the input, run the handler,
 * and wrap the outcome in `{ ok, value } | { ok, error }`. Nothing thrown escapes.
 */
export function createDispatch(handlers: Handlers, options: { checkOutput?: boolean; onInternalError?: (error: unknown) => void } = {}): Dispatch {
  return async (name, rawInput) => {
    try {
      if (!isChannel(name)) throw new AppError('unknown_channel', `Unknown channel: ${String(name)}`);
      const schema = contract[name];
      // Before zod walks it: a recursive schema would follow a 10,000-level input down the stack.
      if (nestsDeeperThan(rawInput, MAX_INPUT_DEPTH)) throw invalidInput([{ path: [], key: 'too_deep' }]);
      const parsed = schema.input.safeParse(rawInput ?? {});
      // Parsed again only when refused, with the values zod checked: a length is said as it was counted.
      let reported: readonly zc.$ZodIssue[] | undefined;
      const checked = () => (reported ??= schema.input.safeParse(rawInput ?? {}, { reportInput: true }).error?.issues ?? []);
      if (!parsed.success) throw invalidInput(toIssues(parsed.error, checked));
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkOutput) schema.output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      const known = constraintError(error, rawInput) ?? busyError(error) ?? diskFullError(error) ?? damagedError(error);
      if (known) return { ok: false, error: known.toBody() };
      options.onInternalError?.(error);
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}

/** Typed convenience for callers inside the process (tests, the CLI): unwraps or throws the AppError. */
export async function call<C extends Channel>(dispatch: Dispatch, name: C, input: unknown): Promise<OutputOf<C>> {
  const result = await dispatch(name, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues);
  return result.value as OutputOf<C>;
}
