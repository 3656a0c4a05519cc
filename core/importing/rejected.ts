import type { ImportResult } from './types';

/** An all-or-nothing import with rows in error: nothing was written, and the result says which rows and why. */
export class ImportRejected extends Error {
  constructor(readonly result: ImportResult) {
    super(`Nothing was imported: ${result.rejected} of ${result.rowsTotal} rows have errors (first: ${result.errors[0]?.message ?? 'unknown'}).`);
    this.name = 'ImportRejected';
  }
}
