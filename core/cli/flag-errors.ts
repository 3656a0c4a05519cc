import { AppError, contract, invalidInput, type Channel, type Issue } from '../../shared/contract';
import { clausesSaid, fieldSaid, issueSaid, type Label } from './refusal-text';
import { say, saidOf, sayAs, spoken, type Said } from './words';

type Flags = Record<string, string | boolean | string[] | undefined>;
type Path = readonly (string | number)[];

/**
 * The flag behind a contract field, as a refusal should name it: a label ('--due'), or a function of the field's
 * path and the flags given, for a field that several flags fill (contacts from --phone and --email, lines from
 * each --line) or one named in words ("--paid or --due", said in the user's language).
 */
export type FieldFlag = string | ((path: Path, flags: Flags) => Label | undefined);
/** Contract field path (dotted, e.g. 'payment.dueDate') → its flag, where the flag's name does not say it. */
export type FieldFlags = Record<string, FieldFlag>;

/**
 * Issue key → the whole clause a command says instead of "<flag> <the contract's text>": for a refusal whose field
 * the user may not have typed, where naming its flag first would read as if they had. Said in every language
 * (cli:… words), or an English string: another language then says the screens' sentence for the key, alone.
 */
export type IssueClauses = Record<string, (params: Record<string, string | number>) => Said | string>;

interface FlagsOfCommand {
  flags: Record<string, unknown>;
  fields?: FieldFlags;
  clauses?: IssueClauses;
}

/** 1st, 2nd, 3rd, 11th, 22nd … */
export function ordinal(n: number): string {
  const suffixes = ['th', 'st', 'nd', 'rd'];
  const tens = n % 100;
  return `${n}${suffixes[(tens - 20) % 10] ?? suffixes[tens] ?? suffixes[0]}`;
}

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** "the 2nd --phone": the nth of a flag given more than once. */
export const nthFlag = (n: number, flag: string): Said => say('cli:label.nthFlag', { nth: ordinal(n), n, flag });

/**
 * A flag's label for its field or for the nth value of a repeated or comma-separated flag; a field deeper down
 * (payment.status under --paid) is no flag's, and stays as the contract names it.
 */
function below(label: Label, rest: Path): Label | undefined {
  if (rest.length === 0) return label;
  if (rest.length === 1 && typeof rest[0] === 'number') return say('cli:label.nthOf', { nth: ordinal(rest[0] + 1), n: rest[0] + 1, label });
  return undefined;
}

/** A field of one name filled by several flags, named in words ("--paid or --due"); a field under it is no flag's. */
export const inWords =
  (label: Said): FieldFlag =>
  (path) =>
    path.length === 1 ? label : undefined;

/** A field inside a JSON file a flag names: the key where it sits in the file ("pyramid.thresholds in --file"). */
export const inFile =
  (flag: string): FieldFlag =>
  (path) =>
    path.length > 1 ? say('cli:label.inFile', { key: path.slice(1).join('.'), flag }) : flag;

/**
 * The flag a user typed for a contract field, or undefined when none is behind it. The command's own `fields`
 * first (longest path first); otherwise the flag named as the field (--as-of → asOf, --fx-rate → fxRate) or as
 * the id it takes (--customer → customerId, --merge → mergeIds), so a new command with plain names needs no map.
 */
export function flagLabel(path: Path, command: FlagsOfCommand, flags: Flags): Label | undefined {
  for (let length = path.length; length > 0; length--) {
    const field = command.fields?.[path.slice(0, length).join('.')];
    if (field === undefined) continue;
    return typeof field === 'string' ? below(field, path.slice(length)) : field(path, flags);
  }
  const [first, ...rest] = path;
  if (typeof first !== 'string') return undefined;
  const flag = Object.keys(command.flags).find((name) => [camel(name), `${camel(name)}Id`, `${camel(name)}Ids`].includes(first));
  return flag === undefined ? undefined : below(`--${flag}`, rest);
}

/** flagLabel as the English message names it. */
export function flagFor(path: Path, command: FlagsOfCommand, flags: Flags): string | undefined {
  const label = flagLabel(path, command, flags);
  return label === undefined ? undefined : spoken(label, 'en');
}

/** The schema of one field of a channel's input, through optional, default, pipe and array wrappers. */
function schemaAt(channel: Channel, path: Path): unknown {
  type Def = { type: string; innerType?: unknown; in?: { _zod: { def: Def } }; out?: unknown; getter?: () => unknown; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown };
  let schema: unknown = contract[channel].input;
  let at = 0;
  for (;;) {
    const def = (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
    if (!def) return undefined;
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) schema = def.innerType;
    // A transform reads its input as given: the field's own schema is the one before it.
    else if (def.type === 'pipe') schema = def.in?._zod.def.type === 'transform' ? def.out : def.in;
    else if (def.type === 'lazy') schema = def.getter?.();
    else if (at === path.length) return schema;
    else {
      const key = path[at++]!;
      if (def.type === 'object') schema = def.shape?.[String(key)];
      else if (def.type === 'array') schema = def.element;
      else if (def.type === 'record') schema = def.valueType;
      else return undefined;
    }
  }
}

