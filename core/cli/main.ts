import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { predictionsSettled } from '../prediction/refit';
import { inputsKept } from '../segmentation/kept-inputs';
import { AppError, type Channel, type InputOf } from '../../shared/contract';
import { openApp, type OpenedApp } from '../app';
import { systemClock } from '../context';
import { tuneHeapForTiers } from '../heap-tuning';
import { startBridge } from '../bridge/server';
import { call } from '../dispatch';
import { forkImportWorker } from '../importing';
import { APP_VERSION, migrationsFolder, rendererFolder } from '../paths';
import { warmReports } from '../reports/warm-up';
import { warmToday } from '../today/warm';
import { keepDailySnapshots } from '../segmentation/daily';
import { localDateOf } from '../../shared/domain/dates';
import { CommandFailed, optionalInt, parseFlags, requireFlag, UsageError } from './args';
import { baseMoney } from './base-money';
import { inFlagTerms } from './flag-errors';
import { hideLibraryWarnings } from './library-warnings';
import { EXIT_FAILED, exitCodeOf } from './exit-codes';
import { commandUsage, findCommand, serveUsage, strayWords, unknownCommand, usage } from './registry';
import { commandFirst } from './global-flags';
import { checkedLanguageFlag, refusalLanguage, withoutFlag } from './language';
import { refusalLine } from './refusal-text';
import { restoredOntoUnopenableLine, restoreInsteadOfOpening } from './restore-onto-unopenable';
import { say, sayAs, wordsIn } from './words';

/** The words that ask for the version alone. */
const VERSION_WORDS = new Set(['--version', '-V', '-v', 'version']);

/**
 * `tierbook <command> --db FILE …`: the third transport. Flags become the same contract inputs the app
 * sends; failures print one line on stderr and exit non-zero, and validation runs before any write.
 */
async function main(typed: string[]): Promise<number> {
  // `tierbook --version` (or -V, -v, version), alone or with --json: the version, as command line tools print it.
  const versionAsked = typed.filter((word) => word !== '--json');
  if (versionAsked.length === 1 && VERSION_WORDS.has(versionAsked[0]!)) {
    process.stdout.write(typed.includes('--json') ? `${JSON.stringify({ version: APP_VERSION })}\n` : `TierBook ${APP_VERSION}\n`);
    return 0;
  }
  // The flags every command takes may come before its words as after them (`tierbook --db x.sqlite segment`).
  const argv = commandFirst(typed);
  // --lang beside help picks the help's language; it is no word of the command asked about.
  const plain = withoutFlag(argv, 'lang');
  // Help and the lines a command prints for people speak the user's language, chosen as a refusal's is (--lang, the
  // workspace's setting, the system's locale); looked up only when they are printed, never for --json.
  const userWords = () => wordsIn(refusalLanguage(typed, process.env));
  if (plain.length === 0 || ((plain[0] === '--help' || plain[0] === '-h' || plain[0] === 'help') && plain.length === 1)) {
    process.stdout.write(`${usage(userWords())}\n`);
    return plain.length === 0 ? 2 : 0;
  }
  // `tierbook help orders add` and `tierbook orders add --help` (or -h) print that command's line and flags.
  const asksHelp = plain[0] === 'help' || plain.includes('--help') || plain.includes('-h');
  if (asksHelp) {
    const words = plain[0] === 'help' ? plain.slice(1) : plain.filter((a) => a !== '--help' && a !== '-h');
    // `tierbook --db x.sqlite --help`: global flags and no command words ask for the list of commands.
    if (words.length === 0 || words[0]!.startsWith('-')) return printLine(usage(userWords()));
    if (words[0] === 'serve') return printLine(serveUsage(userWords()));
    const wanted = findCommand(words);
    if (!wanted) throw new UsageError(unknownCommand(words));
    return printLine(commandUsage(wanted.command, userWords()));
  }
  if (argv[0] === 'serve') return serve(argv.slice(1));
  const found = findCommand(argv);
  if (!found) throw new UsageError(unknownCommand(argv));
  const { command } = found;
  const { values, positionals } = parseFlags(found.rest, command.flags, command.words.join(' '));
  checkedLanguageFlag(values);
  const stray = strayWords(argv, command, positionals);
  if (stray) throw new UsageError(stray);
  // The clock the handlers judge "today" by, so a refusal made here (a fit as of a day to come) agrees with theirs.
  const clock = systemClock;
  const context = { today: () => clock.today() };
  // A refusal names the flags typed, not the contract's fields (--due, not payment.dueDate).
  const inFlags = (error: unknown) => (error instanceof AppError ? inFlagTerms(error, command, values) : error);
  const json = (output: unknown) => (command.json ? command.json(output as never) : output);
  if (command.offline?.(values)) {
    const output = await command.run({ ...values, _: positionals }, () => Promise.reject(new UsageError(say('cli:usage.needsNoDb'))), context).catch((error: unknown) => Promise.reject(inFlags(error)));
    process.stdout.write(values.json ? `${JSON.stringify(json(output), null, 2)}\n` : `${command.human(output as never, baseMoney(undefined), userWords())}\n`);
    return 0;
  }
  const dbPath = requireFlag(values, 'db');
  const newWorkspace = !existsSync(dbPath);
  if (!command.startsDatabase && (newWorkspace || isEmptyFile(dbPath))) {
    // An empty file (made by `touch`, or a copy that failed) is no workspace either: reading it would write one into it.
    const said = say(newWorkspace ? 'cli:database.missing' : 'cli:database.empty', { path: dbPath });
    throw sayAs(new AppError('not_found', said('en'), [{ path: ['db'], key: 'file_not_found', params: { path: dbPath } }]), said);
  }
  // The local user at their own shell: any file they can open is theirs to name.
  let app: OpenedApp;
  try {
    app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: APP_VERSION, files: { mode: 'paths' }, importWorker: forkImportWorker(), clock });
  } catch (error) {
    // A restore onto a file that will not open puts the backup in its place instead (restore-onto-unopenable.ts).
    const restored = await restoreInsteadOfOpening(command, values, dbPath, error, migrationsFolder()).catch((refusal: unknown) => Promise.reject(inFlags(refusal)));
    if (!restored) throw error;
    process.stdout.write(values.json ? `${JSON.stringify(restored, null, 2)}\n` : `${restoredOntoUnopenableLine(restored, userWords())}\n`);
    return 0;
  }
  let succeeded = false;
  try {
    const caller = <C extends Channel>(name: C, input: InputOf<C>) =>
      call(app.dispatch, name, input).catch((error: unknown) => Promise.reject(error instanceof AppError ? inFlagTerms(error, command, values, { channel: name, input }) : error));
    const print = async (output: unknown) => {
      if (values.json) return process.stdout.write(`${JSON.stringify(json(output), null, 2)}\n`);
      const currency = command.usesBaseCurrency ? (await caller('settings:get', {})).baseCurrency : undefined;
      return process.stdout.write(`${command.human(output as never, baseMoney(currency), userWords())}\n`);
    };
    try {
      // Positional arguments (a FILE after the command words) reach the command as `_`.
      await print(await command.run({ ...values, _: positionals }, caller, context));
    } catch (error) {
      // The refusal line goes to stderr as always; what was found (e.g. an import's row errors) to stdout.
      if (!(error instanceof CommandFailed)) throw inFlags(error);
      await print(error.output);
      process.stderr.write(refusalLine(error, refusalLanguage(argv, process.env)));
      return EXIT_FAILED;
    }
    succeeded = true;
    return 0;
  } finally {
    // A recompute's prediction refit, and the copy of its inputs kept for the next command, are written
    // after its answer: they land before the process ends.
    await predictionsSettled(app.db);
    await inputsKept(app.db);
    // An import or undo worker copies its commit into the database after answering: it finishes before the process ends.
    await app.importRunner.settled();
    app.close();
    // The new, empty workspace a refused command (bad input writes nothing) or a dry run opened is not left behind.
    if (newWorkspace && (!succeeded || command.writesNothing?.(values))) for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(file, { force: true });
  }
}

