import { cleanText } from '../domain/clean-text';
import { EMAIL_MAX_LENGTH } from '../domain/contact-limits';
import { normalizePhone } from '../domain/phone';
import { fail, ok, type ValueResult } from './result';
import type { Cell } from './table';

/** Separators people put between several values in one cell: "138…, 139…", "VIP；老客户", "a/b". */
const LIST_SEPARATORS = /[,，;；、|\n]+/;

export function splitList(cell: Cell): string[] {
  return String(cell)
    .split(LIST_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * One phone number to E.164 via the shared normalizer ("+86 138 0013 8000", "0086-138…", a bare
 * national number in the home country). Spreadsheets store long numbers as numbers; those are read
 * back as digits, but "1.38001E+10" has lost digits and is refused.
 */
export function parsePhone(cell: Cell, homeCountry: string): ValueResult<string> {
  if (typeof cell !== 'string') return parsePhoneOnce(cell, homeCountry);
  // A file names the same few thousand customers' numbers again and again; parsing one costs microseconds. Kept by
  // home country, then cell: a key joining the two was a new string to build and hash on every row of the file.
  let ofCountry = parsedPhones.get(homeCountry);
  let parsed = ofCountry?.get(cell);
  if (!parsed) {
    if (parsedPhonesCount >= PARSED_PHONES_KEPT) {
      parsedPhones.clear();
      parsedPhonesCount = 0;
      ofCountry = undefined;
    }
    if (!ofCountry) parsedPhones.set(homeCountry, (ofCountry = new Map()));
    parsed = parsePhoneOnce(cell, homeCountry);
    ofCountry.set(cell, parsed);
    parsedPhonesCount++;
  }
  return parsed;
}

/** Numbers already read, so memory stays bounded whatever the file's size. Results are never mutated. */
const PARSED_PHONES_KEPT = 50_000;
const parsedPhones = new Map<string, Map<string, ValueResult<string>>>();
let parsedPhonesCount = 0;

function parsePhoneOnce(cell: Cell, homeCountry: string): ValueResult<string> {
  const text = typeof cell === 'number' ? (Number.isSafeInteger(cell) ? String(cell) : '') : cell.normalize('NFKC');
  if (typeof cell === 'number' && text === '') return fail('invalid_phone');
  // "1.38001E+10": Excel wrote a number column in scientific notation, and the last digits are gone.
  if (/e\+?\d+$/i.test(text.trim())) return fail('phone_scientific');
  const result = normalizePhone(text, homeCountry);
  if (result.ok) return ok(result.e164);
  if (result.reason === 'extension') return fail('phone_extension', { extension: result.extension });
  return fail(result.reason === 'empty' ? 'required' : 'invalid_phone');
}

/** Several phone numbers in one cell ("138…/139…" is split too, since "/" never occurs inside a number). */
export function parsePhones(cell: Cell, homeCountry: string): ValueResult<string[]> {
  if (typeof cell === 'number') return mapOk(parsePhone(cell, homeCountry), (p) => [p]);
  const parts = cell.split(/[,，;；、|\n/]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return fail('required');
  const phones: string[] = [];
  for (const part of parts) {
    const phone = parsePhone(part, homeCountry);
    if (!phone.ok) return phone;
    if (!phones.includes(phone.value)) phones.push(phone.value);
  }
  return ok(phones);
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

export function parseEmails(cell: Cell): ValueResult<string[]> {
  const parts = splitList(String(cell).normalize('NFKC').replace(/^mailto:/i, ''));
  if (parts.length === 0) return fail('required');
  for (const part of parts) {
    if (!EMAIL_RE.test(part)) return fail('invalid_email');
    if (part.length > EMAIL_MAX_LENGTH) return fail('too_long');
  }
  return ok([...new Set(parts)]);
}

/** Free text with the contract's length limit; blank is null (optional fields) as the contract has it. */
export function parseText(cell: Cell, max: number): ValueResult<string | null> {
  const text = cleanText(String(cell));
  if (text === '') return ok(null);
  return text.length > max ? fail('too_long') : ok(text);
}

function mapOk<T, U>(result: ValueResult<T>, map: (value: T) => U): ValueResult<U> {
  return result.ok ? ok(map(result.value)) : result;
}
