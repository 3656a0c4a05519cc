import { COMMANDS, pad, type Command } from './commands';
import { MERGE_COMMANDS } from './commands-merges';
import { PREDICTION_COMMANDS } from './commands-prediction';
import { SEGMENTATION_COMMANDS } from './commands-segmentation';
import { SETTINGS_COMMANDS } from './commands-settings';
import { TEAM_COMMANDS } from './commands-team';
import { TODAY_COMMANDS } from './commands-today';
import { TRANSFER_COMMANDS } from './commands-transfer';

/** Every CLI command, by domain. A domain adds its commands file here with one spread. */
export const ALL_COMMANDS: Command[] = [...COMMANDS, ...SEGMENTATION_COMMANDS, ...TRANSFER_COMMANDS, ...MERGE_COMMANDS, ...TODAY_COMMANDS, ...SETTINGS_COMMANDS, ...PREDICTION_COMMANDS, ...TEAM_COMMANDS];

export function findCommand(args: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of ALL_COMMANDS) {
    if (command.words.every((w, i) => args[i] === w)) return { command, rest: args.slice(command.words.length) };
  }
  return undefined;
}

export function usage(): string {
  return [
    'Usage: tierbook <command> --db FILE [flags] [--json]',
    '',
    ...ALL_COMMANDS.map((c) => `  ${pad(c.words.join(' '), 18)} ${c.summary}`),
    `  ${pad('serve', 18)} Serve the app to a browser on 127.0.0.1 (development and browser tests).`,
  ].join('\n');
}
