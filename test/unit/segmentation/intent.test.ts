import { describe, expect, it } from 'vitest';
import { assignment, customer, followUp, run } from './fixtures';

const intentOf = (followUps: ReturnType<typeof followUp>[]) => assignment(run([customer('x')], [], followUps), 'x', 'intent');

describe('intent', () => {
  it('takes the latest follow-up by occurredAt, whatever the input order', () => {
    const latest = intentOf([
      followUp('x', '2026-05-01T10:00:00Z', 'interested'),
      followUp('x', '2026-06-01T10:00:00Z', 'never'),
      followUp('x', '2026-05-15T10:00:00Z', 'hesitant'),
    ]);
    expect(latest).toEqual({
      classKey: 'never',
      // The instant in ISO form, as every write stores it.
      explanation: { kind: 'intent', source: { occurredAt: '2026-06-01T10:00:00.000Z', date: '2026-06-01', intent: 'never' }, moves: [] },
    });
  });

  it("names the source's instant in UTC whatever offset it came with, and its date as given", () => {
    const zoned = intentOf([{ ...followUp('x', '2026-06-01T07:30:00+08:00', 'hesitant'), date: '2026-06-01' }]);
    expect(zoned.explanation).toEqual({ kind: 'intent', source: { occurredAt: '2026-05-31T23:30:00.000Z', date: '2026-06-01', intent: 'hesitant' }, moves: [] });
  });

  it('skips follow-ups that recorded no intent', () => {
    expect(intentOf([followUp('x', '2026-05-01T10:00:00Z', 'not_now'), followUp('x', '2026-06-10T10:00:00Z', null)]).classKey).toBe('not_now');
  });

  it('compares instants, not strings, across time zones', () => {
    // 09:00 at +08:00 is 01:00Z, earlier than 02:00Z
    const zoned = intentOf([followUp('x', '2026-06-01T02:00:00Z', 'hesitant'), followUp('x', '2026-06-01T09:00:00+08:00', 'interested')]);
    expect(zoned.classKey).toBe('hesitant');
  });

  it('lets the more cautious intent win at the very same instant', () => {
    const tie = [followUp('x', '2026-06-01T10:00:00Z', 'not_now'), followUp('x', '2026-06-01T10:00:00Z', 'interested')];
    expect(intentOf(tie).classKey).toBe('not_now');
    expect(intentOf([...tie].reverse()).classKey).toBe('not_now');
  });

  it("ignores follow-ups dated after asOf, and is 'unknown' without any intent", () => {
    expect(intentOf([followUp('x', '2026-06-01T10:00:00Z', 'interested'), followUp('x', '2026-07-01T10:00:00Z', 'never')]).classKey).toBe('interested');
    expect(intentOf([])).toEqual({ classKey: 'unknown', explanation: { kind: 'intent', source: null, moves: [] } });
  });
});
