import { formatPhone } from '../../shared/domain/phone';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { optionalInt, optionalString, requireFlag } from './args';
import type { BaseMoney } from './base-money';
import { inWords, nthFlag, type FieldFlags, type IssueClauses } from './flag-errors';
import { localInstant } from './local-instant';
import type { Label } from './refusal-text';
import { say } from './words';

type Flags = Record<string, string | boolean | string[] | undefined>;
type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
export type Caller = <C extends Channel>(name: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** What a command may ask of the run besides its calls. */
export interface CliContext {
  /** Today's date by the clock the app's handlers read (the machine's), for a refusal made before any call. */
  today(): string;
}

export interface Command {
  words: string[];
  summary: string;
  flags: FlagSpec;
  /** Returns what --json prints (unless `json` picks part of it); `human` turns it into lines for people. */
  run(flags: Flags, call: Caller, context: CliContext): Promise<unknown>;
  /** `money` shows an amount of the base currency: read from the settings for a command that `usesBaseCurrency`. */
  human(output: never, money: BaseMoney): string;
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

export const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)));

export const COMMANDS: Command[] = [
  {
    words: ['demo'],
    startsDatabase: true,
    summary: 'Create or fill a database with the demo workspace (a Guangzhou stall and an export desk); --history also stores its tiers at the last 24 month-ends and today, as the welcome screen does.',
    flags: { seed: { type: 'string' }, customers: { type: 'string' }, history: { type: 'boolean' } },
    run: (v, call) => call('workspace:loadDemo', { seed: optionalInt(v, 'seed'), customers: optionalInt(v, 'customers'), history: v.history === true }),
    human: (o: OutputOf<'workspace:loadDemo'>) => `Demo workspace loaded: ${o.customers} customers, ${o.orders} orders, ${o.followUps} follow-ups.`,
  },
  {
    words: ['repair'],
    summary: 'Rebuild the figures kept on every write (each customer\'s order and follow-up totals for the tiers, the report\'s monthly totals) from the raw orders and follow-ups; prints how many differed.',
    flags: {},
    run: (_v, call) => call('workspace:repair', {}),
    human: (o: OutputOf<'workspace:repair'>) =>
      `Rebuilt ${o.activityRows} customer activity rows (${o.activityRowsDiffering} differed from the kept ones), ${o.orderMonths} order months and ${o.followUpMonths} follow-up months.`,
  },
  {
    words: ['customers', 'list'],
    summary:
      'List customers; --search matches name, company, pinyin (zs / zhangsan), phone, WeChat, WhatsApp, email. --scheme KEY --class a,b keeps those classes; --sort-tier KEY sorts by tier (best first).',
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
    human: (o: OutputOf<'customers:list'>) =>
      [
        ...o.rows.map((r) => `${r.id}  ${pad(r.name, 20)} ${pad(r.company ?? '', 30)} ${r.phone ? formatPhone(r.phone) : ''}${Object.entries(r.classes).map(([s, c]) => `  ${s}=${c}`).join('')}`),
        `${o.rows.length} of ${o.total} customers`,
      ].join('\n'),
  },
  {
    words: ['customers', 'add'],
    startsDatabase: true,
    summary: 'Add a customer. Repeatable contacts: --phone, --email, --wechat, --whatsapp.',
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
    human: (o: OutputOf<'customers:create'>) =>
      [
        `Added ${o.customer.name} (${o.customer.id})`,
        ...o.duplicates.map((d) => `warning: possible duplicate — ${d.name}${d.company ? ` (${d.company})` : ''} ${d.customerId} has the same ${d.kind} ${d.value}`),
      ].join('\n'),
  },
  {
    words: ['followups', 'add'],
    summary: 'Log a follow-up: --customer ID [--channel call] [--content …] [--outcome …] [--intent interested] [--satisfaction 1-5] [--next YYYY-MM-DD] [--next-time HH:MM] [--at "YYYY-MM-DD HH:MM" (this computer\'s clock) or an ISO time with its offset].',
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
    human: (o: OutputOf<'followups:create'>) =>
      `Logged follow-up ${o.followUp.id}${o.followUp.nextContactDate ? `; next contact ${o.followUp.nextContactDate}${o.followUp.nextContactTime ? ` ${o.followUp.nextContactTime}` : ''}` : ''}${o.answered.length ? `; closed ${o.answered.length} reminder(s)` : ''}`,
  },
  {
    words: ['followups', 'due'],
    summary: 'Follow-ups due: overdue, today and the next 7 days [--as-of YYYY-MM-DD] [--days N] [--limit N per section].',
    flags: { 'as-of': { type: 'string' }, days: { type: 'string' }, limit: { type: 'string' } },
    fields: { horizonDays: '--days' },
    // A day to come is allowed here, unlike the commands reading tiers or activity as of a day: reminders carry their
    // own dates, so "what falls due on Monday" is a calendar, not a guess about customers.
    run: (v, call) => call('followups:due', { asOf: optionalString(v, 'as-of'), horizonDays: optionalInt(v, 'days'), limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'followups:due'>) => {
      const section = (title: string, items: OutputOf<'followups:due'>['overdue'], total: number) => [
        `${title} (${total})`,
        ...items.map((i) => `  ${i.dueDate}  ${pad(i.customerName, 20)} ${i.phone ? formatPhone(i.phone) : ''}  ${i.lastContent}`),
        ...(total > items.length ? [`  … and ${total - items.length} more (--limit N)`] : []),
      ];
      return [
        ...section('Overdue', o.overdue, o.counts.overdue),
        ...section(`Today ${o.asOf}`, o.today, o.counts.today),
        ...section('Next days', o.upcoming, o.counts.upcoming),
      ].join('\n');
    },
  },
];
