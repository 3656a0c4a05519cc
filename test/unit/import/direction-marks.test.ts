import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/import/csv';
import { autoMapHeaders } from '../../../shared/import/header-map';
import { validateRows } from '../../../shared/import/validate-rows';

/**
 * Text copied from WhatsApp and from right-to-left pages carries invisible direction controls: WhatsApp wraps a number
 * it shows in U+202A … U+202C ("‪+971 50 123 4567‬"), and a name may come with U+202E (right-to-left override) or
 * U+200E (left-to-right mark). The numbers were refused as "not a valid phone number" though they read as valid, and
 * the names were stored with the controls: a second "Ali" beside the first, and an override that turns around the
 * text shown after the name.
 */
const CSV = [
  'name,phone,whatsapp',
  'Ahmed,\u202a+971 50 123 4567\u202c,\u200e+971 50 765 4321\u200e',
  '\u202eAli\u202c,\u2066+971 50 111 2222\u2069,',
  '\u200fمحمد علي\u200f,+971 50 111 2223,',
].join('\n');

describe('direction controls in pasted text', () => {
  it('reads the numbers they wrap, and leaves them out of names', () => {
    const table = parseCsv(CSV);
    const mapping = autoMapHeaders(table.headers, 'customers');
    const v = validateRows('customers', table.headers, table.rows, mapping.mapping, { homeCountry: 'CN', defaultCurrency: 'CNY' });
    expect(v.errors).toEqual([]);
    expect(v.records.map((r) => [r.record.name, r.record.contacts.map((c) => `${c.kind} ${c.value}`)])).toEqual([
      ['Ahmed', ['phone +971501234567', 'whatsapp +971507654321']],
      ['Ali', ['phone +971501112222']],
      ['محمد علي', ['phone +971501112223']],
    ]);
  });
});
