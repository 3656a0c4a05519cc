import type { OutputOf } from '../../shared/contract';
import type { Explanation } from '../../shared/contract/segmentation';
import type { MoveHint } from '../../shared/segmentation';
import { optionalInt, optionalString, readFlagFile, requireFlag, UsageError } from './args';
import { pastAsOf } from './as-of';
import { pad, type Command } from './commands';
import type { BaseMoney } from './base-money';
import { inFile } from './flag-errors';
import { shownClass, spellingsFor, withoutSpellings, type WithSpellings } from './class-names';
import { say } from './words';

/** The largest page segments:members serves (its input's limit). */
const MEMBER_PAGE = 5000;

/** What a score's bound counts, one and many. */
const UNITS = {
  r: ['day since the last order', 'days since the last order'],
  f: ['order in the window', 'orders in the window'],
  m: ['revenue in the window', 'revenue in the window'],
  followUps: ['follow-up in the window', 'follow-ups in the window'],
} as const;

/** A "what would move them" hint in plain English (the app translates the same data). */
export function hintLine(hint: MoveHint, money: BaseMoney): string {
  const by = 'by' in hint && hint.by ? ` by ${hint.by}` : '';
  switch (hint.kind) {
    case 'spend_more':
      return `spend ${money(hint.amountMinor)} more${by} → ${hint.toClass}`;
    case 'order_more':
      return `${hint.orders} more order(s)${by} → ${hint.toClass}`;
    case 'order_within':
      return `an order within ${hint.days} days (by ${hint.by}) keeps them ${hint.keeps}`;
    case 'changes_on':
      return `becomes ${hint.toClass} on ${hint.date}`;
    case 'place_order':
      return `one order → ${hint.toClass}`;
    case 'raise_value_score':
      return `value score +${hint.points} → ${hint.toClass}`;
    case 'reach_score':
      return `${hint.dimension} score ${hint.score} needs ${hint.bound === 'at_most' ? '≤' : '≥'} ${hint.dimension === 'm' ? money(hint.value) : hint.value} ${UNITS[hint.dimension][hint.value === 1 ? 0 : 1]}${hint.toClass ? ` → ${hint.toClass}` : ''}`;
  }
}

