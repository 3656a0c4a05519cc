import { describe, expect, it } from 'vitest';
import {
  excelSerialToDate,
  inferDateOrder,
  parseDate,
  parseDateTime,
} from '../../../shared/import/values';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `!${r.reason}`);

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['5.3.24', '2024-03-05'],
    ['13/3/2024', '2024-03-13'],
    ['3/13/2024', '2024-03-13'],
    ['5/5/2024', '2024-05-05'],
    ['5 Mar 2024', '2024-03-05'],
    ['05-Mar-24', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['2024-03-05T23:30:00Z', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['45356', '2024-03-05'],
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'],
    ['3/5/2024', '!ambiguous_date'],
    ['2024-02-30', '!invalid_date'],
    ['3月5日', '!invalid_date'],
    ['hello', '!invalid_date'],
    ['', '!required'],
  ] as const)('%j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  it('reads ambiguous slashed dates in the given order', () => {
    expect(value(parseDate('3/5/2024', { order: 'dmy' }))).toBe('2024-05-03');
    expect(value(parseDate('3/5/2024', { order: 'mdy' }))).toBe('2024-03-05');
  });

  it('keeps times, 12-hour clocks and offsets', () => {
    expect(value(parseDateTime('2024-03-05T10:00:00+0800'))).toEqual({ date: '2024-03-05', time: '10:00:00', offset: '+08:00' });
    expect(value(parseDateTime('3/13/2024 2:05 PM'))).toEqual({ date: '2024-03-13', time: '14:05', offset: null });
    expect(value(parseDateTime(45356.5))).toEqual({ date: '2024-03-05', time: '12:00', offset: null });
    expect(value(parseDateTime('2024-03-05 25:00'))).toBe('!invalid_time');
  });
});

describe('excelSerialToDate', () => {
  it('follows the 1900 system including the Lotus leap-year bug', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45292)).toBe('2024-01-01');
    expect(excelSerialToDate(0)).toBeNull();
  });

  it('supports the 1904 system', () => {
    expect(excelSerialToDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToDate(45356 - 1462, true)).toBe('2024-03-05');
  });
});

describe('inferDateOrder', () => {
  it.each([
    [['13/3/2024', '3/5/2024'], 'dmy'],
    [['3/13/2024', '3/5/2024'], 'mdy'],
    [['13/3/2024', '3/13/2024'], 'ambiguous'],
    [['3/5/2024', '4/6/2024'], 'ambiguous'],
    [['2024-03-05', '2024/3/6'], 'ymd'],
    [['05.03.2024'], 'dmy'],
    [[], 'ambiguous'],
  ] as const)('%j → %s', (samples, expected) => {
    expect(inferDateOrder(samples)).toBe(expected);
  });
});
