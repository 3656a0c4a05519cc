import { resolve } from 'node:path';
import type { OutputOf } from '../../shared/contract';
import { DatabaseDamagedError, DatabaseUnreadableError } from '../../db/open';
import { restoreOntoUnopenable } from '../backup/restore-onto-unopenable';
import { requireFlag } from './args';
import type { Command } from './commands';
import type { Words } from './words';

/**
 * What `restore` prints after putting a backup in place of a workspace that would not open: the usual restore's output
 * (backup:restore), and what is different. No backup of the data before could be made, as it would not open
 * (safetyBackup is null); that file was kept whole instead, as keptAs, with the working files that were beside it. Whether
 * it was in a team cannot be read either, so nothing is said of the team (leftTeam).
 */
export type RestoredInsteadOfOpening = Omit<OutputOf<'backup:restore'>, 'safetyBackup' | 'leftTeam'> & { safetyBackup: null; keptAs: string; keptWorkingFiles: string[] };

/**
 * `restore` onto a workspace that would not open as damaged or unreadable: that is the very file a restore is for, and
 * the app cannot open it to restore into it, so the backup takes its place and the file is kept beside it
 * (core/backup/restore-onto-unopenable.ts). Undefined for any other command or failure, which is said as before.
 */
export async function restoreInsteadOfOpening(command: Command, values: Record<string, unknown>, dbPath: string, openFailure: unknown, migrationsFolder: string): Promise<RestoredInsteadOfOpening | undefined> {
  if (command.words.join(' ') !== 'restore') return undefined;
  if (!(openFailure instanceof DatabaseDamagedError || openFailure instanceof DatabaseUnreadableError)) return undefined;
  const { restoredFrom, summary, keptAs, keptWorkingFiles } = await restoreOntoUnopenable(resolve(dbPath), resolve(requireFlag(values, 'from')), migrationsFolder);
  return { restoredFrom, safetyBackup: null, summary, keptAs, keptWorkingFiles };
}

/** What was restored and where the file that would not open was kept, naming its -wal, -shm or -journal only when there were some. */
export function restoredOntoUnopenableLine(o: RestoredInsteadOfOpening, w: Words): string {
  if (o.keptWorkingFiles.length === 0) return w('cli:out.backup.restoredOntoUnopenable', { from: o.restoredFrom, kept: o.keptAs });
  const suffixes = o.keptWorkingFiles.map((path) => path.slice(o.keptAs.length));
  const files = new Intl.ListFormat(w.language, { type: 'conjunction' }).format(suffixes);
  return w('cli:out.backup.restoredOntoUnopenableWith', { from: o.restoredFrom, kept: o.keptAs, files, count: suffixes.length });
}
