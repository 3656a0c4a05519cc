import type { TFunction } from 'i18next';
import type { PickedFile } from '../../api/client';
import { isolate } from '../../components/bidi';

/** What restoring from a file takes from the screen: the system's open dialog, the question, the restore itself. */
export interface RestoreFromFileSteps {
  pick(): Promise<PickedFile | null | undefined>;
  ask(file: PickedFile): Promise<boolean>;
  restore(from: { handle: string }): Promise<void>;
}

/**
 * A restore replaces every customer, order and follow-up with the file's: after the file is chosen, the user is
 * asked, with its name and what happens, before anything changes. Cancelling the dialog or saying no changes nothing.
 */
export async function restoreFromFile(steps: RestoreFromFileSteps): Promise<'cancelled' | 'declined' | 'restored'> {
  const picked = await steps.pick();
  if (!picked) return 'cancelled';
  if (!(await steps.ask(picked))) return 'declined';
  await steps.restore({ handle: picked.handle });
  return 'restored';
}

/** In the app, the system's open dialog for a backup file; undefined in a browser, which has none. */
export function pickRestoreFile(): Promise<PickedFile | null> | undefined {
  return window.tierbook?.pickOpenFile?.({ purpose: 'restore', filters: [{ name: 'TierBook', extensions: ['sqlite', 'db'] }] });
}

/** The question asked before a restore from a file, in the user's language; the file's name isolated in its own direction. */
export function restoreFileQuestion(t: TFunction, fileName: string) {
  return {
    title: t('transfer:backup.restoreFileTitle'),
    content: t('transfer:backup.restoreFileContent', { file: isolate(fileName) }),
    okText: t('transfer:backup.restoreFileOk'),
    cancelText: t('common:actions.cancel'),
  };
}
