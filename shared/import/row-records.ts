import type { ContactKind, CustomerType, FollowUpChannel, Intent, Locality } from '../contract/enums';
import { isDollarCurrency, parseCurrency } from './currency';
import { parseMoney, type DecimalSeparator } from './parse-amount';
import { CHANNEL_WORDS, CUSTOMER_TYPE_WORDS, INTENT_WORDS, LOCALITY_WORDS, MANUAL_LEVEL_WORDS, NEEDS_WORDS, parseChoice, parseSatisfaction, SOURCE_WORDS } from './parse-choice';
import { parseEmails, parsePhone, parsePhones, parseText, splitList } from './parse-contact';
import { parseCountry } from './parse-country';
import { parseIdentifier } from './parse-identifier';
import { parseDate, parseDateTime, parseTimeOfDay, type DateOrder, type ParsedDateTime } from './parse-date';
import { localDateOf } from '../domain/dates';
import { skippedLocalTime } from '../domain/skipped-time';
import { isFxRateInRange } from '../domain/money';
import { decimalNumber } from '../domain/typed-number';
import { fail, ok, type ValueResult } from './result';
import { yesNoParser, type YesNoWords } from './parse-yes-no';
import type { RowCursor } from './row-cursor';
import type { Cell } from './table';

/** Everything a row needs beyond its cells: the business's settings and what was learned from the columns. */
export interface RowContext {
  homeCountry: string;
  /** Currency for amounts that name none: the amount header's currency, else the business's base. */
  defaultCurrency: string;
  date1904: boolean;
  /** Day/month order per date field, from the caller or inferred from the column. */
  dateOrder: Record<string, DateOrder | undefined>;
  decimal: DecimalSeparator | undefined;
  /** The mapping has line fields (product, SKU, quantity, unit price): each row is one line of an order. */
  lines: boolean;
  /** The business's local date; null: no date is too late. */
  today: string | null;
}

export interface CustomerRecord {
  name: string;
  company: string | null;
  type: CustomerType | null;
  industry: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  sizeBand: string | null;
  incomeBand: string | null;
  needs: 'product' | 'service' | 'solution' | null;
  tags: string[];
  owner: string | null;
  source: string | null;
  manualLevel: 'A' | 'B' | 'C' | null;
  notes: string | null;
  code: string | null;
  contacts: Array<{ kind: ContactKind; value: string }>;
  /**
   * A locality set by hand (the export's locality beside its "set by hand" column saying yes); null: derived from
   * country and region as usual — also when the file has only the locality, which the exporting workspace derived.
   */
  locality: Locality | null;
  /** What the "set by hand" column says: true with `locality`; false: derived (an update clears a hand-set one); null: nothing. */
  localityManual: boolean | null;
  /** What an archived column says; null when the file says nothing (a new customer is then active, an update keeps the state). */
  archived: boolean | null;
  /** The export's record ID: rows with different ones are different customers (docs/import.md); null when the file has none. */
  recordId: string | null;
}

/** How an order or follow-up row names its customer; the importer looks the customer up by these. */
export interface CustomerKey {
  code: string | null;
  name: string | null;
  /** E.164. */
  phone: string | null;
  company: string | null;
  /** The customer's record ID (an export's 客户系统ID): the customer itself, looked for first (docs/import.md). */
  recordId: string | null;
}

export type { OrderLineRecord, OrderRecord } from './order-record';

export interface FollowUpRecord {
  customer: CustomerKey;
  /** ISO instant. A date without a time is taken as local noon (see toInstant). */
  occurredAt: string;
  /** The local calendar day of occurredAt (not the date written in the file, when it states an offset). */
  occurredDate: string;
  channel: FollowUpChannel | null;
  content: string;
  outcome: string | null;
  intent: Intent | null;
  satisfaction: number | null;
  nextContactDate: string | null;
  /** 'HH:MM': the reminder is timed (a notification at that minute); null: for the whole day. Never without the date. */
  nextContactTime: string | null;
  /** Whether the reminder was closed, as the file says (an export's column); null: the file says nothing. */
  reminderClosed: boolean | null;
  /** The follow-ups export's record ID of this follow-up; null when the file has none. */
  recordId: string | null;
}

