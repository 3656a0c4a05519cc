import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerIndex } from '../../../core/importing/customer-index';

type Kind = 'phone' | 'whatsapp' | 'email';

/** Who a number names, worked out from the contacts as added: its phone holders, else its WhatsApp holders. */
function expectedByPhone(contacts: ReadonlyArray<{ id: string; kind: Kind; value: string }>, number: string): string | 'ambiguous' | null {
  for (const kind of ['phone', 'whatsapp'] as const) {
    const ids = new Set(contacts.filter((c) => c.kind === kind && c.value === number).map((c) => c.id));
    if (ids.size === 1) return [...ids][0]!;
    if (ids.size > 1) return 'ambiguous';
  }
  return null;
}

const numbers = ['+8613800138000', '+8613900139000', '+12025550123', 'a@example.com'];

describe('CustomerIndex.byPhone', () => {
  it('answers as the contacts added so far say, whatever was asked before (its answers are kept between changes)', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('contact' as const), id: fc.constantFrom('c1', 'c2', 'c3'), kind: fc.constantFrom<Kind>('phone', 'whatsapp', 'email'), value: fc.constantFrom(...numbers) }),
      fc.record({ op: fc.constant('customer' as const), id: fc.constantFrom('c4', 'c5'), kind: fc.constantFrom<Kind>('phone', 'whatsapp'), value: fc.constantFrom(...numbers) }),
      fc.record({ op: fc.constant('ask' as const), value: fc.constantFrom(...numbers) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const index = new CustomerIndex();
        const added: Array<{ id: string; kind: Kind; value: string }> = [];
        for (const s of steps) {
          if (s.op === 'contact') index.addContact(s.id, s.kind, s.value);
          if (s.op === 'customer') index.add(s.id, { name: s.id, company: null, code: null, contacts: [{ kind: s.kind, value: s.value }] });
          if (s.op !== 'ask') added.push({ id: s.id, kind: s.kind, value: s.value });
          for (const number of numbers) expect(index.byPhone(number)).toBe(expectedByPhone(added, number));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps answering rightly past the numbers it keeps answers for', () => {
    const index = new CustomerIndex();
    index.addContact('c1', 'phone', '+8613800138000');
    index.addContact('c2', 'whatsapp', '+8613900139000');
    for (let i = 0; i < 50_000; i++) expect(index.byPhone(`+1202555${String(i).padStart(5, '0')}`)).toBeNull();
    expect(index.byPhone('+8613800138000')).toBe('c1');
    expect(index.byPhone('+8613900139000')).toBe('c2');
  });
});
