import type { OutputOf } from '../../shared/contract';
import { minorToDecimal } from '../../shared/domain/money';
import { formatQuantity, reasonText } from '../../renderer/features/offering/reason-text';
import { optionalInt, optionalString, requireFlag } from './args';
import type { Command } from './commands';
import { classWord, spellingsFor, withoutSpellings, type WithSpellings } from './class-names';
import { groupWord, schemeNamingFor, schemeWord, type SchemeNaming } from './scheme-words';
import { asTranslator, type Words } from './words';

/** The naming of schemes, classes and groups rides along for the lines for people; --json leaves it out. */
type Named<T> = WithSpellings<T> & { naming: SchemeNaming };
type ClassOffers = Named<OutputOf<'offers:classes'>>;
type CustomerOffers = Named<OutputOf<'offers:customer'>>;

const withoutNaming = <T extends object>({ naming: _naming, ...rest }: Named<T>): T => withoutSpellings(rest as WithSpellings<T>);

const product = (p: { name: string; sku: string | null }) => `${p.name}${p.sku ? ` [${p.sku}]` : ''}`;

/** "2 orders, 12 bought in all, last on 2026-11-20": the Offers tab's words, the day as the command line writes days. */
function usualReason(reason: OutputOf<'offers:customer'>['usuallyBuys'][number]['reason'], w: Words): string {
  const values = { count: reason.orders, quantity: formatQuantity(reason.quantity, w.language) };
  return reason.lastBought ? w('offering:reason.usual', { ...values, date: reason.lastBought }) : w('offering:reason.usualNoDate', values);
}

/** "Like them = the 5 other customers in Gold (Customer pyramid), group Domestic", as the customer file's Offers tab says it. */
function peersBasis(o: CustomerOffers, w: Words): string {
  const cls = classWord(o, o.scheme, o.classKey!, w);
  const scheme = schemeWord(o.scheme, w, o.naming);
  if (o.group === null || o.partition === null) return w('offering:peers.basis', { count: o.peers, cls, scheme });
  const group = groupWord(o.group, w, { ...o.naming, tag: o.partitionTag ?? o.naming?.tag }, o.partition);
  return w('offering:peers.basisGroup', { count: o.peers, cls, scheme, group });
}

/** What to offer, for people in the Offers tab's and the tier screen's words, and for scripts as data. */
export const OFFERING_COMMANDS: Command[] = [
  {
    words: ['offers', 'classes'],
    flags: { scheme: { type: 'string' }, limit: { type: 'string' } },
    run: async (v, call) => ({
      ...(await call('offers:classes', { scheme: requireFlag(v, 'scheme'), limit: optionalInt(v, 'limit') })),
      ...(await spellingsFor(v, call)),
      naming: await schemeNamingFor(v, call),
    }),
    json: withoutNaming,
    human: (o: ClassOffers, _money, w) => {
      const t = asTranslator(w);
      if (o.classes.every((c) => c.products.length === 0)) return w('cli:out.offers.noLines', { scheme: schemeWord(o.scheme, w, o.naming) });
      return o.classes
        .map((c) =>
          [
            w('cli:out.offers.classHeading', { cls: classWord(o, o.scheme, c.classKey, w), customers: w('offering:classTop.customers', { count: c.customers }) }),
            ...c.products.map((p) => `  ${product(p)}: ${reasonText(t, p.reason, w.language, 'class')}`),
          ].join('\n'),
        )
        .join('\n');
    },
  },
  {
    words: ['offers'],
    flags: { customer: { type: 'string' }, scheme: { type: 'string' }, limit: { type: 'string' } },
    run: async (v, call) => ({
      ...(await call('offers:customer', { customerId: requireFlag(v, 'customer'), scheme: optionalString(v, 'scheme'), limit: optionalInt(v, 'limit') })),
      ...(await spellingsFor(v, call)),
      naming: await schemeNamingFor(v, call),
    }),
    json: withoutNaming,
    human: (o: CustomerOffers, _money, w) => {
      const t = asTranslator(w);
      const peers = o.classKey === null ? w('offering:peers.noClass') : peersBasis(o, w);
      return [
        w('cli:out.offers.heading', { title: w('offering:usual.title') }),
        ...(o.usuallyBuys.length === 0 ? [`  ${w('offering:usual.empty')}`] : []),
        ...o.usuallyBuys.map((p) => `  ${product(p)}: ${usualReason(p.reason, w)}, ${minorToDecimal(p.amountBaseMinor, o.baseCurrency)} ${o.baseCurrency}`),
        `${w('offering:peers.title')} · ${peers}`,
        ...(o.classKey !== null && o.alsoBuy.length === 0 ? [`  ${w('offering:peers.empty')}`] : []),
        ...o.alsoBuy.map((p) => `  ${product(p)}: ${reasonText(t, p.reason, w.language)}`),
      ].join('\n');
    },
  },
];