/** The config file for `segment config set`: a JSON object of sections, as `segment config get --json` prints under "overrides". */
function readConfigFile(path: string): Record<string, unknown> {
  const text = readFlagFile('file', path, (said) => new UsageError(said));
  let parsed: unknown;
  try {
    // Without the byte-order mark Windows Notepad writes at the start of a UTF-8 file, which JSON.parse refuses.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(say('cli:file.configJson', { reason: (error as Error).message }));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(say('cli:file.configObject'));
  // `segment config get --json` prints {overrides, effective}; its output can be edited and given back.
  const record = parsed as Record<string, unknown>;
  return 'overrides' in record && typeof record.overrides === 'object' && record.overrides !== null ? (record.overrides as Record<string, unknown>) : record;
}

/** "basis revenue, group local (210 customers), cut ≥ 48000.00 CNY by shares" for pyramid and value. */
function cutLine(classKey: string, e: Explanation, money: BaseMoney): string {
  const parts: string[] = [];
  if (typeof e.basis === 'string' && (e.kind === 'pyramid' || e.kind === 'value')) parts.push(`basis ${e.basis}${e.fellBackToRevenue ? ' (no cost data: revenue)' : ''}`);
  const group = e.group as { partition: string; key: string; size: number } | null | undefined;
  if (group) parts.push(`group ${group.partition}=${group.key} (${group.size} customers)`);
  const cuts = e.cuts as Record<string, number | null> | undefined;
  if ((e.kind === 'pyramid' || e.kind === 'value') && cuts && classKey in cuts) {
    parts.push(`cut ${e.kind === 'pyramid' ? `≥ ${money(cuts[classKey])}` : `value score ≥ ${cuts[classKey] ?? '–'}`} by ${String(e.mode)}`);
  }
  if (e.kind === 'pyramid' && e.rankValue !== null && e.rankValue !== undefined) parts.push(`rank ${String(e.rank)} of ${String(e.ranked)} at ${money(e.rankValue as number)}`);
  return parts.join(', ');
}

/** Segmentation from the command line: the same calls the Tiered lists screen makes. */
export const SEGMENTATION_COMMANDS: Command[] = [
  // Before `segment`: commands are matched by their leading words, first match wins.
  {
    words: ['segment', 'config', 'get'],
    summary: 'The tier settings: what is overridden and the effective config (basis, partition, thresholds, shares, windows).',
    flags: {},
    run: (_v, call) => call('segments:config:get', {}),
    human: (o: OutputOf<'segments:config:get'>) => [`Overrides: ${JSON.stringify(o.overrides)}`, `Effective: ${JSON.stringify(o.effective, null, 2)}`].join('\n'),
  },
  {
    words: ['segment', 'config', 'set'],
    summary: 'Replace the tier settings with a JSON file of sections (--file CONFIG.json), validated by the engine; a bad file changes nothing.',
    flags: { file: { type: 'string' } },
    // A refused key is named where it sits in the file: pyramid.thresholds in --file.
    fields: { overrides: inFile('--file') },
    run: (v, call) => call('segments:config:set', { overrides: readConfigFile(requireFlag(v, 'file')) }),
    human: (o: OutputOf<'segments:config:set'>) => `Tier settings saved: ${JSON.stringify(o.overrides)}`,
  },
  {
    words: ['segment', 'forget-future'],
    summary:
      'Remove the tiers and predictions stored for days after today (a clock that ran ahead once stops the history until they go), then store today\'s; --dry-run only lists them.',
    flags: { 'dry-run': { type: 'boolean' } },
    writesNothing: (v) => v['dry-run'] === true,
    run: async (v, call) =>
      v['dry-run'] === true
        ? { ...(await call('segments:daysAfterToday', {})), dryRun: true }
        : { ...(await call('segments:dropDaysAfterToday', {})), dryRun: false },
    human: (o: { today: string; days?: string[]; removed?: string[]; dryRun: boolean }) => {
      const days = o.days ?? o.removed ?? [];
      if (days.length === 0) return `Nothing is stored for a day after today (${o.today}).`;
      const list = days.length > 5 ? `${days.slice(0, 5).join(', ')} … (${days.length} days)` : days.join(', ');
      return o.dryRun ? `Stored for days after today (${o.today}): ${list}; run without --dry-run to remove them.` : `Removed what was stored for ${list}; today's tiers (${o.today}) are stored.`;
    },
  },
  {
    words: ['segment'],
    summary: 'Recompute every scheme and store the day\'s tier snapshot [--as-of YYYY-MM-DD, not after today]; prints counts per class.',
    flags: { 'as-of': { type: 'string' } },
    run: async (v, call) => ({ ...(await call('segments:recompute', { asOf: optionalString(v, 'as-of') })), spellings: await spellingsFor(v, call) }),
    json: withoutSpellings,
    human: (o: WithSpellings<OutputOf<'segments:recompute'>>) =>
      [
        `Segmented as of ${o.asOf}${o.stored ? '' : ' (not stored: a later day is stored already; if it is after today, `segment forget-future` lists and removes it)'}`,
        ...Object.entries(o.schemes).map(
          ([scheme, counts]) =>
            `  ${pad(scheme, 12)} ${Object.entries(counts)
              .filter(([, n]) => n > 0)
              .map(([c, n]) => `${shownClass(o.spellings, scheme, c)} ${n}`)
              .join(', ')}`,
        ),
      ].join('\n'),
  },
  {
    words: ['tiers'],
    usesBaseCurrency: true,
    summary: 'Members of a scheme (or one class, or one --group of a partition), every one unless --limit N: --scheme KEY [--class KEY] [--group KEY] [--as-of YYYY-MM-DD, not after today] [--search Q] [--sort revenue] [--offset N] [--limit N].',
    flags: {
      scheme: { type: 'string' }, class: { type: 'string' }, group: { type: 'string' }, 'as-of': { type: 'string' }, search: { type: 'string' }, sort: { type: 'string' }, offset: { type: 'string' }, limit: { type: 'string' },
    },
    fields: { classKey: '--class' },
    run: async (v, call, context) => {
      const asOf = pastAsOf(v, context);
      const offset = optionalInt(v, 'offset') ?? 0;
      const limit = optionalInt(v, 'limit');
      if (offset < 0) throw new UsageError(say('cli:usage.atLeast', { name: 'offset', min: 0, value: offset }));
      if (limit !== undefined && limit < 1) throw new UsageError(say('cli:usage.atLeast', { name: 'limit', min: 1, value: limit }));
      const page = (from: number, size: number) =>
        call('segments:members', {
          scheme: requireFlag(v, 'scheme'),
          classKey: optionalString(v, 'class'),
          group: optionalString(v, 'group'),
          asOf,
          search: optionalString(v, 'search'),
          sort: optionalString(v, 'sort') as 'revenue' | undefined,
          offset: from,
          limit: size,
        });
      // The channel serves pages of at most MEMBER_PAGE; a script asking for a whole class gets all of it.
      const first = await page(offset, Math.min(limit ?? MEMBER_PAGE, MEMBER_PAGE));
      const rows = [...first.rows];
      const wanted = limit === undefined ? first.total - offset : Math.min(limit, first.total - offset);
      while (rows.length < wanted) {
        const next = await page(offset + rows.length, Math.min(wanted - rows.length, MEMBER_PAGE));
        if (next.rows.length === 0 || next.asOf !== first.asOf) break;
        rows.push(...next.rows);
      }
      return { asOf: first.asOf, total: first.total, offset, rows, scheme: requireFlag(v, 'scheme'), spellings: await spellingsFor(v, call) };
    },
    json: ({ scheme: _scheme, ...o }: WithSpellings<OutputOf<'segments:members'> & { offset: number; scheme: string }>) => withoutSpellings(o),
    human: (o: WithSpellings<OutputOf<'segments:members'> & { offset: number; scheme: string }>, money) =>
      [
        ...o.rows.map(
          (r) =>
            `${r.id}  ${pad(r.code ?? '', 12)} ${pad(r.name, 20)} ${r.group !== undefined ? `${pad(r.group, 12)} ` : ''}${pad(shownClass(o.spellings, o.scheme, r.classKey), 18)} ${r.scores ? `R${r.scores.r} F${r.scores.f} M${r.scores.m}` : '        '}  revenue ${money(r.revenueMinor)}`,
        ),
        o.rows.length > 0
          ? `${o.offset + 1}–${o.offset + o.rows.length} of ${o.total} customers as of ${o.asOf}`
          : o.total > 0
            ? `--offset ${o.offset} is past the last of the ${o.total} customers as of ${o.asOf}`
            : `no customers as of ${o.asOf}`,
      ].join('\n'),
  },
  {
    words: ['explain'],
    usesBaseCurrency: true,
    summary: 'Why a customer is in each class, and what would move them: --customer ID [--as-of YYYY-MM-DD, not after today].',
    flags: { customer: { type: 'string' }, 'as-of': { type: 'string' } },
    run: async (v, call, context) => ({ ...(await call('segments:explain', { customerId: requireFlag(v, 'customer'), asOf: pastAsOf(v, context) })), spellings: await spellingsFor(v, call) }),
    json: withoutSpellings,
    human: (o: WithSpellings<OutputOf<'segments:explain'>>, money) =>
      [
        `${o.customerId} as of ${o.asOf}: ${o.metrics.orderCount} orders, revenue ${money(o.metrics.revenueMinor)} in the window`,
        ...Object.entries(o.schemes).map(([scheme, a]) => {
          const cut = cutLine(a.classKey, a.explanation, money);
          return `  ${pad(scheme, 12)} ${pad(shownClass(o.spellings, scheme, a.classKey), 18)} ${[cut, a.explanation.moves.map((hint) => hintLine(hint, money)).join('; ')].filter(Boolean).join('; ')}`;
        }),
      ].join('\n'),
  },
  {
    words: ['migration'],
    summary: 'How customers moved between classes of a scheme: --scheme KEY --from YYYY-MM-DD --to YYYY-MM-DD.',
    flags: { scheme: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    run: (v, call) => call('segments:migration', { scheme: requireFlag(v, 'scheme'), from: requireFlag(v, 'from'), to: requireFlag(v, 'to') }),
    human: (o: OutputOf<'segments:migration'>) =>
      [
        `${o.scheme}: ${o.fromSnapshot} → ${o.toSnapshot}`,
        ...o.cells.map((c) => `  ${pad(c.from ?? '(absent)', 18)} → ${pad(c.to ?? '(absent)', 18)} ${c.count}`),
      ].join('\n'),
  },
];