/** The values an enumerated field allows (an enum, literals, or a union of them), or undefined for any other field. */
export function choicesAt(channel: Channel, path: Path): string[] | undefined {
  const values = (schema: unknown): unknown[] | undefined => {
    const def = (schema as { _zod?: { def?: { type: string; entries?: Record<string, unknown>; values?: unknown[]; options?: unknown[]; innerType?: unknown } } })?._zod?.def;
    if (!def) return undefined;
    if (def.type === 'enum') return Object.values(def.entries ?? {});
    if (def.type === 'literal') return def.values;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') return values(def.innerType);
    if (def.type !== 'union') return undefined;
    const each = (def.options ?? []).map(values);
    return each.every((v) => v !== undefined) ? each.flat() : undefined;
  };
  const found = values(schemaAt(channel, path))?.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  return found && found.length > 0 ? found.map(String) : undefined;
}

const valueAt = (input: unknown, path: Path): unknown => path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), input);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The call a refusal came from: its channel (to read which values a field allows) and the input the flags became. */
export interface RefusedCall {
  channel: Channel;
  input: unknown;
}

/** What an issue says after its field's name: the allowed values, for a value of an enumerated field, else the contract's text. */
function issueText(issue: Issue, refused: RefusedCall | undefined): Said {
  const choices = refused && (issue.key === 'invalid_choice' || issue.key === 'invalid_value') ? choicesAt(refused.channel, issue.path) : undefined;
  if (!choices) return issueSaid(issue);
  const given = valueAt(refused!.input, issue.path);
  return typeof given === 'string' || typeof given === 'number'
    ? say('cli:refusal.oneOfGiven', { choices: choices.join(', '), given })
    : say('cli:refusal.oneOf', { choices: choices.join(', ') });
}

const rephrased = new WeakSet<AppError>();

/**
 * A refusal in the command line's terms: each contract field it names (payment.dueDate) becomes the flag the user
 * typed (--due), and a value outside an enumerated field's list names the values allowed. A message phrased from
 * its issues is phrased again from them; another (a database constraint's, a file's) has each field's name
 * replaced where it opens a clause. The issues themselves are kept as they were, for --json and the renderer.
 * The message stays English; what the refusal says in each language rides along (words.ts saidOf): in Chinese each
 * issue is the screens' sentence for its key after the flag, or the words the refusal was given where it was made.
 */
export function inFlagTerms(error: AppError, command: FlagsOfCommand, flags: Flags, refused?: RefusedCall): AppError {
  const issues = error.issues ?? [];
  if (rephrased.has(error) || issues.length === 0) return error;
  const label = (issue: Issue) => (issue.path.length > 0 ? flagLabel(issue.path, command, flags) : undefined);
  // Each issue's clause: the command's own, or its sentence after the field as `named` names it (or alone).
  const clauses = (named: (issue: Issue) => Label | undefined) =>
    issues.map((issue): Said => {
      const clause = command.clauses?.[issue.key]?.(issue.params ?? {});
      if (clause === undefined) return fieldSaid(named(issue), issueText(issue, refused));
      return typeof clause === 'string' ? (language) => (language === 'en' ? clause : issueSaid(issue)(language)) : clause;
    });
  let said: Said;
  if (error.message === invalidInput(issues).message) {
    // Two fields a flag fills (the --scheme of a filter and of the columns shown) would say the same twice.
    said = clausesSaid(clauses((issue) => label(issue) ?? (issue.path.join('.') || undefined)));
  } else {
    let english = error.message;
    for (const issue of issues) {
      const flag = label(issue);
      if (flag) english = english.replace(new RegExp(`(^|; |: )${escape(issue.path.join('.'))}(?= )`, 'g'), (_, before: string) => `${before}${spoken(flag, 'en')}`);
    }
    // Phrased in its own words ("No such file: …", "Nothing was imported: …"): said by the issues' sentences, each
    // field named by its flag where the English names it or the user typed it (not --mapping when the columns were
    // matched without one), and no contract field's name (rows) put before a sentence.
    const typed = (flag: Label) => typeof flag === 'function' || (flag.startsWith('--') && flags[flag.slice(2)] !== undefined);
    const other =
      saidOf(error) ??
      clausesSaid(
        clauses((issue) => {
          const flag = label(issue);
          return flag !== undefined && (typed(flag) || english.includes(spoken(flag, 'en'))) ? flag : undefined;
        }),
      );
    said = (language) => (language === 'en' ? english : other(language));
  }
  const message = said('en');
  const result = message === error.message ? error : new AppError(error.code, message, error.issues);
  rephrased.add(result);
  return sayAs(result, said);
}
