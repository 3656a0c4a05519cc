import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { predictionsSettled } from '../prediction/refit';
import { inputsKept } from '../segmentation/kept-inputs';
import { AppError, type Channel, type InputOf } from '../../shared/contract';
import { openApp } from '../app';
import { tuneHeapForTiers } from '../heap-tuning';
import { startBridge } from '../bridge/server';
import { call } from '../dispatch';
import { forkImportWorker } from '../importing';
import { APP_VERSION, migrationsFolder, rendererFolder } from '../paths';
import { warmReports } from '../reports/warm-up';
import { localDateOf } from '../../shared/domain/dates';
import { CommandFailed, parseFlags, requireFlag, UsageError } from './args';
import { baseMoney } from './base-money';
import { hideLibraryWarnings } from './library-warnings';
import { findCommand, usage } from './registry';

/**
 * `tierbook <command> --db FILE …`: the third transport. Flags become the same contract inputs the app
 * sends; failures print one line on stderr and exit non-zero, and validation runs before any write.
 */
async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(`${usage()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === 'serve') return serve(argv.slice(1));
  const found = findCommand(argv);
  if (!found) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}" (see tierbook --help)`);
  const { values, positionals } = parseFlags(found.rest, found.command.flags);
  if (found.command.offline?.(values)) {
    const output = await found.command.run({ ...values, _: positionals }, () => Promise.reject(new UsageError('this command needs no --db')));
    process.stdout.write(values.json ? `${JSON.stringify(output, null, 2)}\n` : `${found.command.human(output as never, baseMoney(undefined))}\n`);
    return 0;
  }
  const dbPath = requireFlag(values, 'db');
  const newWorkspace = !existsSync(dbPath);
  if (!found.command.startsDatabase && newWorkspace) {
    throw new AppError('not_found', `no database at ${dbPath} (nothing was created; "tierbook demo", "customers add" or an import starts one)`);
  }
  // The local user at their own shell: any file they can open is theirs to name.
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: APP_VERSION, files: { mode: 'paths' }, importWorker: forkImportWorker() });
  let succeeded = false;
  try {
    const caller = <C extends Channel>(name: C, input: InputOf<C>) => call(app.dispatch, name, input);
    const print = async (output: unknown) => {
      if (values.json) return process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      const currency = found.command.usesBaseCurrency ? (await caller('settings:get', {})).baseCurrency : undefined;
      return process.stdout.write(`${found.command.human(output as never, baseMoney(currency))}\n`);
    };
    try {
      // Positional arguments (a FILE after the command words) reach the command as `_`.
      await print(await found.command.run({ ...values, _: positionals }, caller));
    } catch (error) {
      // The refusal line goes to stderr as always; what was found (e.g. an import's row errors) to stdout.
      if (!(error instanceof CommandFailed)) throw error;
      await print(error.output);
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
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
    if (newWorkspace && (!succeeded || found.command.writesNothing?.(values))) for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(file, { force: true });
  }
}

async function serve(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { port: { type: 'string' }, 'open-url': { type: 'boolean' } });
  const dbPath = requireFlag(values, 'db');
  // `npm run cli` builds the CLI alone: in a fresh clone the pages are not there yet, and every address would answer 404.
  const pages = rendererFolder();
  if (!existsSync(join(pages, 'index.html'))) {
    throw new Error(`the app's pages are not built (${join(pages, 'index.html')} is missing): run npm run build first, or npm run dev:web, which builds them and serves`);
  }
  // A server holds the tiers as long as the app's main process does, so its heap is sized the same way.
  tuneHeapForTiers();
  // Anything that reaches the loopback port may call: files stay inside the folders beside the database.
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: APP_VERSION, files: { mode: 'confined' }, importWorker: forkImportWorker() });
  const bridge = await startBridge({ dispatch: app.dispatch, fileMode: app.fileMode, staticDir: pages, port: values.port ? Number(values.port) : 0 });
  process.stdout.write(`${bridge.pageUrl}\n`);
  // As the desktop app does: the dashboard's months read in the background, a month per turn.
  const warmUp = warmReports(app.db, { today: localDateOf(new Date()) });
  warmUp.done.catch((error: unknown) => process.stderr.write(`warming the reports failed: ${error instanceof Error ? error.message : String(error)}\n`));
  const stop = () => {
    warmUp.stop();
    return bridge.close().then(() => app.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}

hideLibraryWarnings();

// A reader that stops early (`tierbook … --json | head`) closes the pipe: the rest of the output has nowhere
// to go, which is no failure of the command — it still finishes (its writes, the refit, the kept copy).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof AppError || error instanceof UsageError || error instanceof Error ? error.message : String(error);
    // One line, as every refusal is (node:util parseArgs writes some of its own over three).
    process.stderr.write(`error: ${message.trim().replace(/\s*\n\s*/g, ' ')}\n`);
    // Usage mistakes (ours, or node:util parseArgs's ERR_PARSE_ARGS_*) exit 2; refused input exits 1.
    const parseArgsError = error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    process.exitCode = error instanceof UsageError || parseArgsError ? 2 : 1;
  },
);
