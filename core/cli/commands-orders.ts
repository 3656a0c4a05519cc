import type { OutputOf } from '../../shared/contract';
import type { Order, OrderLineInput } from '../../shared/contract/orders';
import { formatRate, minorToDecimal } from '../../shared/domain/money';
import { asciiNumberText, decimalNumber, typedAmount } from '../../shared/domain/typed-number';
import { optionalInt, optionalString, requireFlag, UsageError } from './args';
import { pad, width, type Command } from './commands';
import { inWords, nthFlag, type FieldFlags, type IssueClauses } from './flag-errors';
import { localMinute } from './local-instant';
import type { Label } from './refusal-text';
import { say, type Words } from './words';

/**
 * An amount flag as the order form takes a typed amount (shared/domain/typed-number.ts): full-width digits and
 * grouping commas ("1,234.50") read as the screens read them; a decimal comma ("12,50") is left for the contract to
 * refuse, never turned into 1250.
 */
const amountFlag = (v: Record<string, unknown>, name: string): string | undefined => {
  const text = optionalString(v, name);
  return text === undefined ? undefined : typedAmount(text);
};

type Flags = Record<string, string | boolean | string[] | undefined>;

const many = (v: Flags, name: string): string[] => {
  const value = v[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
};

/** `--line "SKU|name|qty|unit price"` (SKU may be empty: "|Green tea|2|12.50"). */
export function parseLineFlag(text: string): OrderLineInput {
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length !== 4) throw new UsageError(say('cli:orders.lineForm', { text }));
  const [sku, name, typedQty, unitPrice] = parts as [string, string, string, string];
  if (name === '') throw new UsageError(say('cli:orders.lineName', { text }));
  // Read as the unit price beside it is: a full-width "１２" from a Chinese input method is 12.
  const qty = asciiNumberText(typedQty);
  if (!/^-?\d+(\.\d+)?$/.test(qty) || Number(qty) === 0) throw new UsageError(say('cli:orders.lineQuantity', { value: typedQty, rule: say('errors:issue.quantity_out_of_range') }));
  return { sku: sku === '' ? null : sku, name, quantity: Number(qty), unitPrice: typedAmount(unitPrice) };
}

function rate(v: Flags): number | undefined {
  const text = optionalString(v, 'fx-rate');
  return text === undefined ? undefined : parseRateFlag(text);
}

/** `--fx-rate` as a decimal ("7.1234", ".5", "1e-7"), also as a Chinese input method types it ("７．１"); never "0x10". */
export function parseRateFlag(text: string): number {
  const rate = decimalNumber(text);
  if (!(rate > 0)) throw new UsageError(say('cli:orders.fxRate', { value: text, rule: say('errors:issue.invalid_rate') }));
  return rate;
}

/** The parts of `--line "SKU|name|qty|unit price"`, as a refusal names them (cli:label.linePart). */
const LINE_PARTS = ['sku', 'name', 'quantity', 'unitPrice'];

/** lines.N.unitPrice is the unit price of the N+1th --line. */
function lineFlag(path: readonly (string | number)[], v: Flags): Label {
  const at = path[1];
  if (typeof at !== 'number') return '--line';
  const line = many(v, 'line').length === 1 ? '--line' : nthFlag(at + 1, '--line');
  const part = path[2];
  if (part === undefined) return line;
  return say('cli:label.partOf', { part: LINE_PARTS.includes(String(part)) ? say(`cli:label.linePart.${part}`) : String(part), line });
}

/** The contract's order fields that flags of other names fill (orders add and orders return share them). */
const ORDER_FIELDS: FieldFlags = {
  orderDate: '--date',
  orderNumber: '--number',
  lines: lineFlag,
  payment: inWords(say('cli:label.paidOrDue')),
  'payment.paid': '--paid',
  'payment.dueDate': '--due',
};

/**
 * A missing rate is refused on the rate field, which would read "--fx-rate has no exchange rate…" as if the flag had
 * been given; it never was (a typed rate is used as it is). Said as what is missing and the ways to give it, which
 * reads right either way.
 */
const ORDER_CLAUSES: IssueClauses = {
  no_fx_rate: ({ currency, date }) => say('cli:orders.noFxRate', { currency: String(currency), date: String(date) }),
};

