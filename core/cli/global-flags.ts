import { GLOBAL_FLAGS, UsageError } from './args';
import { say } from './words';

/** The global flags as a refusal lists them. */
const GLOBAL_NAMES = Object.keys(GLOBAL_FLAGS).map((name) => `--${name}`).join(', ');

/**
 * The words with the command first, as every command reads them: `tierbook --lang zh-CN orders add …` and
 * `tierbook --db x.sqlite segment` mean `tierbook orders add --lang zh-CN …` and `tierbook segment --db x.sqlite`.
 * Only the flags every command takes (GLOBAL_FLAGS) may come before the command words; any other flag there is
 * refused by name, as a command's own flag means nothing until the command is known. The flags moved keep their
 * place before the ones typed after the command (the last of a flag given twice wins, as parseArgs reads it), and
 * are checked with them (a value missing, --json=1). --help or -h before the command is left where it is for help.
 */
export function commandFirst(argv: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-') || word === '-' || word === '--help' || word === '-h') break;
    const name = word.startsWith('--') ? word.slice(2).split('=')[0]! : '';
    const flag = name !== '' && Object.hasOwn(GLOBAL_FLAGS, name) ? GLOBAL_FLAGS[name]! : undefined;
    if (!flag) throw new UsageError(say('cli:usage.beforeCommand', { word: name === '' ? word : `--${name}`, flags: GLOBAL_NAMES }));
    leading.push(word);
    // A value typed apart from its flag goes with it; one that reads as a flag is left for the flag's own check.
    const value = argv[i + 1];
    if (flag.type === 'string' && !word.includes('=') && value !== undefined && !value.startsWith('-')) leading.push(argv[++i]!);
  }
  if (leading.length === 0) return [...argv];
  const rest = argv.slice(i);
  if (rest.length === 0) throw new UsageError(say('cli:usage.noCommand', { typed: leading.join(' ') }));
  // The command words (and a FILE after them), then the flags moved, then what was typed after them.
  const words = rest.findIndex((word) => word.startsWith('-') && word !== '-');
  const end = words === -1 ? rest.length : words;
  return [...rest.slice(0, end), ...leading, ...rest.slice(end)];
}