const text = (max: number) => (cell: Cell) => parseText(cell, max);
/** What a reminder column (the follow-ups export's 提醒已完成) adds to yes and no. */
export const REMINDER_CLOSED_WORDS: YesNoWords = { yes: ['已完成', '完成', '已关闭', '关闭', 'done', 'closed'], no: ['未完成', '未关闭', '待办', 'open', 'pending'] };
const parseReminderClosed = yesNoParser(REMINDER_CLOSED_WORDS);
/** What an archived column (the customers export's 已归档) adds to yes and no. */
export const ARCHIVED_WORDS: YesNoWords = { yes: ['已归档', '归档', 'archived'], no: ['未归档', '正常', '在用', 'active'] };
const parseArchived = yesNoParser(ARCHIVED_WORDS);
/** What a "locality set by hand" column adds to yes and no. */
export const LOCALITY_MANUAL_WORDS: YesNoWords = { yes: ['手动', '手设', 'manual', 'by hand'], no: ['自动', 'auto', 'derived'] };
const parseLocalityManual = yesNoParser(LOCALITY_MANUAL_WORDS);

/** Several columns of free text (two note columns) joined line by line. */
export function joinedText(cursor: RowCursor, field: string, max: number): string | null {
  const parts = cursor.takeAll(field, parseText, Number.MAX_SAFE_INTEGER).filter((t): t is string => t !== null);
  if (parts.length === 0) return null;
  const joined = parts.length === 1 ? parts[0]! : parts.join('\n');
  if (joined.length > max) {
    cursor.fail(field, 'too_long', cursor.cells(field)[0]?.column ?? null, joined);
    return null;
  }
  return joined;
}

export function customerRecord(cursor: RowCursor, ctx: RowContext): CustomerRecord | null {
  const company = cursor.take('company', text(200));
  // Many B2B lists have only a company; the contract needs a name, so the company stands in for it.
  let name: string | null = null;
  if (cursor.has('name')) name = cursor.take('name', text(120));
  else if (company !== null && company.length <= 120) name = company;
  else if (company !== null) cursor.fail('name', 'too_long', cursor.columnOf('company'), company);
  else if (!cursor.has('company')) cursor.fail('name', 'required', cursor.columnOf('name'), '');

  const contacts: CustomerRecord['contacts'] = [];
  const add = (kind: ContactKind, values: string[][]) => {
    for (const value of values.flat()) if (!contacts.some((c) => c.kind === kind && c.value === value)) contacts.push({ kind, value });
  };
  // A number without its country code is the customer's country's, when the row names one (as the form reads it).
  // Read here only for the phones: the country's own cell is taken (and any error on it reported) in its place below.
  const countryCell = cursor.cells('country')[0]?.cell;
  const rowCountry = countryCell === undefined || countryCell === null ? null : parseCountry(countryCell);
  const phoneCountry = rowCountry?.ok ? rowCountry.value : ctx.homeCountry;
  add('phone', cursor.takeAll('phone', (c) => parsePhones(c, phoneCountry)));
  add('whatsapp', cursor.takeAll('whatsapp', (c) => parsePhones(c, phoneCountry)));
  add('email', cursor.takeAll('email', parseEmails));
  add('wechat', cursor.takeAll('wechat', (c) => listOf(c, 120)));
  if (contacts.length > 20) cursor.fail('phone', 'too_long', null, '');

  const tags = [...new Set(cursor.takeAll('tags', (c) => listOf(c, 40)).flat())];
  if (tags.length > 50) cursor.fail('tags', 'too_long', cursor.cells('tags')[0]?.column ?? null, tags.join(','));

  const record: CustomerRecord = {
    name: name ?? '',
    company,
    type: cursor.take('type', (c) => parseChoice(c, CUSTOMER_TYPE_WORDS)),
    industry: cursor.take('industry', text(80)),
    country: cursor.take('country', parseCountry),
    region: cursor.take('region', text(80)),
    city: cursor.take('city', text(80)),
    sizeBand: cursor.take('sizeBand', text(40)),
    incomeBand: cursor.take('incomeBand', text(40)),
    needs: cursor.take('needs', (c) => parseChoice(c, NEEDS_WORDS)),
    tags,
    owner: cursor.take('owner', text(80)),
    // Known sources become their settings key ("转介绍" → referral); others are kept as typed.
    source: cursor.take('source', (c) => {
      const known = parseChoice(c, SOURCE_WORDS);
      return known.ok ? known : parseText(c, 60);
    }),
    manualLevel: cursor.take('manualLevel', (c) => parseChoice(c, MANUAL_LEVEL_WORDS)),
    notes: joinedText(cursor, 'notes', 4000),
    code: cursor.take('code', (c) => parseIdentifier(c, 64)),
    contacts,
    locality: null,
    localityManual: cursor.take('localityManual', parseLocalityManual),
    archived: cursor.take('archived', parseArchived),
    recordId: cursor.take('recordId', text(64)),
  };
  // The locality counts only where the file says it was set by hand: an export's other localities were derived from
  // the exporting workspace's home, and are derived here again from this one's.
  if (record.localityManual === true) {
    if (cursor.has('locality')) record.locality = cursor.take('locality', (c) => parseChoice(c, LOCALITY_WORDS));
    else cursor.fail('locality', 'required', cursor.columnOf('locality'), '');
  }
  return cursor.errors.length === 0 ? record : null;
}

