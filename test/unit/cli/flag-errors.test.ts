import { describe, expect, it } from 'vitest';
import { AppError, invalidInput } from '../../../shared/contract';
import { ALL_COMMANDS } from '../../../core/cli/registry';
import { choicesAt, flagFor, inFlagTerms, ordinal } from '../../../core/cli/flag-errors';

const command = (...words: string[]) => {
  const found = ALL_COMMANDS.find((c) => c.words.join(' ') === words.join(' '));
  if (!found) throw new Error(`no command ${words.join(' ')}`);
  return found;
};

/** A refusal as the contract phrases it, then as the command line says it. */
const said = (words: string[], issues: Parameters<typeof invalidInput>[0], flags: Record<string, string | string[]> = {}, channel?: Parameters<typeof choicesAt>[0], input?: unknown) =>
  inFlagTerms(invalidInput(issues), command(...words), flags, channel ? { channel, input } : undefined).message;

describe('a contract field named as the flag typed', () => {
  it('follows the flag of the same name, or of the id it takes, with no map', () => {
    expect(flagFor(['asOf'], command('predict'), {})).toBe('--as-of');
    expect(flagFor(['fxRate'], command('orders', 'add'), {})).toBe('--fx-rate');
    expect(flagFor(['customerId'], command('orders', 'add'), {})).toBe('--customer');
    expect(flagFor(['mergeIds', 1], command('merge'), {})).toBe('the 2nd of --merge');
    expect(flagFor(['batchId'], command('import', 'undo'), {})).toBe('--batch');
  });

  it("takes the command's map where the names differ, nested and listed fields included", () => {
    expect(flagFor(['payment', 'dueDate'], command('orders', 'add'), {})).toBe('--due');
    expect(flagFor(['payment', 'paid'], command('orders', 'add'), {})).toBe('--paid');
    expect(flagFor(['orderDate'], command('orders', 'return'), {})).toBe('--date');
    expect(flagFor(['lines', 0, 'unitPrice'], command('orders', 'add'), { line: ['|茶|1|5'] })).toBe('the unit price of --line');
    expect(flagFor(['lines', 2, 'quantity'], command('orders', 'add'), { line: ['a', 'b', 'c'] })).toBe('the quantity of the 3rd --line');
    expect(flagFor(['overrides', 'pyramid', 'thresholds'], command('segment', 'config', 'set'), {})).toBe('pyramid.thresholds in --file');
    expect(flagFor(['path'], command('backup'), {})).toBe('--to');
    expect(flagFor(['path'], command('restore'), {})).toBe('--from');
    expect(flagFor(['serverUrl'], command('team', 'join'), {})).toBe('--server');
  });

  it('names a contact by the flag it came from: every --phone first, then --email, --wechat, --whatsapp', () => {
    const flags = { phone: ['abc', '123'], email: ['nope'] };
    expect(flagFor(['contacts', 1, 'value'], command('customers', 'add'), flags)).toBe('the 2nd --phone');
    expect(flagFor(['contacts', 2, 'value'], command('customers', 'add'), flags)).toBe('--email');
  });

  it('leaves a field no flag fills as the contract names it', () => {
    expect(flagFor(['kind'], command('import', 'customers'), {})).toBeUndefined();
    expect(said(['orders', 'add'], [{ path: ['payment', 'status'], key: 'invalid_value' }])).toBe('payment.status is not valid');
  });

  it('counts 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });
});

describe('a refusal in the command line terms', () => {
  it('phrases each issue after its flag, once when two fields come from one flag', () => {
    expect(said(['orders', 'add'], [{ path: ['payment', 'dueDate'], key: 'due_before_order', params: { date: '2026-01-01' } }])).toBe(
      '--due must not be before the order date (2026-01-01): the sale would be overdue at once',
    );
    const scheme = { path: ['classFilter', 'scheme'], key: 'invalid_scheme', params: { choices: 'rfm, pyramid' } };
    expect(said(['customers', 'list'], [scheme, { ...scheme, path: ['schemes', 0] }], { scheme: 'x' })).toBe('--scheme must be one of rfm, pyramid, or custom:ID for a custom segment');
  });

  it('lists the values an enumerated field allows, with the value given', () => {
    expect(said(['report'], [{ path: ['period'], key: 'invalid_choice' }], {}, 'reports:evaluation', { period: 'week' })).toBe('--period must be one of month, quarter, year, got "week"');
    expect(said(['followups', 'add'], [{ path: ['channel'], key: 'invalid_choice' }], {}, 'followups:create', { channel: 'fax' })).toBe(
      '--channel must be one of call, visit, wechat, whatsapp, email, meeting, other, got "fax"',
    );
    expect(choicesAt('customers:create', ['manualLevel'])).toEqual(['A', 'B', 'C']);
    expect(choicesAt('customers:create', ['name'])).toBeUndefined();
  });

  it("replaces a field's name where it opens a clause of a message phrased otherwise, and keeps the issues", () => {
    const issues = [{ path: ['orderNumber'], key: 'order_number_taken' }];
    const error = new AppError('constraint', 'Rejected by the database: orderNumber is already used by another order (orders_number_live)', issues);
    const rephrased = inFlagTerms(error, command('orders', 'add'), {});
    expect([rephrased.code, rephrased.message, rephrased.issues]).toEqual(['constraint', 'Rejected by the database: --number is already used by another order (orders_number_live)', issues]);
    // A word inside the sentence that happens to be a field's name stays.
    const inside = new AppError('invalid_input', 'the amount must be positive', [{ path: ['amount'], key: 'invalid_amount' }]);
    expect(inFlagTerms(inside, command('orders', 'add'), {}).message).toBe('the amount must be positive');
  });

  it('is the same said twice (a refusal passes the call and the command on its way out)', () => {
    const once = inFlagTerms(invalidInput([{ path: ['asOf'], key: 'invalid_date' }]), command('predict'), {});
    expect(inFlagTerms(once, command('predict'), {})).toBe(once);
    expect(once.message).toBe('--as-of must be a date like 2026-03-05');
  });
});
