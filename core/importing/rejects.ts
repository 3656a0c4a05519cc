import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { SourceRow } from '../../shared/import/table';
import { csvLine, UTF8_BOM } from '../exporting/csv-format';
import type { ImportRowError } from './types';

/**
 * The rejected rows of a skip-mode import, as the user gave them plus the row number and the reasons,
 * so they can be fixed and imported again. Written beside the target and moved into place only when
 * the import commits: a cancelled import leaves no rejects file claiming rows were left out.
 */
export class RejectsFile {
  private readonly fd: number;
  private readonly temp: string;

  constructor(
    private readonly path: string,
    headers: string[],
  ) {
    this.temp = `${path}.partial`;
    this.fd = openSync(this.temp, 'w');
    writeSync(this.fd, UTF8_BOM + csvLine(['Row', ...headers, 'Errors']));
  }

  add(row: SourceRow, errors: ImportRowError[]): void {
    // Values past the last column go after the reasons, so the row can be mended as the file had it.
    writeSync(this.fd, csvLine([row.row, ...row.cells.map(String), errors.map((e) => e.message).join(' '), ...(row.extraCells ?? []).map(String)]));
  }

  commit(): string {
    closeSync(this.fd);
    renameSync(this.temp, this.path);
    return this.path;
  }

  discard(): void {
    closeSync(this.fd);
    rmSync(this.temp, { force: true });
  }
}
