import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/i18n/resources';
import { pickRestoreFile, restoreFileQuestion, restoreFromFile } from '../../../renderer/features/backup/restore-from-file';

const g = globalThis as unknown as { window?: unknown };
afterEach(() => delete g.window);

const FILE = { handle: 'h'.repeat(32), name: 'شركة النور 2024-117 客户备份.sqlite' };

/** The steps of a restore from a file, recorded in the order they ran. */
function recorded(answer: boolean, picked: typeof FILE | null = FILE) {
  const steps: string[] = [];
  return {
    steps,
    run: () =>
      restoreFromFile({
        pick: async () => (steps.push('pick'), picked),
        ask: async (file) => (steps.push(`ask ${file.name}`), answer),
        restore: async (from) => void steps.push(`restore ${from.handle}`),
      }),
  };
}

const t = (language: 'en' | 'zh-CN') => {
  const instance = i18next.createInstance();
  const res: Record<string, object> = {};
  for (const [ns, byLanguage] of Object.entries(resources)) res[ns] = byLanguage[language];
  void instance.init({ resources: { [language]: res }, lng: language, fallbackLng: false, ns: Object.keys(resources), defaultNS: 'common', interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
};
let en: ReturnType<typeof t>;
let zh: ReturnType<typeof t>;
beforeAll(() => {
  en = t('en');
  zh = t('zh-CN');
});

/**
 * Restoring from a file (the app's open dialog, desktop only) replaces the whole book. It used to start at once
 * on the chosen file; now the user is asked first, with the file named, and nothing changes unless they say yes.
 */
describe('restoring from a file', () => {
  it('asks about the chosen file before restoring it, and restores only on yes', async () => {
    const yes = recorded(true);
    expect(await yes.run()).toBe('restored');
    expect(yes.steps).toEqual(['pick', `ask ${FILE.name}`, `restore ${FILE.handle}`]);

    const no = recorded(false);
    expect(await no.run()).toBe('declined');
    expect(no.steps).toEqual(['pick', `ask ${FILE.name}`]);

    const cancelled = recorded(true, null);
    expect(await cancelled.run()).toBe('cancelled');
    expect(cancelled.steps).toEqual(['pick']);
  });

  it('asks the system’s open dialog for a backup file in the app, and has nothing to pick in a browser', async () => {
    const asked: unknown[] = [];
    g.window = { tierbook: { pickOpenFile: async (o: unknown) => (asked.push(o), FILE) } };
    expect(await pickRestoreFile()).toEqual(FILE);
    expect(asked).toEqual([expect.objectContaining({ purpose: 'restore' })]);
    g.window = { tierbook: {} };
    expect(pickRestoreFile()).toBeUndefined();
  });

  it('names the file and says the data is replaced after a safety backup, in either language', () => {
    const isolated = `\u2068${FILE.name}\u2069`;
    const english = restoreFileQuestion(en, FILE.name);
    expect(english.title).toBe('Restore from this file?');
    expect(english.content).toContain(isolated);
    expect(english.content).toMatch(/will be replaced/);
    expect(english.content).toMatch(/safety backup of the current data is made first/);
    expect([english.okText, english.cancelText]).toEqual(['Replace and restore', 'Cancel']);

    const chinese = restoreFileQuestion(zh, FILE.name);
    expect(chinese.title).toBe('从这个文件恢复？');
    expect(chinese.content).toContain(isolated);
    expect(chinese.content).toMatch(/替换/);
    expect(chinese.content).toMatch(/替换前会先把现在的数据另存为一个安全备份/);
    expect([chinese.okText, chinese.cancelText]).toEqual(['替换并恢复', '取消']);
  });
});
