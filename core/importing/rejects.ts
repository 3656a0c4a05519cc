import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tempPathBeside } from '../backup/temp-file';
import type { SourceRow } from '../../shared/import/table';
import { csvLine, UTF8_BOM } from '../../shared/export/csv-format';
import type { ImportRowError } from './types';

/**
 * The rejected rows of a skip-mode import, as the user gave them plus the row number and the reasons,
 * so they can be fixed and imported again. Written beside the target under a name of its own and moved
 * into place only when the import commits: a cancelled import leaves no rejects file claiming rows were
 * left out. The caller checks the target before (core/files/write-target.ts); `checkTarget` runs again
 * right before the move, whatever happened to the folder while the rows were read.
 */
export class RejectsFile {
  private fd: number | null;
  private readonly temp: string;
  private moved = false;

  constructor(
    private readonly path: string,
    headers: string[],
    private readonly checkTarget: () => void,
  ) {
    // Created exclusively (an existing file or a planted link of that name fails instead of being followed),
    // readable by the owner only: the rows hold customers' data.
    // Named as a backup's temp file is, cut to fit where the target's name is long (core/backup/temp-file.ts).
    this.temp = tempPathBeside(path);
    this.fd = openSync(this.temp, 'wx', 0o600);
    writeSync(this.fd, UTF8_BOM + csvLine(['Row', ...headers, 'Errors']));
  }

  add(row: SourceRow, errors: ImportRowError[]): void {
    if (this.fd === null) throw new Error('The rejects file is already closed.');
    // Values past the last column go after the reasons, so the row can be mended as the file had it.
    writeSync(this.fd, csvLine([row.row, ...row.cells.map(String), errors.map((e) => e.message).join(' '), ...(row.extraCells ?? []).map(String)]));
  }

  /** Moves the finished file into place; on any failure the partial file is removed and the error thrown. */
  commit(): string {
    try {
      this.close();
      this.checkTarget();
      renameSync(this.temp, this.path);
      this.moved = true;
      return this.path;
    } catch (error) {
      rmSync(this.temp, { force: true });
      throw error;
    }
  }

  /** The import did not commit: the partial file goes, and so does a moved one, which would claim rows were left out. */
  discard(): void {
    this.close();
    rmSync(this.moved ? this.path : this.temp, { force: true });
  }

  private close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    closeSync(fd);
  }
}
