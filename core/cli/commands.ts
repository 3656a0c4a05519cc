import { formatPhone } from '../../shared/domain/phone';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { optionalInt, optionalString, requireFlag } from './args';
import type { BaseMoney } from './base-money';
import { inWords, nthFlag, type FieldFlags, type IssueClauses } from './flag-errors';
import { localInstant } from './local-instant';
import type { Label } from './refusal-text';
import { say, type Words } from './words';

type Flags = Record<string, string | boolean | string[] | undefined>;
type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
export type Caller = <C extends Channel>(name: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** What a command may ask of the run besides its calls. */
export interface CliContext {
  /** Today's date by the clock the app's handlers read (the machine's), for a refusal made before any call. */
  today(): string;
}

export interface Command {
  /** Its words as typed; what it does is said in the user's language by cli:help.commands under these words. */
  words: string[];
  flags: FlagSpec;
  /** Returns what --json prints (unless `json` picks part of it); `human` turns it into lines for people. */
  run(flags: Flags, call: Caller, context: CliContext): Promise<unknown>;
  /**
   * `money` shows an amount of the base currency: read from the settings for a command that `usesBaseCurrency`.
   * `words` are the command line's in the user's language (--lang, the workspace's setting, the system's locale).
   */
  human(output: never, money: BaseMoney, words: Words): string;
  /** What --json prints when it is not all of `run`'s output (the lines for people need more than the script reads). */
  json?(output: never): unknown;
  /**
   * The flag behind each contract field whose name differs from the flag's (see flag-errors.ts), so a refusal
   * names what the user typed (--due, not payment.dueDate).
   */
  fields?: FieldFlags;
  /** Refusals this command says in its own words, by issue key (see flag-errors.ts). */
  clauses?: IssueClauses;
  /** True when the readable lines show amounts of the workspace's base currency that its output does not name. */
  usesBaseCurrency?: true;
  /** True for a command that takes a FILE after its words (import, export); any other word there is refused. */
  takesFile?: true;
  /** True when these flags need no database (e.g. `predict fit --summary FILE`): main then opens none. */
  offline?(flags: Flags): boolean;
  /**
   * A command that can be the first on a new file (the demo, a customer added, an import, settings, a restore,
   * joining a team): it creates the database when --db names none. Every other command refuses a file that is
   * not there, so a mistyped name is not taken for a new, empty workspace ("0 to serve").
   */
  startsDatabase?: true;
  /**
   * True when these flags make a command that starts a database write nothing (an import's --dry-run): run on a
   * file that was not there, it reads a new, empty workspace, which is removed again at the end.
   */
  writesNothing?(flags: Flags): boolean;
}

const list = (values: Flags, name: string): string[] => {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [String(value)]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
};

function contactsFrom(values: Flags) {
  return (['phone', 'email', 'wechat', 'whatsapp'] as const).flatMap((kind) => list(values, kind).map((value) => ({ kind, value })));
}

/** contacts.N is the Nth of every --phone, then --email, --wechat and --whatsapp: named as the flag it came from. */
function contactFlag(path: readonly (string | number)[], values: Flags): Label {
  const contacts = contactsFrom(values);
  const at = path[1];
  const contact = typeof at === 'number' ? contacts[at] : undefined;
  if (!contact) return say('cli:label.anyContact');
  const sameKind = contacts.filter((c) => c.kind === contact.kind);
  return sameKind.length === 1 ? `--${contact.kind}` : nthFlag(sameKind.indexOf(contact) + 1, `--${contact.kind}`);
}

let graphemes: Intl.Segmenter | undefined;
/** Made at the first table printed, not at start: making a segmenter loads ICU's break rules, about 10 ms of every command. */
const graphemeSegmenter = () => (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));

/**
 * The columns a text takes in a terminal, as wcwidth counts them: a CJK character takes two; a mark drawn on the
 * letter before it (Thai vowel and tone marks, the Devanagari virama, an accent typed apart), a joiner or a
 * variation selector, none; an emoji however it is built (a family of four people joined, a skin tone, a flag of two
 * letters) two. Counted by code point, each mark took a column and a family emoji fourteen, so the columns after a
 * Thai, Hindi or emoji name came out of line.
 */
