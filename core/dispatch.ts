import type { z } from 'zod';
import { AppError, contract, invalidInput, isChannel, type Channel, type Issue, type OutputOf, type Result } from '../shared/contract';
import { busyError, constraintError } from './sqlite-errors';
import type { Handlers } from './handlers/types';

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>;

/** zod issues → our issue keys. Schemas carry keys as messages; anything else is a generic "invalid value". */
function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    const key = /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code === 'invalid_type' && issue.input === undefined ? 'required' : 'invalid_value';
    return { path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), key };
  });
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
      const parsed = schema.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw invalidInput(toIssues(parsed.error));
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkOutput) schema.output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      const known = constraintError(error) ?? busyError(error);
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
