import { isStorableMinor, minorToDecimal } from '../domain/money';
import { lineAmountMinor } from '../domain/order-lines';
import { isDollarCurrency, parseCurrency, type CurrencyDefaults } from './currency';
import { parseMoney, type AmountOptions, type ParsedMoney } from './parse-amount';
import { parseText } from './parse-contact';
import { parseIdentifier } from './parse-identifier';
import { parseOrderNumber } from './parse-order-number';
import { yesNoParser, type YesNoWords } from './parse-yes-no';
import { parseDate, type DateOptions } from './parse-date';
import { fail, ok, type ValueResult } from './result';
import type { RowCursor } from './row-cursor';
import { customerKey, joinedText, parseRate, type CustomerKey, type RowContext } from './row-records';
import type { Cell } from './table';

/** One line item as read from a row of an order-lines file; signed like its order (negative on a return). */
export interface OrderLineRecord {
  sku: string | null;
  name: string;
  quantity: number;
  /** Price of one unit, minor units of the row's currency; never negative (the quantity carries the sign). */
  unitPriceMinor: number;
  /** What the line adds to its order: the amount column when given, else lineAmountMinor(quantity, unit price), as in the app. */
  amountMinor: number;
  costMinor: number | null;
}

export interface OrderRecord {
  customer: CustomerKey;
  orderDate: string;
  /** The row's amount: the whole order's, or (in a file of lines) this line's. Negative on a return. */
  amountMinor: number;
  /** Plain decimal ("1234.50"), the form orders:create takes. */
  amount: string;
  currency: string;
  currencyFrom: 'cell' | 'column' | 'default';
  fxRate: number | null;
  note: string | null;
  /** The business's own order or invoice number; the rows of a lines file sharing one make one order. */
  orderNumber: string | null;
  /**
   * The order's record ID (订单系统ID, in the orders and order-lines exports). A live order of this workspace with that
   * id is the row's order, already recorded; otherwise, in a lines file, rows without a number sharing one make one
   * order (a file of whole orders has one row per order anyway). Null when the file has no such column.
   */
  orderRecordId: string | null;
  /** A return: stated by the return column, or read from a negative quantity. */
  isReturn: boolean;
  /** Set when the file is a file of order lines. */
  line: OrderLineRecord | null;
  /** Cost of goods, signed like the amount; null when the file gives none. */
  costMinor: number | null;
  /** What the customer has paid so far (≥ 0); null when the file says nothing (paid in full). */
  paidMinor: number | null;
  dueDate: string | null;
}

/** What reading a row's cells takes from the file's context: made once per context, not for each of its rows. */
interface Reading {
  currencyDefaults: CurrencyDefaults;
  date: DateOptions;
  dueDate: DateOptions;
  /** Currency cells read so far: a file names the same few currencies on every row. */
  currencies: Map<string, ValueResult<string>>;
}

const readings = new WeakMap<RowContext, Reading>();
/** Distinct currency cells kept; a hostile file of random ones empties the memory rather than growing it. */
const CURRENCIES_KEPT = 1000;

function readingOf(ctx: RowContext): Reading {
  let reading = readings.get(ctx);
  if (!reading) {
    reading = {
      currencyDefaults: { yen: ctx.defaultCurrency === 'JPY' ? 'JPY' : 'CNY', dollar: isDollarCurrency(ctx.defaultCurrency) ? ctx.defaultCurrency : 'USD' },
      date: { order: ctx.dateOrder.date, date1904: ctx.date1904 },
      dueDate: { order: ctx.dateOrder.dueDate, date1904: ctx.date1904 },
      currencies: new Map(),
    };
    readings.set(ctx, reading);
  }
  return reading;
}

/** A currency column's cell as its ISO code. */
function currencyOfCell(cell: Cell, reading: Reading): ValueResult<string> {
  const text = String(cell);
  let code = reading.currencies.get(text);
  if (code === undefined) {
    const known = parseCurrency(text, reading.currencyDefaults);
    code = known ? ok(known) : fail('unknown_currency');
    if (reading.currencies.size >= CURRENCIES_KEPT) reading.currencies.clear();
    reading.currencies.set(text, code);
  }
  return code;
}