const money = (minor: number, currency: string) => `${minorToDecimal(minor, currency)} ${currency}`;

/** "order" or "return", as a sentence names the record. */
const kindWord = (o: Pick<Order, 'kind'>, w: Words) => w(o.kind === 'return' ? 'cli:out.orders.return' : 'cli:out.orders.order');

/** One order (or return) and its lines, as `orders list` and `orders deleted` show it. */
function describe(o: Order, w: Words): string {
  // The two kinds padded to one width, so the numbers after them line up.
  const kind = pad(w(o.kind === 'return' ? 'cli:out.orders.return' : 'cli:out.orders.sale'), Math.max(...['sale', 'return'].map((k) => width(w(`cli:out.orders.${k}`)))));
  const head = `${o.orderDate}  ${kind}  ${pad(o.orderNumber ?? '-', 12)} ${pad(money(o.amountMinor, o.currency), 16)}`;
  const profit = o.profitMinor === null ? '' : w('cli:out.orders.profit', { amount: money(o.profitMinor, o.currency) });
  const owes = o.balanceMinor > 0 ? w('cli:out.orders.lineOwes', { amount: money(o.balanceMinor, o.currency) }) + (o.paymentDueDate ? w('cli:out.orders.lineDue', { date: o.paymentDueDate }) : '') + (o.overdue ? w('cli:out.orders.lineOverdue') : '') : '';
  const over = o.overpaidMinor > 0 ? w('cli:out.orders.lineOverpaid', { amount: money(o.overpaidMinor, o.currency) }) : '';
  const pay = o.kind === 'sale' ? `  ${o.paymentStatus ? w(`cli:out.orders.status.${o.paymentStatus}`) : ''}${owes}${over}` : '';
  const lines = o.lines.map((l) => `      ${l.sku ? `[${l.sku}] ` : ''}${l.name} × ${l.quantity} @ ${minorToDecimal(l.unitPriceMinor, o.currency)} = ${minorToDecimal(l.amountMinor, o.currency)}`);
  return [`${head}${profit}${pay}  ${o.id}`, ...lines].join('\n');
}

type OrderPayments = OutputOf<'order-payments:list'> & { orderId: string };

/**
 * An order's payments as the payment dialog lists them (PaymentsList), in its words: what was paid with the order
 * itself, then for each payment the day paid, the amount, who recorded it and whether an edit of the order took it
 * into its terms; then how many and their sum, and what they pass the owed amount by when payments on two laptops
 * both took the balance.
 */
function paymentLines(o: OrderPayments, w: Words): string {
  // What the order's own payment said was paid comes first: it is no payment row, yet it is money received.
  const heading = [
    w('cli:out.orders.payments.heading', { id: o.orderId }),
    ...(o.paidWithOrderMinor > 0 ? [w('cli:out.orders.payments.paidWithOrder', { amount: money(o.paidWithOrderMinor, o.currency) })] : []),
  ].join('\n');
  if (o.payments.length === 0) return [heading, w('cli:out.orders.payments.none')].join('\n');
  const columns = { paidOn: w('cli:out.orders.payments.paidOn'), amount: w('cli:out.orders.payments.amount'), recordedBy: w('cli:out.orders.payments.recordedBy') };
  const amounts = o.payments.map((p) => money(p.amountMinor, o.currency));
  const dayWidth = Math.max(width(columns.paidOn), ...o.payments.map((p) => width(p.paidOn)));
  const amountWidth = Math.max(width(columns.amount), ...amounts.map(width));
  // Amounts right-aligned, so their decimal points line up.
  const right = (text: string) => ' '.repeat(amountWidth - width(text)) + text;
  const rows = o.payments.map(
    (p, i) =>
      `  ${pad(p.paidOn, dayWidth)}  ${right(amounts[i]!)}  ${p.recordedBy ?? w('cli:out.orders.payments.nobody')}` + (p.closedAt !== null ? w('cli:out.orders.payments.closed') : ''),
  );
  const total = o.payments.reduce((sum, p) => sum + p.amountMinor, 0);
  return [
    heading,
    `  ${pad(columns.paidOn, dayWidth)}  ${right(columns.amount)}  ${columns.recordedBy}`,
    ...rows,
    w('cli:out.orders.payments.count', { count: o.payments.length, amount: money(total, o.currency) }),
    ...(o.overpaidMinor > 0 ? [w('cli:out.orders.payments.overpaid', { amount: money(o.overpaidMinor, o.currency) })] : []),
  ].join('\n');
}