function listOf(cell: Cell, max: number): ValueResult<string[]> {
  const items = splitList(cell);
  return items.some((i) => i.length > max) ? fail('too_long') : ok(items);
}

const MISSING_MARKERS = new Set(['NA', 'N/A', '#N/A', 'NULL']);

/** The fields an order or follow-up row can name its customer by (its record ID aside). */
const CUSTOMER_KEY_FIELDS = ['customerCode', 'customerName', 'customerPhone', 'customerCompany'] as const;

export function customerKey(cursor: RowCursor, ctx: RowContext): CustomerKey {
  // Parsers are passed with their argument rather than wrapped: a closure made per row is a cost a million rows feel.
  const key: CustomerKey = {
    code: cursor.take('customerCode', parseIdentifier, 64),
    name: cursor.take('customerName', parseText, 120),
    phone: cursor.take('customerPhone', parsePhone, ctx.homeCountry),
    company: cursor.take('customerCompany', parseText, 200),
    // Looked at only when mapped: a row of a million-row file pays one map lookup for a column it does not have.
    recordId: cursor.columnOf('customerRecordId') === null ? null : cursor.take('customerRecordId', parseText, 64),
  };
  // R and many exports write a missing value as "NA" (the Online Retail data's 135,080 lines without a customer).
  if (key.code !== null && MISSING_MARKERS.has(key.code.toUpperCase())) key.code = null;
  let anyGiven = false;
  for (const field of CUSTOMER_KEY_FIELDS) {
    if (!cursor.has(field)) continue;
    anyGiven = true;
    break;
  }
  if (!anyGiven || (cursor.errors.length === 0 && key.code === null && key.name === null && key.phone === null && key.company === null)) cursor.fail(null, 'missing_customer_key', null, '');
  return key;
}

export function parseRate(cell: Cell): ValueResult<number> {
  const raw = typeof cell === 'number' ? cell : decimalNumber(cell.normalize('NFKC').trim().replace(/^(\d+),(\d+)$/, '$1.$2'));
  return isFxRateInRange(raw) ? ok(raw) : fail('invalid_rate');
}

