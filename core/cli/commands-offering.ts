import type { OutputOf } from '../../shared/contract';
import { minorToDecimal } from '../../shared/domain/money';
import { optionalInt, optionalString, requireFlag } from './args';
import type { Command } from './commands';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** What to offer, for scripts: the same reasons the customer file and the tier screen put into words. */
export const OFFERING_COMMANDS: Command[] = [
  {
    words: ['offers', 'classes'],
    flags: { scheme: { type: 'string' }, limit: { type: 'string' } },
    run: (v, call) => call('offers:classes', { scheme: requireFlag(v, 'scheme'), limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'offers:classes'>) =>
      o.classes.every((c) => c.products.length === 0)
        ? `No customer in the ${o.scheme} classes has orders with line items yet.`
        : o.classes
            .map((c) => [`${c.classKey} (${c.customers} customers)`, ...c.products.map((p) => `  ${p.name}${p.sku ? ` [${p.sku}]` : ''}: ${p.reason.buyers} of ${p.reason.peers} buy it (${percent(p.reason.share)})`)].join('\n'))
            .join('\n'),
  },
  {
    words: ['offers'],
    flags: { customer: { type: 'string' }, scheme: { type: 'string' }, limit: { type: 'string' } },
    run: (v, call) => call('offers:customer', { customerId: requireFlag(v, 'customer'), scheme: optionalString(v, 'scheme'), limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'offers:customer'>) =>
      [
        'Usually buys:',
        ...(o.usuallyBuys.length === 0 ? ['  (no orders with line items)'] : []),
        ...o.usuallyBuys.map(
          (p) => `  ${p.name}${p.sku ? ` [${p.sku}]` : ''}: ${p.reason.orders} order${p.reason.orders === 1 ? '' : 's'}, ${p.quantity} bought, ${minorToDecimal(p.amountBaseMinor, o.baseCurrency)} ${o.baseCurrency}${p.reason.lastBought ? `, last ${p.reason.lastBought}` : ''}`,
        ),
        o.classKey === null ? `Customers like them: not classified in ${o.scheme}.` : `Customers like them also buy (${o.peers} others in ${o.scheme} ${o.classKey}${o.group ? `, group ${o.group}` : ''}):`,
        ...o.alsoBuy.map((p) => `  ${p.name}${p.sku ? ` [${p.sku}]` : ''}: ${p.reason.buyers} of ${p.reason.peers} buy it (${percent(p.reason.share)})`),
      ].join('\n'),
  },
];