async function serve(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { port: { type: 'string' }, 'open-url': { type: 'boolean' } }, 'serve');
  checkedLanguageFlag(values);
  const dbPath = requireFlag(values, 'db');
  const port = optionalInt(values, 'port') ?? 0;
  if (port < 0 || port > 65535) throw new UsageError(say('cli:usage.port', { value: port }));
  // `npm run cli` builds the CLI alone: in a fresh clone the pages are not there yet, and every address would answer 404.
  const pages = rendererFolder();
  if (!existsSync(join(pages, 'index.html'))) {
    const said = say('cli:build.pages', { file: join(pages, 'index.html') });
    throw sayAs(new Error(said('en')), said);
  }
  // A server holds the tiers as long as the app's main process does, so its heap is sized the same way.
  tuneHeapForTiers();
  // Anything that reaches the loopback port may call: files stay inside the folders beside the database.
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: APP_VERSION, files: { mode: 'confined' }, importWorker: forkImportWorker() });
  const bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir: pages, port });
  process.stdout.write(`${bridge.pageUrl}\n`);
  // As the desktop app does: Today's list made while the page loads, then the dashboard's months, a month per turn.
  const todayWarm = warmToday(app.dispatch);
  todayWarm.catch((error: unknown) => process.stderr.write(`making Today's list at start failed: ${error instanceof Error ? error.message : String(error)}\n`));
  const warmUp = warmReports(app.db, { today: localDateOf(new Date()), after: todayWarm });
  warmUp.done.catch((error: unknown) => process.stderr.write(`warming the reports failed: ${error instanceof Error ? error.message : String(error)}\n`));
  // As the desktop app does (electron/main.ts): today's tiers stored a moment after start if not yet stored today, and
  // the purchase likelihood refit after them; without it a browser showed no likelihood until a recompute was asked for.
  // And again at each midnight while it serves.
  const dailySnapshots = keepDailySnapshots(app, {
    delayMs: DAILY_RECOMPUTE_DELAY_MS,
    onError: (error) => process.stderr.write(`the day's tier snapshot failed: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  const stop = () => {
    warmUp.stop();
    dailySnapshots.stop();
    return bridge.close().then(() => app.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}

/** After the first page has had its turn, as in the desktop app: its first calls are not kept behind a recompute. */
const DAILY_RECOMPUTE_DELAY_MS = 1000;

function printLine(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

/** A file of no bytes: SQLite would take it as an empty database and the migrations would write one into it. */
function isEmptyFile(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.size === 0;
}

hideLibraryWarnings();

// A reader that stops early (`tierbook … --json | head`) closes the pipe: the rest of the output has nowhere
// to go, which is no failure of the command — it still finishes (its writes, the refit, the kept copy).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line, in the user's language (--lang, the workspace's setting, the system's locale: language.ts).
    process.stderr.write(refusalLine(error, refusalLanguage(argv, process.env)));
    // Bad input from the command line, whether the command line or the contract found it, exits 2; any other failure 1.
    process.exitCode = exitCodeOf(error);
  },
);