/** Orders as trade records: add (with lines, cost, payment), return, payments, the list, products. */
export const ORDER_COMMANDS: Command[] = [
  {
    words: ['orders', 'add'],
    flags: {
      customer: { type: 'string' }, date: { type: 'string' }, amount: { type: 'string' }, currency: { type: 'string' }, 'fx-rate': { type: 'string' }, note: { type: 'string' },
      number: { type: 'string' }, cost: { type: 'string' }, paid: { type: 'string' }, due: { type: 'string' }, line: { type: 'string', multiple: true },
    },
    fields: ORDER_FIELDS,
    clauses: ORDER_CLAUSES,
    run: (v, call) => {
      const customerId = requireFlag(v, 'customer');
      const orderDate = requireFlag(v, 'date');
      const currency = requireFlag(v, 'currency');
      const lines = many(v, 'line').map(parseLineFlag);
      const paid = amountFlag(v, 'paid');
      const due = optionalString(v, 'due');
      if (lines.length === 0 && optionalString(v, 'amount') === undefined) throw new UsageError(say('cli:orders.amountOrLine'));
      return call('orders:create', {
        customerId,
        orderDate,
        amount: amountFlag(v, 'amount'),
        currency,
        fxRate: rate(v),
        note: optionalString(v, 'note'),
        orderNumber: optionalString(v, 'number'),
        cost: amountFlag(v, 'cost'),
        lines: lines.length > 0 ? lines : undefined,
        // --paid alone: what was paid (the rest is owed); --due alone: nothing paid yet.
        payment: paid !== undefined ? { status: 'part', paid, dueDate: due } : due !== undefined ? { status: 'unpaid', dueDate: due } : undefined,
      });
    },
    human: (o: OutputOf<'orders:create'>, _money, w) =>
      w('cli:out.orders.added', { id: o.id, number: o.orderNumber ? w('cli:out.orders.number', { number: o.orderNumber }) : '', amount: money(o.amountMinor, o.currency), date: o.orderDate }) +
      (o.currency === o.baseCurrency ? '' : w('cli:out.orders.converted', { base: money(o.baseAmountMinor, o.baseCurrency), rate: formatRate(o.fxRate, w.language) })) +
      (o.balanceMinor > 0 ? w(o.paymentDueDate ? 'cli:out.orders.owesBy' : 'cli:out.orders.owes', { amount: money(o.balanceMinor, o.currency), date: o.paymentDueDate ?? '' }) : ''),
  },
  {
    words: ['orders', 'return'],
    flags: {
      order: { type: 'string' }, customer: { type: 'string' }, currency: { type: 'string' }, amount: { type: 'string' }, date: { type: 'string' }, cost: { type: 'string' },
      'fx-rate': { type: 'string' }, line: { type: 'string', multiple: true }, number: { type: 'string' }, note: { type: 'string' },
    },
    fields: ORDER_FIELDS,
    clauses: ORDER_CLAUSES,
    run: (v, call) => {
      const orderId = optionalString(v, 'order');
      if (orderId === undefined && optionalString(v, 'customer') === undefined) throw new UsageError(say('cli:orders.orderOrCustomer'));
      const lines = many(v, 'line').map(parseLineFlag);
      return call('orders:return', {
        orderId,
        customerId: optionalString(v, 'customer'),
        currency: optionalString(v, 'currency'),
        fxRate: rate(v),
        amount: amountFlag(v, 'amount'),
        orderDate: optionalString(v, 'date'),
        cost: amountFlag(v, 'cost'),
        lines: lines.length > 0 ? lines : undefined,
        orderNumber: optionalString(v, 'number'),
        note: optionalString(v, 'note'),
      });
    },
    human: (o: OutputOf<'orders:return'>, _money, w) =>
      w('cli:out.orders.returned', { id: o.id, amount: money(o.amountMinor, o.currency), date: o.orderDate }) + (o.returnOfOrderId ? w('cli:out.orders.returnOf', { order: o.returnOfOrderId }) : ''),
  },
  {
    words: ['orders', 'pay'],
    flags: { order: { type: 'string' }, amount: { type: 'string' } },
    fields: { id: '--order' },
    run: (v, call) => call('orders:record-payment', { id: requireFlag(v, 'order'), amount: amountFlag(v, 'amount') }),
    human: (o: OutputOf<'orders:record-payment'>, _money, w) => (o.balanceMinor > 0 ? w('cli:out.orders.paidSome', { id: o.id, amount: money(o.balanceMinor, o.currency) }) : w('cli:out.orders.paidAll', { id: o.id })),
  },
  {
    words: ['orders', 'payments'],
    flags: { order: { type: 'string' } },
    fields: { orderId: '--order' },
    // The order's id goes with the list for the heading; --json prints the channel's answer as it is.
    run: async (v, call): Promise<OrderPayments> => {
      const orderId = requireFlag(v, 'order');
      return { orderId, ...(await call('order-payments:list', { orderId })) };
    },
    json: ({ orderId: _orderId, ...listed }: OrderPayments) => listed,
    human: (o: OrderPayments, _money, w) => paymentLines(o, w),
  },
  {
    words: ['orders', 'list'],
    flags: { customer: { type: 'string' } },
    run: (v, call) => call('orders:list', { customerId: requireFlag(v, 'customer') }),
    human: (o: OutputOf<'orders:list'>, _money, w) =>
      [
        ...o.orders.map((order) => describe(order, w)),
        w('cli:out.orders.listed', { count: o.orders.length, amount: money(o.balanceBaseMinor, o.baseCurrency) }) +
          (o.overdueBaseMinor > 0 ? w('cli:out.orders.listedOverdue', { amount: money(o.overdueBaseMinor, o.baseCurrency) }) : ''),
      ].join('\n'),
  },
  {
    words: ['orders', 'delete'],
    flags: { order: { type: 'string' } },
    fields: { id: '--order' },
    run: (v, call) => call('orders:delete', { id: requireFlag(v, 'order') }),
    human: (o: OutputOf<'orders:delete'>, _money, w) => w('cli:out.orders.deleted', { kind: kindWord(o, w), id: o.id, amount: money(o.amountMinor, o.currency), date: o.orderDate }),
  },
  {
    words: ['orders', 'deleted'],
    flags: { customer: { type: 'string' }, limit: { type: 'string' } },
    run: (v, call) => call('orders:deleted', { customerId: requireFlag(v, 'customer'), limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'orders:deleted'>, _money, w) =>
      [
        ...o.orders.map((order) => `${describe(order, w)}\n${w('cli:out.orders.deletedAt', { at: localMinute(order.deletedAt) })}`),
        o.total === 0
          ? w('cli:out.orders.noneDeleted')
          : w('cli:out.orders.deletedCount', { total: o.total }) + (o.total > o.orders.length ? w('cli:out.orders.latestShown', { shown: o.orders.length }) : '') + w('cli:out.orders.bringBack'),
      ].join('\n'),
  },
  {
    words: ['orders', 'restore'],
    flags: { order: { type: 'string' } },
    fields: { id: '--order' },
    run: (v, call) => call('orders:restore', { id: requireFlag(v, 'order') }),
    human: (o: OutputOf<'orders:restore'>, _money, w) => w('cli:out.orders.restored', { kind: kindWord(o, w), id: o.id, amount: money(o.amountMinor, o.currency), date: o.orderDate }),
  },
  {
    words: ['products', 'search'],
    flags: { query: { type: 'string' }, limit: { type: 'string' } },
    run: (v, call) => call('products:search', { query: optionalString(v, 'query') ?? '', limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'products:search'>, _money, w) =>
      o.products
        .map((p) =>
          `${pad(p.sku ?? '-', 12)} ${pad(p.name, 30)} ${p.lastUnitPriceMinor !== null && p.lastCurrency ? w('cli:out.orders.lastSold', { price: money(p.lastUnitPriceMinor, p.lastCurrency), date: p.lastSoldOn ?? '' }) : ''}`.trimEnd(),
        )
        .join('\n') || w('cli:out.orders.noProducts'),
  },
];
