import { resolve } from 'node:path';
import { DatabaseDamagedError, DatabaseUnreadableError } from '../../db/open';
import { restoreOntoUnopenable, type RestoredOntoUnopenable } from '../backup/restore-onto-unopenable';
import { requireFlag } from './args';
import type { Command } from './commands';
import type { Words } from './words';

/**
 * `restore` onto a workspace that would not open as damaged or unreadable: that is the very file a restore is for, and
 * the app cannot open it to restore into it, so the backup takes its place and the file is kept beside it
 * (core/backup/restore-onto-unopenable.ts). Undefined for any other command or failure, which is said as before.
 */
export async function restoreInsteadOfOpening(command: Command, values: Record<string, unknown>, dbPath: string, openFailure: unknown, migrationsFolder: string): Promise<RestoredOntoUnopenable | undefined> {
  if (command.words.join(' ') !== 'restore') return undefined;
  if (!(openFailure instanceof DatabaseDamagedError || openFailure instanceof DatabaseUnreadableError)) return undefined;
  return restoreOntoUnopenable(resolve(dbPath), resolve(requireFlag(values, 'from')), migrationsFolder);
}

/** What was restored and where the file that would not open was kept, in the user's words. */
export const restoredOntoUnopenableLine = (o: RestoredOntoUnopenable, w: Words): string => w('cli:out.backup.restoredOntoUnopenable', { from: o.restoredFrom, kept: o.keptAs });
