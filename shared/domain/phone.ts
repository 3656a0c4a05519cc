import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { cleanText } from './clean-text';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' };

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