/** A row's money cells so far: `options.statedCurrency` is the row's currency once one is known. */
interface RowMoney {
  /** The currency column's cell was refused: no amount of the row can be read in a known currency. */
  failed: boolean;
  options: AmountOptions & { statedCurrency: string | null };
}

/** One money field of the row; the first currency a cell names becomes the row's, which later cells must agree with. */
function readMoney(cursor: RowCursor, field: string, required: boolean, money: RowMoney): ParsedMoney | null {
  if (money.failed) return null;
  const parsed = required ? cursor.require(field, parseMoney, money.options) : cursor.take(field, parseMoney, money.options);
  if (parsed && money.options.statedCurrency === null && parsed.currencyFrom === 'cell') money.options.statedCurrency = parsed.currency;
  return parsed;
}

/** What a return column adds to yes and no: the words that say return or sale. */
export const RETURN_WORDS: YesNoWords = { yes: ['退', '退货', '退款', 'return', 'returned', 'refund', 'refunded'], no: ['正常', '销售', 'sale', 'sold'] };

/** A return column's cell. */
export const parseYesNo = yesNoParser(RETURN_WORDS);

/** A quantity as people write it ("12", "-3", "1,200", "2.5"): any number but 0, within ±10⁹. */
export function parseQuantity(cell: Cell): ValueResult<number> {
  const raw = typeof cell === 'number' ? cell : Number(cell.normalize('NFKC').trim().replace(/^[−–]/, '-').replace(/,(?=\d{3}(?:\D|$))/g, ''));
  if (!Number.isFinite(raw) || raw === 0 || Math.abs(raw) > 1e9) return fail('invalid_quantity');
  return ok(Math.round(raw * 1e6) / 1e6);
}

const sign = (negative: boolean, minor: number) => (negative ? -Math.abs(minor) : Math.abs(minor));

/**
 * An order row, or a line row when the file maps line fields. Returns are read three ways: a return
 * column saying yes, a negative quantity (as the public Online Retail data records cancellations), or a
 * negative amount on a row the return column marks. A negative amount on an unmarked whole-order row
 * stays an error: it is more often a typo than a refund.
 */
