import { describe, expect, it } from 'vitest';
import { GLOBAL_FLAGS, parseFlags, UsageError } from '../../../core/cli/args';
import { commandFirst } from '../../../core/cli/global-flags';
import { findCommand } from '../../../core/cli/registry';

/** The refusal a function throws, in both languages. */
function refusal(run: () => unknown): { en: string; 'zh-CN': string } {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return { en: error.said('en'), 'zh-CN': error.said('zh-CN') };
    throw error;
  }
  throw new Error('not refused');
}

describe('the flags every command takes, before the command words', () => {
  it('are the ones parseFlags adds to every command', () => {
    expect(Object.keys(GLOBAL_FLAGS).sort()).toEqual(['db', 'json', 'lang']);
    expect(parseFlags(['--db', 'x.sqlite', '--json', '--lang', 'en'], {}).values).toEqual({ db: 'x.sqlite', json: true, lang: 'en' });
  });

  it('move after the command words, either form of a value, and name the same command', () => {
    expect(commandFirst(['--lang', 'zh-CN', 'orders', 'add', '--customer', 'c1'])).toEqual(['orders', 'add', '--lang', 'zh-CN', '--customer', 'c1']);
    expect(commandFirst(['--db', 'x.sqlite', 'segment'])).toEqual(['segment', '--db', 'x.sqlite']);
    expect(commandFirst(['--db=x.sqlite', '--json', 'segment', '--as-of', '2026-01-31'])).toEqual(['segment', '--db=x.sqlite', '--json', '--as-of', '2026-01-31']);
    expect(findCommand(commandFirst(['--db', 'x.sqlite', 'orders', 'add']))?.command.words).toEqual(['orders', 'add']);
    // An import's FILE stays with the command words; "--" still makes the words after it a FILE, not flags.
    expect(commandFirst(['--db', 'x.sqlite', 'import', 'customers', 'a.csv', '--dry-run'])).toEqual(['import', 'customers', 'a.csv', '--db', 'x.sqlite', '--dry-run']);
    expect(commandFirst(['--db', 'x.sqlite', 'import', 'customers', '--', '--odd.csv'])).toEqual(['import', 'customers', '--db', 'x.sqlite', '--', '--odd.csv']);
  });

  it('leave the words as typed when the command comes first, and help where it is', () => {
    const typed = ['customers', 'list', '--db', 'x.sqlite', '--lang', 'en'];
    expect(commandFirst(typed)).toEqual(typed);
    expect(commandFirst(['--help', 'orders', 'add'])).toEqual(['--help', 'orders', 'add']);
  });

  it('keep their place before the flags after the command, so a flag given twice is read as the last typed', () => {
    const words = commandFirst(['--db', 'first.sqlite', 'segment', '--db', 'second.sqlite']);
    expect(parseFlags(words.slice(1), {}).values.db).toBe('second.sqlite');
  });

  it('leave a missing value to the flag’s own check, after the move', () => {
    expect(refusal(() => parseFlags(commandFirst(['--db', '--json', 'segment']).slice(1), {}))).toEqual({
      en: '--db needs a value before --json',
      'zh-CN': '--db 后面要先写一个值，再写 --json',
    });
  });

  it('refuse any other flag before the command words, naming it and the ones that may come there', () => {
    expect(refusal(() => commandFirst(['--customer', 'c1', 'orders', 'add']))).toEqual({
      en: '--customer cannot come before the command: only --db, --json, --lang can; write the command first, then its flags (tierbook --help lists the commands)',
      'zh-CN': '--customer 不能写在命令前面：命令前只能写 --db, --json, --lang；请先写命令，再写它的参数（tierbook --help 列出全部命令）',
    });
    expect(refusal(() => commandFirst(['--db', 'x.sqlite', '-v', 'segment'])).en).toMatch(/^-v cannot come before the command/);
    expect(refusal(() => commandFirst(['--db=x.sqlite', '--as-of=2026-01-31', 'segment'])).en).toMatch(/^--as-of cannot come before/);
  });

  it('refuse global flags with no command after them', () => {
    expect(refusal(() => commandFirst(['--db', 'x.sqlite']))).toEqual({
      en: '"tierbook --db x.sqlite" names no command: add one, such as tierbook --db x.sqlite customers list (tierbook --help lists the commands)',
      'zh-CN': '“tierbook --db x.sqlite”没有写命令：请写上命令，如 tierbook --db x.sqlite customers list（tierbook --help 列出全部命令）',
    });
  });
});
