import type { TFunction } from 'i18next';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { ApiError } from '../../api/client';

type Restored = OutputOf<'backup:restore'>;

/** The refusal a restore meets on a laptop in a team until the user has said yes (core/backup/restore-in-team.ts). */
export function isTeamRestoreRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.body.issues?.some((issue) => issue.key === 'backup_restore_in_team') === true;
}

/**
 * A restore, and on a laptop in a team the question the handler asks first: what the team's next sync does to the
 * restore. The handler decides whether the laptop is in a team (it refuses until confirmed), so the screen asks
 * exactly when it must; saying no restores nothing (null).
 */
export async function restoreAskingInTeam(
  from: InputOf<'backup:restore'>,
  steps: { restore(from: InputOf<'backup:restore'>): Promise<Restored>; askInTeam(): Promise<boolean> },
): Promise<Restored | null> {
  try {
    return await steps.restore(from);
  } catch (error) {
    if (!isTeamRestoreRefusal(error)) throw error;
  }
  if (!(await steps.askInTeam())) return null;
  return steps.restore({ ...from, teamConfirmed: true });
}

/** The question asked before a restore on a laptop in a team, in the user's language. */
export function teamRestoreQuestion(t: TFunction) {
  return {
    title: t('transfer:backup.teamRestoreTitle'),
    content: t('transfer:backup.teamRestoreContent'),
    okText: t('transfer:backup.teamRestoreOk'),
    cancelText: t('common:actions.cancel'),
  };
}
