import { AppError, invalidInput, type Issue } from '../../shared/contract';
import { resources } from '../../renderer/i18n/resources';
import { DatabaseBusyError, DatabaseDamagedError, DatabaseReadOnlyError, DatabaseTooNewError, DatabaseUnreadableError, MigrationError, NotTierBookDatabaseError } from '../../db/open';
import { openFailureDetail } from '../startup-failure';
import { CommandFailed, UsageError } from './args';
import { say, saidOf, spoken, type CliLanguage, type Said } from './words';

/** What a refusal names a field by: a flag (the same in both languages) or words such as "the 2nd --line". */
export type Label = string | Said;

/**
 * What an issue says of its field, after the field's name. In English the contract's own phrase ("must not be
 * negative"), as the command line has always printed it; in Chinese the sentence the screens show for the same key
 * (errors:issue.*), so a refusal reads the same in the app and on the command line.
 */
export function issueSaid(issue: Issue): Said {
  if (issue.key === RECORD_NOT_FOUND) return notFoundSaid(issue);
  return (language) => {
    if (language === 'en') return invalidInput([issue]).message.slice((issue.path.join('.') || 'input').length + 1);
    const key = issue.key in resources.errors[language].issue ? issue.key : 'invalid_value';
    return say(`errors:issue.${key}`, issue.params ?? {})(language);
  };
}

/** "<field> <what is wrong>" in English, "<field>：<sentence>" in Chinese; a refusal of no field is its sentence alone. */
export function fieldSaid(label: Label | undefined, text: Said): Said {
  return label === undefined ? say('cli:refusal.whole', { message: text }) : say('cli:refusal.field', { field: label, message: text });
}

/** Several clauses as one line, each said once. */
export const clausesSaid =
  (clauses: Said[]): Said =>
  (language) =>
    [...new Set(clauses.map((clause) => clause(language)))].join(say('cli:refusal.between')(language));

/** A contract refusal read from its issues alone, each field named as the contract names it (no command to map it to a flag). */
const fromIssues = (issues: Issue[]): Said => clausesSaid(issues.map((issue) => fieldSaid(issue.path.join('.') || undefined, issueSaid(issue))));

/** The issue of the contract's `notFound`, which carries the record's kind and id as its params. */
const RECORD_NOT_FOUND = 'record_not_found';

/**
 * A record named by an id that is not there, from the kind and id it carries: the kind in the user's words, the id
 * as typed. A kind without words (none: notFound takes only RECORD_KINDS) would say the screens' sentence for the code.
 */
function notFoundSaid(issue: Issue): Said {
  const kind = String(issue.params?.kind);
  const id = String(issue.params?.id);
  if (!Object.hasOwn(resources.cli.en.record, kind)) return say('cli:refusal.withDetail', { text: say('errors:code.not_found'), detail: id });
  return say('cli:refusal.notFound', { what: say(`cli:record.${kind}`), id });
}

/** The not-found issue of a refusal that is only that (a record not there names no field of the input). */
const recordNotFound = (error: AppError): Issue | undefined => (error.issues?.length === 1 && error.issues[0]!.key === RECORD_NOT_FOUND ? error.issues[0] : undefined);

/** A contract refusal without issues: said by its code (the screens' words), with what the contract said beside it. */
function byCode(error: AppError): Said {
  return (language) => (language === 'en' ? error.message : say('cli:refusal.withDetail', { text: say(`errors:code.${error.code}`), detail: error.message })(language));
}

const OPEN_FAILURES = [DatabaseBusyError, DatabaseDamagedError, DatabaseReadOnlyError, DatabaseTooNewError, DatabaseUnreadableError, MigrationError, NotTierBookDatabaseError];

/**
 * What a failure says on the command line's one stderr line: the words it was given where it was refused (a usage
 * mistake, a refusal rephrased in flags); a contract refusal by its issues or code; a database that would not open
 * as the desktop app says it; anything else, unforeseen, with its own message.
 */
export function failureSaid(error: unknown): Said {
  // Worded from its params in either language, whatever the command line made of its message.
  const missing = error instanceof AppError ? recordNotFound(error) : undefined;
  if (missing) return notFoundSaid(missing);
  const given = saidOf(error) ?? (error instanceof UsageError || error instanceof CommandFailed ? error.said : undefined);
  if (given) return given;
  if (error instanceof AppError) return (error.issues ?? []).length > 0 ? (language) => (language === 'en' ? error.message : fromIssues(error.issues!)(language)) : byCode(error);
  if (OPEN_FAILURES.some((kind) => error instanceof kind)) return (language) => openFailureDetail(error, language);
  const message = error instanceof Error ? error.message : String(error);
  return (language) => (language === 'en' ? message : say('cli:refusal.unexpected', { internal: say('errors:code.internal'), message })(language));
}

/** The line printed on stderr, one line whatever the message holds (node:util parseArgs writes some of its own over three). */
export function refusalLine(error: unknown, language: CliLanguage): string {
  const message = spoken(failureSaid(error), language);
  return `${say('cli:line', { message: message.trim().replace(/\s*\n\s*/g, ' ') })(language)}\n`;
}