export function orderRecord(cursor: RowCursor, ctx: RowContext): OrderRecord | null {
  const read = readingOf(ctx);
  const customer = customerKey(cursor, ctx);
  const orderDate = cursor.require('date', parseDate, read.date);
  const stated = cursor.take('currency', currencyOfCell, read);
  // Every money cell of the row must be in one currency: the currency column's, else the first one read.
  const money: RowMoney = {
    failed: cursor.has('currency') && stated === null,
    options: { ...read.currencyDefaults, defaultCurrency: ctx.defaultCurrency, statedCurrency: stated, decimal: ctx.decimal },
  };
  const orderNumber = cursor.take('orderNumber', parseOrderNumber);
  const orderRecordId = cursor.columnOf('orderRecordId') !== null ? cursor.take('orderRecordId', parseText, 64) : null;
  const returnStated = cursor.take('isReturn', parseYesNo) ?? false;

  let line: OrderLineRecord | null = null;
  let total: ParsedMoney | null = null;
  let amountMinor = 0;
  if (ctx.lines) {
    const quantity = cursor.take('quantity', parseQuantity);
    const quantityFailed = cursor.has('quantity') && quantity === null;
    const unit = readMoney(cursor, 'unitPrice', false, money);
    total = readMoney(cursor, 'amount', false, money);
    if (!unit && !total && !cursor.has('unitPrice') && !cursor.has('amount')) cursor.fail(cursor.columnOf('unitPrice') !== null ? 'unitPrice' : 'amount', 'required', cursor.columnOf('unitPrice') ?? cursor.columnOf('amount'), '');
    if (unit && unit.minor < 0) cursor.fail('unitPrice', 'negative_amount', cursor.columnOf('unitPrice'), cursor.cells('unitPrice')[0]?.cell ?? '');
    const name = cursor.take('product', parseText, 200);
    const sku = cursor.take('sku', parseIdentifier, 64);
    if (name === null && sku === null && !cursor.has('product') && !cursor.has('sku')) cursor.fail('product', 'required', cursor.columnOf('product') ?? cursor.columnOf('sku'), '');
    let qty = quantity ?? 1;
    if (returnStated && qty > 0) qty = -qty;
    const money0 = unit ?? total;
    if (!quantityFailed && money0 && cursor.errors.length === 0) {
      const unitMinor = unit ? unit.minor : Math.round(Math.abs(total!.minor / qty));
      // The app's rounding (half away from zero): Math.round takes −499.5 to −499, so a return of a sale's
      // quantity would take a cent less off than the sale added.
      let lineMinor = total ? total.minor : lineAmountMinor(qty, unitMinor);
      // A positive amount beside a returned quantity is the same return written without its minus sign.
      if (qty < 0) lineMinor = sign(true, lineMinor);
      else if (lineMinor < 0) cursor.fail('amount', 'negative_amount', cursor.columnOf('amount'), cursor.cells('amount')[0]?.cell ?? '');
      if (!isStorableMinor(lineMinor) || !isStorableMinor(unitMinor)) cursor.fail(unit ? 'unitPrice' : 'amount', 'amount_too_large', cursor.columnOf(unit ? 'unitPrice' : 'amount'), '');
      const cost = readMoney(cursor, 'cost', false, money);
      line = { sku, name: name ?? sku ?? '', quantity: qty, unitPriceMinor: unitMinor, amountMinor: lineMinor, costMinor: cost ? sign(qty < 0, cost.minor) : null };
      amountMinor = lineMinor;
    }
  } else {
    total = readMoney(cursor, 'amount', true, money);
    if (total && total.minor < 0 && !returnStated) cursor.fail('amount', 'negative_amount', cursor.columnOf('amount'), cursor.cells('amount')[0]?.cell ?? '');
    if (total) amountMinor = sign(returnStated, total.minor);
  }
  const isReturn = returnStated || (line !== null && line.quantity < 0);
  const cost = ctx.lines ? null : readMoney(cursor, 'cost', false, money);
  const paid = readMoney(cursor, 'paid', false, money);
  if (paid && (paid.minor < 0 || (!ctx.lines && !isReturn && paid.minor > amountMinor))) cursor.fail('paid', 'paid_out_of_range', cursor.columnOf('paid'), cursor.cells('paid')[0]?.cell ?? '');
  const dueDate = cursor.take('dueDate', parseDate, read.dueDate);
  // A due date before the order's own date is a slip (11-01 for 11-10): the sale would be overdue as it is saved.
  if (dueDate !== null && orderDate && dueDate < orderDate) cursor.fail('dueDate', 'due_before_order', cursor.columnOf('dueDate'), cursor.cells('dueDate')[0]?.cell ?? '');
  const fxRate = cursor.take('fxRate', parseRate);
  // A whole-order file's product column describes the order: it joins the note rather than being lost.
  const described = ctx.lines ? null : cursor.take('product', parseText, 200);
  const written = joinedText(cursor, 'note', 1000);
  const note = described === null ? written : written === null ? described : `${described}\n${written}`.slice(0, 1000);
  const parsed = ctx.lines ? line : total;
  if (cursor.errors.length > 0 || !orderDate || !parsed) return null;
  const rowCurrency = money.options.statedCurrency;
  const currency = rowCurrency ?? ctx.defaultCurrency;
  return {
    customer,
    orderDate,
    amountMinor,
    amount: minorToDecimal(amountMinor, currency),
    currency,
    currencyFrom: stated ? 'column' : rowCurrency ? 'cell' : 'default',
    fxRate,
    note,
    orderNumber,
    orderRecordId,
    isReturn,
    line,
    costMinor: line ? line.costMinor : cost ? sign(isReturn, cost.minor) : null,
    paidMinor: paid ? paid.minor : null,
    dueDate,
  };
}
