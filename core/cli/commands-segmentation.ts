import type { OutputOf } from '../../shared/contract';
import type { Explanation } from '../../shared/contract/segmentation';
import type { MoveHint } from '../../shared/segmentation';
import { optionalInt, optionalString, readFlagFile, requireFlag, UsageError } from './args';
import { pastAsOf } from './as-of';
import { pad, type Command } from './commands';
import type { BaseMoney } from './base-money';
import { inFile } from './flag-errors';
import { classWord, PLAIN_NAMING, spellingsFor, withoutSpellings, type WithSpellings } from './class-names';
import { say, wordsIn, type Words } from './words';
import { groupWord, schemeNamingFor, schemeWord, type SchemeNaming } from './scheme-words';
import { overviewCaveats, type RankingCaveat } from '../../shared/domain/ranking-caveat';

/** What `migration` prints from: the moves, and how its scheme is named for people. */
type MigrationLines = OutputOf<'segments:migration'> & { naming: SchemeNaming };

/** The largest page segments:members serves (its input's limit). */
const MEMBER_PAGE = 5000;

/** A "what would move them" hint in the user's words (the app words the same data its own way). */
export function hintLine(hint: MoveHint, money: BaseMoney, w: Words = wordsIn('en'), cls: (classKey: string) => string = (classKey) => classKey): string {
  const to = (toClass: string) => ({ toClass: cls(toClass) });
  switch (hint.kind) {
    case 'spend_more':
      return w(hint.by ? 'cli:out.hints.spend_more_by' : 'cli:out.hints.spend_more', { amount: money(hint.amountMinor), by: hint.by ?? '', ...to(hint.toClass) });
    case 'order_more':
      return w(hint.by ? 'cli:out.hints.order_more_by' : 'cli:out.hints.order_more', { count: hint.orders, by: hint.by ?? '', ...to(hint.toClass) });
    case 'order_within':
      return w('cli:out.hints.order_within', { count: hint.days, by: hint.by, keeps: cls(hint.keeps) });
    case 'changes_on':
      return w('cli:out.hints.changes_on', { date: hint.date, ...to(hint.toClass) });
    case 'place_order':
      return w('cli:out.hints.place_order', to(hint.toClass));
    case 'raise_value_score':
      return w('cli:out.hints.raise_value_score', { points: hint.points, ...to(hint.toClass) });
    case 'reach_score': {
      const value = hint.dimension === 'm' ? money(hint.value) : hint.value;
      const unit = w(`cli:out.hints.unit.${hint.dimension}`, { count: hint.value });
      const text = w('cli:out.hints.reach', { dimension: hint.dimension, score: hint.score, bound: hint.bound === 'at_most' ? '≤' : '≥', value, unit });
      return hint.toClass ? text + w('cli:out.hints.toClass', to(hint.toClass)) : text;
    }
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

/**
 * "ranked by Revenue, group Domestic (210 customers), cut ≥ 48000.00 CNY (by share)" for pyramid and value: the basis,
 * the group and the way of cutting in the words of the Tiers screen's settings (tierSettings), never their keys.
 */
function cutLine(classKey: string, e: Explanation, money: BaseMoney, w: Words, naming: SchemeNaming): string {
  const parts: string[] = [];
  if (typeof e.basis === 'string' && (e.kind === 'pyramid' || e.kind === 'value')) {
    parts.push(w(e.fellBackToRevenue ? 'cli:out.explain.basisFellBack' : 'cli:out.explain.basis', { basis: w(`tierSettings:basis.${e.basis}`) }));
  }
  const group = e.group as { partition: string; key: string; size: number } | null | undefined;
  if (group) parts.push(w('cli:out.explain.group', { group: groupWord(group.key, w, naming, group.partition), count: group.size }));
  const cuts = e.cuts as Record<string, number | null> | undefined;
  if ((e.kind === 'pyramid' || e.kind === 'value') && cuts && classKey in cuts) {
    const mode = w(`tierSettings:cut.mode.${String(e.mode)}`);
    parts.push(e.kind === 'pyramid' ? w('cli:out.explain.cutAmount', { amount: money(cuts[classKey]), mode }) : w('cli:out.explain.cutScore', { score: cuts[classKey] ?? '–', mode }));
  }
  if (e.kind === 'pyramid' && e.rankValue !== null && e.rankValue !== undefined) parts.push(w('cli:out.explain.rank', { rank: String(e.rank), ranked: String(e.ranked), amount: money(e.rankValue as number) }));
  return parts.join(w('cli:out.between'));
}

type ExplainLines = WithSpellings<OutputOf<'segments:explain'>> & { naming: SchemeNaming; name: string };

type TierLines = WithSpellings<OutputOf<'segments:members'> & { offset: number; scheme: string; caveats: { group?: string; caveat: RankingCaveat }[]; naming: SchemeNaming }>;

/** "Ranked among 3 customers: scores say little yet", in the screens' words (tiers namespace). */
const caveatText = (caveat: RankingCaveat, w: Words) => w(`tiers:caveat.${caveat.reason}`, { count: caveat.ranked });

/** Segmentation from the command line: the same calls the Tiered lists screen makes. */
export const SEGMENTATION_COMMANDS: Command[] = [
  // Before `segment`: commands are matched by their leading words, first match wins.
  {
    words: ['segment', 'config', 'get'],
    flags: {},
    run: (_v, call) => call('segments:config:get', {}),
    human: (o: OutputOf<'segments:config:get'>, _money, w) =>
      [w('cli:out.segmentConfig.overrides', { json: JSON.stringify(o.overrides) }), w('cli:out.segmentConfig.effective', { json: JSON.stringify(o.effective, null, 2) })].join('\n'),
  },
  {
    words: ['segment', 'config', 'set'],
    flags: { file: { type: 'string' } },
    // A refused key is named where it sits in the file: pyramid.thresholds in --file.
    fields: { overrides: inFile('--file') },
    run: (v, call) => call('segments:config:set', { overrides: readConfigFile(requireFlag(v, 'file')) }),
    human: (o: OutputOf<'segments:config:set'>, _money, w) => w('cli:out.segmentConfig.saved', { json: JSON.stringify(o.overrides) }),
  },
  {
    words: ['segment', 'forget-future'],
    flags: { 'dry-run': { type: 'boolean' } },
    writesNothing: (v) => v['dry-run'] === true,
    run: async (v, call) =>
      v['dry-run'] === true
        ? { ...(await call('segments:daysAfterToday', {})), dryRun: true }
        : { ...(await call('segments:dropDaysAfterToday', {})), dryRun: false },
    human: (o: { today: string; days?: string[]; removed?: string[]; dryRun: boolean }, _money, w) => {
      const days = o.days ?? o.removed ?? [];
      if (days.length === 0) return w('cli:out.forgetFuture.nothing', { today: o.today });
      const list = days.length > 5 ? w('cli:out.forgetFuture.list', { first: days.slice(0, 5).join(', '), days: days.length }) : days.join(', ');
      return w(o.dryRun ? 'cli:out.forgetFuture.found' : 'cli:out.forgetFuture.removed', { today: o.today, list });
    },
  },
  {
    words: ['segment'],
    flags: { 'as-of': { type: 'string' } },
    run: async (v, call) => ({ ...(await call('segments:recompute', { asOf: optionalString(v, 'as-of') })), ...(await spellingsFor(v, call)) }),
    json: withoutSpellings,
    human: (o: WithSpellings<OutputOf<'segments:recompute'>>, _money, w) =>
      [
        w('cli:out.segment.done', { asOf: o.asOf }) + (o.stored ? '' : w('cli:out.segment.notStored')),
        ...Object.entries(o.schemes).map(
          ([scheme, counts]) =>
            `  ${pad(schemeWord(scheme, w), 18)} ${Object.entries(counts)
              .filter(([, n]) => n > 0)
              .map(([c, n]) => `${classWord(o, scheme, c, w)} ${n}`)
              .join(w('cli:out.between'))}`,
        ),
      ].join('\n'),
  },
  {
    words: ['tiers'],
    usesBaseCurrency: true,
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
      const caveats = overviewCaveats(await call('segments:overview', { scheme: requireFlag(v, 'scheme'), asOf: first.asOf }), optionalString(v, 'group'));
      return { asOf: first.asOf, total: first.total, offset, rows, scheme: requireFlag(v, 'scheme'), caveats, ...(await spellingsFor(v, call)), naming: await schemeNamingFor(v, call) };
    },
    json: ({ scheme: _scheme, caveats: _caveats, naming: _naming, ...o }: TierLines) => withoutSpellings(o),
    human: (o: TierLines, money, w) =>
      [
        ...o.rows.map(
          (r) =>
            // Who the customer is first, as `today` and `predict` name them; the id last, for --customer.
            `${pad(r.name, 20)} ${pad(r.code ?? '', 12)} ${r.group !== undefined ? `${pad(groupWord(r.group, w, o.naming), 12)} ` : ''}${pad(classWord(o, o.scheme, r.classKey, w), 18)} ${r.scores ? `R${r.scores.r} F${r.scores.f} M${r.scores.m}` : '        '}  ${pad(w('cli:out.tiers.revenue', { amount: money(r.revenueMinor) }), 24)}  ${r.id}`,
        ),
        o.rows.length > 0
          ? w('cli:out.tiers.shown', { from: o.offset + 1, to: o.offset + o.rows.length, total: o.total, asOf: o.asOf })
          : o.total > 0
            ? w('cli:out.tiers.pastEnd', { offset: o.offset, total: o.total, asOf: o.asOf })
            : w('cli:out.tiers.none', { asOf: o.asOf }),
        ...o.caveats.map(({ group, caveat }) => (group === undefined ? caveatText(caveat, w) : w('tiers:caveat.inGroup', { group: groupWord(group, w, o.naming), note: caveatText(caveat, w) }))),
      ].join('\n'),
  },
  {
    words: ['explain'],
    usesBaseCurrency: true,
    flags: { customer: { type: 'string' }, 'as-of': { type: 'string' } },
    run: async (v, call, context) => {
      const customerId = requireFlag(v, 'customer');
      const explained = await call('segments:explain', { customerId, asOf: pastAsOf(v, context) });
      // Who the customer is and how schemes and groups are named: for the lines for people only.
      const name = v.json === true ? '' : (await call('customers:get', { id: customerId })).name;
      return { ...explained, ...(await spellingsFor(v, call)), naming: await schemeNamingFor(v, call), name };
    },
    json: ({ naming: _naming, name: _name, ...o }: ExplainLines) => withoutSpellings(o),
    human: (o: ExplainLines, money, w) =>
      [
        w('cli:out.explain.head', { name: o.name, id: o.customerId, asOf: o.asOf, count: o.metrics.orderCount, revenue: money(o.metrics.revenueMinor) }),
        ...Object.entries(o.schemes).map(([scheme, a]) => {
          const cut = cutLine(a.classKey, a.explanation, money, w, o.naming);
          const cls = (classKey: string) => classWord(o, scheme, classKey, w);
          const moves = a.explanation.moves.map((hint) => hintLine(hint, money, w, cls)).join(w('cli:out.clauses'));
          const caveat = o.caveats?.[scheme];
          return `  ${pad(schemeWord(scheme, w, o.naming), 18)} ${pad(cls(a.classKey), 18)} ${[caveat ? caveatText(caveat, w) : '', cut, moves].filter(Boolean).join(w('cli:out.clauses'))}`.trimEnd();
        }),
      ].join('\n'),
  },
  {
    words: ['migration'],
    flags: { scheme: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    run: async (v, call) => ({ ...(await call('segments:migration', { scheme: requireFlag(v, 'scheme'), from: requireFlag(v, 'from'), to: requireFlag(v, 'to') })), naming: await schemeNamingFor(v, call) }),
    json: ({ naming: _naming, ...o }: MigrationLines) => o,
    // Classes and the scheme as the screens name them (a custom segment by its name), in either language.
    human: (o: MigrationLines, _money, w) => {
      const cls = (classKey: string | null) => (classKey === null ? w('cli:out.migration.absent') : classWord(PLAIN_NAMING, o.scheme, classKey, w));
      return [w('cli:out.migration.title', { scheme: schemeWord(o.scheme, w, o.naming), from: o.fromSnapshot, to: o.toSnapshot }), ...o.cells.map((c) => `  ${pad(cls(c.from), 18)} → ${pad(cls(c.to), 18)} ${c.count}`)].join('\n');
    },
  },
];