export function followUpRecord(cursor: RowCursor, ctx: RowContext): FollowUpRecord | null {
  const customer = customerKey(cursor, ctx);
  const when = cursor.require('occurredAt', (c) => parseDateTime(c, { order: ctx.dateOrder.occurredAt, date1904: ctx.date1904 }));
  const record = {
    channel: cursor.take('channel', (c) => parseChoice(c, CHANNEL_WORDS)),
    content: joinedText(cursor, 'content', 4000) ?? '',
    outcome: cursor.take('outcome', text(1000)),
    intent: cursor.take('intent', (c) => parseChoice(c, INTENT_WORDS)),
    satisfaction: cursor.take('satisfaction', parseSatisfaction),
    nextContactDate: cursor.take('nextContactDate', (c) => parseDate(c, { order: ctx.dateOrder.nextContactDate, date1904: ctx.date1904 })),
    nextContactTime: cursor.take('nextContactTime', parseTimeOfDay),
    reminderClosed: cursor.take('reminderClosed', parseReminderClosed),
    recordId: cursor.columnOf('followUpRecordId') !== null ? cursor.take('followUpRecordId', text(64)) : null,
  };
  // A local time the clocks skip (02:30 on a New York night in March) would be read an hour on without a word, as
  // the app refuses it when typed; a time with its offset names its instant and stands.
  const skipped = when && when.time !== null && when.offset === null ? skippedLocalTime(when.date, when.time) : null;
  if (skipped) failAtFirst(cursor, 'occurredAt', skipped.moved);
  const skippedReminder = record.nextContactDate !== null && record.nextContactTime !== null ? skippedLocalTime(record.nextContactDate, record.nextContactTime) : null;
  if (skippedReminder) failAtFirst(cursor, 'nextContactTime', skippedReminder.moved);
  // The contact's day on this machine's calendar, as Today and the app count it: a time with a stated offset
  // (2026-12-07T01:00+08:00) can fall on another day here than the date written in the file.
  const occurredAt = when ? toInstant(when) : null;
  const day = occurredAt === null ? null : localDateOf(new Date(occurredAt));
  // As in the app: a reminder set before the contact it follows would be overdue the moment it is saved.
  if (day !== null && record.nextContactDate !== null && record.nextContactDate < day) {
    const first = cursor.cells('nextContactDate')[0];
    cursor.fail('nextContactDate', 'next_contact_before_follow_up', first?.column ?? cursor.columnOf('nextContactDate'), first?.cell ?? '');
  }
  // A time is a minute of the next-contact day, as in the app: without the day it says nothing.
  if (record.nextContactTime !== null && record.nextContactDate === null && !cursor.has('nextContactDate')) {
    const first = cursor.cells('nextContactTime')[0];
    cursor.fail('nextContactTime', 'next_contact_time_without_date', first?.column ?? cursor.columnOf('nextContactTime'), first?.cell ?? '');
  }
  // A contact dated after today has not happened: a scheduled call from another tool's export, or a typo, that as
  // the last contact would keep the customer off Today until then. A planned contact is a next-contact date.
  if (day !== null && ctx.today !== null && day > ctx.today) {
    const first = cursor.cells('occurredAt')[0];
    cursor.fail('occurredAt', 'occurred_in_future', first?.column ?? cursor.columnOf('occurredAt'), first?.cell ?? '');
  }
  if (cursor.errors.length > 0 || occurredAt === null || day === null) return null;
  return { customer, occurredAt, occurredDate: day, ...record };
}

/** Refuses a field's first cell as a time the clocks skip, naming the time it would have become. */
function failAtFirst(cursor: RowCursor, field: string, moved: string): void {
  const first = cursor.cells(field)[0];
  cursor.fail(field, 'local_time_skipped', first?.column ?? cursor.columnOf(field), first?.cell ?? '', { moved });
}

/**
 * A file's local date and time as an instant. Without a stated offset the time is the machine's local
 * time (the business's calendar, as everywhere in TierBook); a date alone becomes local noon, which no
 * daylight-saving jump skips and which stays on the same calendar day in neighbouring time zones.
 */
export function toInstant(when: ParsedDateTime): string {
  const time = when.time ?? '12:00';
  if (when.offset) return new Date(`${when.date}T${time}${when.offset}`).toISOString();
  const [y, m, d] = when.date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number?];
  return new Date(y, m - 1, d, hh, mm, ss ?? 0).toISOString();
}
