import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { cleanText } from './clean-text';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' } | { ok: false; reason: 'extension'; extension: string };

/**
 * A valid number followed by an extension, as people write one: "ext. 1234", "extension 1234", "x1234", "#1234",
 * "转 1234", "分机 1234" (and the Traditional 轉, 分機, 內線).
 */
const EXTENSION = /(?:ext(?:ension)?\.?|extn\.?|x|#|转|轉|分机|分機|内线|內線)[\s.:-]*(\d{1,8})$/i;
/** Longer than any number with an extension: such text is not looked at for one. */
const MAX_EXTENDED_LENGTH = 64;

/** The extension of a valid number written with one, else null. */
function extensionOf(text: string, homeCountry: string): string | null {
  if (text.length > MAX_EXTENDED_LENGTH) return null;
  const match = EXTENSION.exec(text);
  if (!match) return null;
  const number = text.slice(0, match.index).replace(/[\s,;]+$/, '');
  return /\d$|\)$/.test(number) && normalizePhone(number, homeCountry).ok ? match[1]! : null;
}

/**
 * Normalises a phone number as people type it at a stall or paste it from a card:
 * "+86 138 0013 8000", "0086-138…", "138 0013 8000" (home country assumed), "(212) 555-0100", also in full-width forms.
 * "00" is the international prefix almost everywhere our users live, so it is read as "+".
 */
export function normalizePhone(raw: string, homeCountry: string): PhoneResult {
  // NFKC: what a Chinese input method types in full-width mode ("１３８ ００１３ ８０００", "＋８６", "（０２０）",
  // the ideographic space) becomes the ASCII digits and separators below.
  // cleanText: a number copied from WhatsApp comes wrapped in invisible direction controls ("\u202A+971 50 123 4567\u202C").
  const trimmed = cleanText(raw.normalize('NFKC'));
  if (trimmed === '') return { ok: false, reason: 'empty' };
  // A number with an extension cannot be stored as E.164, which numbers are matched and searched by: it is refused, but
  // as having an extension, so the user can keep the number and put the extension elsewhere.
  const extension = extensionOf(trimmed, homeCountry);
  if (extension !== null) return { ok: false, reason: 'extension', extension };
  // Only digits and the separators people type; letters (even "ext") mean it is not a number we can dial.
  if (!/^\+?[\d\s\-().]+$/.test(trimmed)) return { ok: false, reason: 'invalid' };
  const compact = trimmed.replace(/[\s\-().]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const parsed = parsePhoneNumberFromString(international, homeCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: parsed.number };
}

/** E.164 to a readable international form for display ("+86 138 0013 8000"). */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
