import { dirname, join } from 'node:path';

/** What a caller wants a file for; each purpose has its own folder beside the database. */
export type FilePurpose = 'import' | 'restore' | 'export' | 'backup';
export type ReadPurpose = Extract<FilePurpose, 'import' | 'restore'>;
export type WritePurpose = Extract<FilePurpose, 'export' | 'backup'>;

const FOLDER: Record<FilePurpose, string> = { import: 'imports', restore: 'backups', export: 'exports', backup: 'backups' };

/**
 * `<database folder>/imports`, `/exports` or `/backups`: the only places a confined caller may touch.
 * The backups folder is the same one the automatic backups use (core/backup/files.ts).
 */
export function folderFor(dbPath: string, purpose: FilePurpose): string {
  return join(dirname(dbPath), FOLDER[purpose]);
}
