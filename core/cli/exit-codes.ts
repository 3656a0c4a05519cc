import { AppError } from '../../shared/contract';
import { UsageError } from './args';

/** The command line cannot be carried out as typed: a script should not retry it unchanged. */
export const EXIT_BAD_INPUT = 2;
/** The command was understood but did not succeed: the data, another process or something inside stopped it. */
export const EXIT_FAILED = 1;

/**
 * Refusals the contract reports as invalid input (they reach a form as a field's message) that are no fault of
 * what was typed: a worker that crashed, a restore rolled back, a file the system would not let be written, a team
 * server that answered with an error. Typed again unchanged, the command may well succeed.
 */
export const NOT_THE_INPUT: ReadonlySet<string> = new Set([
  'import_worker_crashed',
  'undo_worker_crashed',
  'import_aborted',
  'backup_restore_rolled_back',
  'backup_put_back_failed',
  'backup_unusable',
  'file_not_writable',
  'team_server_error',
]);

/**
 * Constraint refusals of a value that passed every check of its own but not what the data already holds: an amount
 * that fits on its own but would take the customer's total past what is counted exactly.
 */
const REFUSED_BY_THE_DATA: ReadonlySet<string> = new Set(['customer_total_too_large']);

/**
 * The exit code of a command that failed: 2 for bad input from the command line — an unknown command or flag, a
 * flag missing or without its value, a value refused (its form, its range, the file it names, what the data allows
 * such as a number already used) — whether the command line or the contract checked it; 1 for everything else: a
 * record named that is not there (not_found), a conflict (a merge already undone), another process writing, a
 * failure inside. A script can tell "fix what was typed" from "look at the data or try again".
 */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT_BAD_INPUT;
  // node:util parseArgs's own refusals (ERR_PARSE_ARGS_*), should one get past parseFlags's checks.
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return EXIT_BAD_INPUT;
  if (!(error instanceof AppError)) return EXIT_FAILED;
  const keys = (error.issues ?? []).map((issue) => issue.key);
  if (error.code === 'invalid_input' && !keys.some((key) => NOT_THE_INPUT.has(key))) return EXIT_BAD_INPUT;
  // The database's own refusal of a value for what the data allows, as a number already used is refused.
  if (error.code === 'constraint' && keys.length > 0 && keys.every((key) => REFUSED_BY_THE_DATA.has(key))) return EXIT_BAD_INPUT;
  // A path typed that names no file (an import's FILE, a restore's --from, --db) is a value refused; a record not
  // found by its id is the data's answer.
  if (error.code === 'not_found' && keys.includes('file_not_found')) return EXIT_BAD_INPUT;
  return EXIT_FAILED;
}
