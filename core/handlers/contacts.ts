import { normalizePhone } from '../../shared/domain/phone';
import { invalidInput, type Issue } from '../../shared/contract/errors';
import type { ContactKind } from '../../shared/contract/enums';

export interface NormalizedContact {
  kind: ContactKind;
  value: string;
  label: string | null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// WeChat IDs: 6–20 letters, digits, "_" or "-", starting with a letter; many people use their phone number instead.
const WECHAT_RE = /^([a-z][a-z0-9_-]{5,19}|\+?\d{6,15})$/;

/**
 * Brings contacts to the form they are stored and matched in: phones and WhatsApp to E.164 (home country
 * by default), email and WeChat lower-case. Reports every bad value at its path; drops exact repeats.
 */
export function normalizeContacts(
  contacts: { kind: ContactKind; value: string; label?: string | null }[],
  homeCountry: string,
  pathPrefix: (string | number)[] = ['contacts'],
): NormalizedContact[] {
  const issues: Issue[] = [];
  const result: NormalizedContact[] = [];
  const seen = new Set<string>();
  contacts.forEach((contact, index) => {
    const path = [...pathPrefix, index, 'value'];
    const raw = contact.value.trim();
    let value: string | null = null;
    switch (contact.kind) {
      case 'phone':
      case 'whatsapp': {
        const phone = normalizePhone(raw, homeCountry);
        if (phone.ok) value = phone.e164;
        else if (phone.reason === 'extension') issues.push({ path, key: 'phone_has_extension', params: { value: raw, extension: phone.extension } });
        else issues.push({ path, key: 'invalid_phone', params: { value: raw } });
        break;
      }
      case 'email': {
        // NFKC: an address typed in full-width mode ("ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ") is the ASCII one.
        const email = raw.normalize('NFKC');
        if (EMAIL_RE.test(email)) value = email.toLowerCase();
        else issues.push({ path, key: 'invalid_email', params: { value: raw } });
        break;
      }
      case 'wechat': {
        const wechat = raw.normalize('NFKC').toLowerCase();
        if (WECHAT_RE.test(wechat)) value = wechat;
        else issues.push({ path, key: 'invalid_wechat', params: { value: raw } });
        break;
      }
    }
    if (value === null) return;
    const key = `${contact.kind}:${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ kind: contact.kind, value, label: contact.label ?? null });
  });
  if (issues.length) throw invalidInput(issues);
  return result;
}
