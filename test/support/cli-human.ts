import type { Command } from '../../core/cli/commands';
import { baseMoney } from '../../core/cli/base-money';
import { findCommand } from '../../core/cli/registry';
import { wordsIn } from '../../core/cli/words';

const words = { 'zh-CN': wordsIn('zh-CN'), en: wordsIn('en') };

/** The command of exactly these words (not one they start). */
export function commandOf(...typed: string[]): Command {
  const found = findCommand(typed);
  if (!found || found.command.words.join(' ') !== typed.join(' ')) throw new Error(`no command ${typed.join(' ')}`);
  return found.command;
}

/** A command's lines for people from an output made by hand, in one language (what it prints when it succeeds). */
export const humanLines = (typed: string[], output: unknown, language: 'zh-CN' | 'en', currency?: string): string =>
  commandOf(...typed).human(output as never, baseMoney(currency), words[language]);
