import { recoveryOffer, restoreChosenBackup, type Recovered, type RecoveryOffer } from './backup/recovery-offer';
import { recoveryDialogText, type RecoveryChoice, type RecoveryDialogText, type RecoveryRefusal, type StartupLanguage } from './startup-failure';

/** The desktop shell's two dialogs, as the recovery needs them (electron/main.ts gives Electron's). */
export interface RecoveryDialogs {
  /** The message box: which button the user pressed (closing it is Quit). */
  ask(text: RecoveryDialogText): Promise<RecoveryChoice>;
  /** The open dialog, starting in the backups folder: the file picked, or undefined when cancelled. */
  pickBackup(text: RecoveryDialogText, backupsFolder: string): Promise<string | undefined>;
}

export type RecoveryOutcome = { kind: 'restored'; recovered: Recovered } | { kind: 'quit' } | { kind: 'not_offered' };

/**
 * When the workspace will not open as damaged or unreadable, the way back without a command line: the newest
 * automatic backup that restore takes is offered (recovery-offer.ts), or another backup the user picks; a refused
 * backup is said and the choice offered again, until a restore is done or the user quits. `not_offered`: any other
 * failure, which the error box says as before.
 */
export async function recoverFromOpenFailure(failure: unknown, dbPath: string, language: StartupLanguage, migrationsFolder: string, dialogs: RecoveryDialogs, now = () => new Date()): Promise<RecoveryOutcome> {
  let offer: RecoveryOffer | undefined = await recoveryOffer(failure, dbPath, migrationsFolder, now());
  if (!offer) return { kind: 'not_offered' };
  let refused: RecoveryRefusal | undefined;
  for (;;) {
    const text = recoveryDialogText(offer, language, refused);
    const choice = await dialogs.ask(text);
    if (choice === 'quit') return { kind: 'quit' };
    const from = choice === 'restore' && offer.newest ? offer.newest.path : await dialogs.pickBackup(text, offer.backupsFolder);
    if (from === undefined) continue;
    try {
      return { kind: 'restored', recovered: await restoreChosenBackup(offer, from, migrationsFolder, now()) };
    } catch (error) {
      refused = { from, error };
      // The offered backup refused after all (the disk filled meanwhile): it is not offered again.
      if (offer.newest?.path === from) offer = { ...offer, newest: null };
    }
  }
}
