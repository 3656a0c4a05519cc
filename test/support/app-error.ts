import { expect } from 'vitest';
import { AppError } from '../../shared/contract';

/** The AppError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

/** A worker script that dies at once as V8 does when its heap runs out: its exit code, and the line it prints. */
export const DYING_WORKER_SCRIPT = `process.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n'); process.exit(134);`;