export const width = (text: string) => {
  let columns = 0;
  for (const { segment } of graphemeSegmenter().segment(text)) {
    if (/\p{Emoji_Presentation}|\uFE0F|\p{Regional_Indicator}/u.test(segment)) columns += 2;
    else for (const ch of segment) columns += /[\p{Mn}\p{Me}\p{Cf}]/u.test(ch) ? 0 : /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  }
  return columns;
};

export const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));

export const COMMANDS: Command[] = [
  {
    words: ['demo'],
    startsDatabase: true,
    flags: { seed: { type: 'string' }, customers: { type: 'string' }, history: { type: 'boolean' } },
    run: (v, call) => call('workspace:loadDemo', { seed: optionalInt(v, 'seed'), customers: optionalInt(v, 'customers'), history: v.history === true }),
    human: (o: OutputOf<'workspace:loadDemo'>, _money, w) => w('cli:out.demo', { customers: o.customers, orders: o.orders, followUps: o.followUps }),
  },
  {
    words: ['repair'],
    flags: {},
    run: (_v, call) => call('workspace:repair', {}),
    human: (o: OutputOf<'workspace:repair'>, _money, w) =>
      w('cli:out.repair', { activityRows: o.activityRows, differing: o.activityRowsDiffering, orderMonths: o.orderMonths, followUpMonths: o.followUpMonths }),
  },
  {
    words: ['customers', 'list'],
    flags: { search: { type: 'string' }, limit: { type: 'string' }, view: { type: 'string' }, scheme: { type: 'string' }, class: { type: 'string' }, 'sort-tier': { type: 'string' } },
    fields: {
      classFilter: inWords(say('cli:label.schemeAndClass')),
      'classFilter.scheme': '--scheme',
      'classFilter.classes': '--class',
      'sort.scheme': '--sort-tier',
      // The schemes whose classes are shown: --scheme's, then --sort-tier's (once when they are the same).
      schemes: (path, v) => (typeof path[1] === 'number' && path[1] > 0 ? '--sort-tier' : optionalString(v, 'scheme') !== undefined ? '--scheme' : '--sort-tier'),
    },
    run: (v, call) => {
      const scheme = optionalString(v, 'scheme');
      const classes = optionalString(v, 'class')?.split(',').map((c) => c.trim()).filter(Boolean);
      const tier = optionalString(v, 'sort-tier');
      const shown = [...new Set([scheme, tier].filter((s): s is string => s !== undefined))];
      return call('customers:list', {
        search: optionalString(v, 'search') ?? '',
        limit: optionalInt(v, 'limit') ?? 50,
        view: optionalString(v, 'view') as 'active' | undefined,
        // A class without a scheme (or the reverse) is passed on as given: the contract names what is missing.
        ...(scheme !== undefined || classes !== undefined ? { classFilter: { scheme: scheme as string, classes: classes as string[] } } : {}),
        ...(tier !== undefined ? { sort: { field: 'tier' as const, desc: false, scheme: tier } } : {}),
        schemes: shown,
      });
    },
    human: (o: OutputOf<'customers:list'>, _money, w) =>
      [
        ...o.rows.map((r) => `${r.id}  ${pad(r.name, 20)} ${pad(r.company ?? '', 30)} ${r.phone ? formatPhone(r.phone) : ''}${Object.entries(r.classes).map(([s, c]) => `  ${s}=${c}`).join('')}`),
        w('cli:out.customers.listed', { shown: o.rows.length, total: o.total }),
      ].join('\n'),
  },
  {
    words: ['customers', 'add'],
    startsDatabase: true,
    flags: {
      name: { type: 'string' }, company: { type: 'string' }, type: { type: 'string' }, industry: { type: 'string' },
      country: { type: 'string' }, region: { type: 'string' }, city: { type: 'string' }, tags: { type: 'string', multiple: true },
      owner: { type: 'string' }, source: { type: 'string' }, level: { type: 'string' }, notes: { type: 'string' },
      phone: { type: 'string', multiple: true }, email: { type: 'string', multiple: true },
      wechat: { type: 'string', multiple: true }, whatsapp: { type: 'string', multiple: true },
    },
    fields: { manualLevel: '--level', contacts: contactFlag },
    run: (v, call) =>
      call('customers:create', {
        name: requireFlag(v, 'name'),
        company: optionalString(v, 'company'),
        type: optionalString(v, 'type') as 'individual' | undefined,
        industry: optionalString(v, 'industry'),
        country: optionalString(v, 'country'),
        region: optionalString(v, 'region'),
        city: optionalString(v, 'city'),
        tags: list(v, 'tags'),
        owner: optionalString(v, 'owner'),
        source: optionalString(v, 'source'),
        manualLevel: optionalString(v, 'level') as 'A' | undefined,
        notes: optionalString(v, 'notes'),
        contacts: contactsFrom(v),
      }),
    human: (o: OutputOf<'customers:create'>, _money, w) =>
      [
        w('cli:out.customers.added', { name: o.customer.name, id: o.customer.id }),
        ...o.duplicates.map((d) =>
          w('cli:out.customers.duplicate', {
            name: d.name,
            company: d.company ? w('cli:out.customers.company', { company: d.company }) : '',
            id: d.customerId,
            kind: w(`cli:out.customers.contactKind.${d.kind}`),
            value: d.value,
          }),
        ),
      ].join('\n'),
  },
  {
    words: ['followups', 'add'],
    flags: { customer: { type: 'string' }, channel: { type: 'string' }, content: { type: 'string' }, outcome: { type: 'string' }, intent: { type: 'string' }, satisfaction: { type: 'string' }, next: { type: 'string' }, 'next-time': { type: 'string' }, at: { type: 'string' } },
    fields: { nextContactDate: '--next', nextContactTime: '--next-time', occurredAt: '--at' },
    run: (v, call) =>
      call('followups:create', {
        customerId: requireFlag(v, 'customer'),
        channel: optionalString(v, 'channel') as 'call' | undefined,
        content: optionalString(v, 'content'),
        outcome: optionalString(v, 'outcome'),
        intent: optionalString(v, 'intent') as 'interested' | undefined,
        satisfaction: optionalInt(v, 'satisfaction'),
        nextContactDate: optionalString(v, 'next'),
        nextContactTime: optionalString(v, 'next-time'),
        occurredAt: localInstant(optionalString(v, 'at')),
      }),
    human: ({ followUp, answered }: OutputOf<'followups:create'>, _money, w) =>
      w('cli:out.followUps.logged', { id: followUp.id }) +
      (followUp.nextContactDate ? w('cli:out.followUps.nextContact', { when: [followUp.nextContactDate, followUp.nextContactTime].filter(Boolean).join(' ') }) : '') +
      (answered.length ? w('cli:out.followUps.closed', { count: answered.length }) : ''),
  },
  {
    words: ['followups', 'due'],
    flags: { 'as-of': { type: 'string' }, days: { type: 'string' }, limit: { type: 'string' } },
    fields: { horizonDays: '--days' },
    // A day to come is allowed here, unlike the commands reading tiers or activity as of a day: reminders carry their
    // own dates, so "what falls due on Monday" is a calendar, not a guess about customers.
    run: (v, call) => call('followups:due', { asOf: optionalString(v, 'as-of'), horizonDays: optionalInt(v, 'days'), limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'followups:due'>, _money, w) => {
      const section = (title: string, items: OutputOf<'followups:due'>['overdue'], total: number) => [
        w('cli:out.followUps.section', { title, count: total }),
        // A reminder's time beside its day; a day without one keeps the names in line with those that have one.
        ...items.map((i) => `  ${i.dueDate} ${i.dueTime ?? '     '}  ${pad(i.customerName, 20)} ${i.phone ? formatPhone(i.phone) : ''}  ${i.lastContent}`),
        ...(total > items.length ? [w('cli:out.followUps.more', { count: total - items.length })] : []),
      ];
      return [
        ...section(w('cli:out.followUps.overdue'), o.overdue, o.counts.overdue),
        ...section(w('cli:out.followUps.today', { date: o.asOf }), o.today, o.counts.today),
        ...section(w('cli:out.followUps.upcoming'), o.upcoming, o.counts.upcoming),
      ].join('\n');
    },
  },
];
