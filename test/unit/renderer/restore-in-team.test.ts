import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/i18n/resources';
import { bothTranslators } from '../../support/both-languages';
import { ApiError } from '../../../renderer/api/client';
import { errorText } from '../../../renderer/components/errors';
import { restoreAskingInTeam, teamRestoreQuestion } from '../../../renderer/features/backup/restore-in-team';
import { invalidInput } from '../../../shared/contract/errors';
import type { InputOf, OutputOf } from '../../../shared/contract';

const translators = bothTranslators();
let en: TFunction;
let zh: TFunction;
beforeAll(() => {
  en = translators.en;
  zh = translators['zh-CN'];
});

/** The refusal the handler gives a restore on a laptop in a team, as the bridge hands it to the screen. */
const refusal = () => {
  const error = invalidInput([{ path: ['teamConfirmed'], key: 'backup_restore_in_team' }]);
  return new ApiError({ code: error.code, message: error.message, issues: error.issues });
};

const RESTORED = { restoredFrom: '/b.sqlite', leftTeam: false } as unknown as OutputOf<'backup:restore'>;

/** A restore whose handler refuses until confirmed (inTeam) or not at all, recording each call and each question. */
function recorded(inTeam: boolean, answer: boolean) {
  const steps: string[] = [];
  return {
    steps,
    run: (from: InputOf<'backup:restore'>) =>
      restoreAskingInTeam(from, {
        restore: async (input) => {
          steps.push(`restore ${JSON.stringify(input)}`);
          if (inTeam && input.teamConfirmed !== true) throw refusal();
          return RESTORED;
        },
        askInTeam: async () => (steps.push('ask'), answer),
      }),
  };
}

describe('restoring on a laptop in a team', () => {
  it('asks only when the handler refuses for the team, and restores with the confirmation only on yes', async () => {
    const yes = recorded(true, true);
    expect(await yes.run({ name: 'b.sqlite' })).toBe(RESTORED);
    expect(yes.steps).toEqual(['restore {"name":"b.sqlite"}', 'ask', 'restore {"name":"b.sqlite","teamConfirmed":true}']);

    const no = recorded(true, false);
    expect(await no.run({ handle: 'h'.repeat(32) })).toBeNull();
    expect(no.steps).toEqual([`restore {"handle":"${'h'.repeat(32)}"}`, 'ask']);

    const alone = recorded(false, true);
    expect(await alone.run({ name: 'b.sqlite' })).toBe(RESTORED);
    expect(alone.steps).toEqual(['restore {"name":"b.sqlite"}']);
  });

  it('passes any other refusal on without asking', async () => {
    const steps: string[] = [];
    const other = new ApiError({ code: 'invalid_input', message: 'x', issues: [{ path: ['path'], key: 'backup_corrupt' }] });
    const run = restoreAskingInTeam({ name: 'b.sqlite' }, { restore: async () => Promise.reject(other), askInTeam: async () => (steps.push('ask'), true) });
    await expect(run).rejects.toBe(other);
    expect(steps).toEqual([]);
  });

  it('says in both languages what the next sync does, how to undo a mistake that reached the team, and what is replaced', () => {
    const english = teamRestoreQuestion(en);
    expect(english.title).toBe('This laptop is in a team');
    expect(english.content).toContain('only until the next sync');
    expect(english.content).toContain('undo it in the book');
    expect(english.content).toContain('“Before restore” backup');
    expect(english.okText).toBe('Restore anyway');
    expect(english.cancelText).toBe('Cancel');
    const chinese = teamRestoreQuestion(zh);
    expect(chinese.title).toBe('这台电脑已加入团队');
    expect(chinese.content).toContain('只到下次同步为止');
    expect(chinese.content).toContain('请在账簿里直接改正');
    expect(chinese.content).toContain('“恢复前”备份');
    expect(chinese.okText).toBe('仍然恢复');
    expect(chinese.cancelText).toBe('取消');
  });

  it('words the handler’s refusal in both languages, where a screen shows it without asking', () => {
    expect(errorText(refusal(), en)).toBe(resources.errors.en.issue.backup_restore_in_team);
    expect(errorText(refusal(), en)).toContain('Nothing was restored');
    expect(errorText(refusal(), zh)).toBe(resources.errors['zh-CN'].issue.backup_restore_in_team);
    expect(errorText(refusal(), zh)).toContain('未恢复任何数据');
  });

  it('says after a backup from before the join that the laptop left its team and where to join again, in both languages', () => {
    expect(en('comfort:restore.leftTeam')).toContain('Settings → Team sync');
    expect(zh('comfort:restore.leftTeam')).toContain('设置 → 团队同步');
  });
});
