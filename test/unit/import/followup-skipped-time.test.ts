import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/import/csv';
import { autoMapHeaders } from '../../../shared/import/header-map';
import { validateRows } from '../../../shared/import/validate-rows';

/**
 * A follow-up file's local times on the nights the clocks change. A time the clocks skip names no moment here: read
 * as Date reads it, it would land an hour on without a word, so its row is refused, naming the time after the
 * change (as the app refuses it typed). The hour that happens twice is taken, as its first occurrence; a skipped
 * time written with its offset names its instant and is taken.
 */
const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const HOUR = 3_600_000;

function followUps(zone: string, rows: string[]) {
  process.env.TZ = zone;
  const table = parseCsv(['客户名称,跟进时间,跟进内容,下次联系日期,下次联系时刻', ...rows].join('\n'));
  const mapping = autoMapHeaders(table.headers, 'followups');
  const v = validateRows('followups', table.headers, table.rows, mapping.mapping, { homeCountry: 'CN', defaultCurrency: 'CNY', currencyHint: mapping.currencyHint, today: '2026-12-07' });
  return {
    taken: v.records.map((r) => [r.record.content, r.record.occurredAt, r.record.nextContactTime]),
    refused: v.errors.map((e) => [e.row, e.field, e.reason, e.message]),
  };
}

describe('follow-ups imported at times the clocks skip or repeat', () => {
  it('America/New_York: 02:30 on 2026-03-08 is refused in either column; 01:30 on 2026-11-01 is its first (EDT) occurrence', () => {
    const r = followUps('America/New_York', [
      '王芳,2026-03-08 02:30,春季跳过,,',
      '李四,2026-03-07 10:00,提醒跳过,2026-03-08,02:30',
      '张三,2026-11-01 01:30,秋季重复,2026-11-01,01:30',
      '赵六,2026-03-08T02:30:00-05:00,写明偏移,,',
    ]);
    // 02:30 read at EST (−5) is 07:30Z, which EDT (−4) shows as 03:30.
    const moved = new Date(Date.UTC(2026, 2, 8, 7, 30) - 4 * HOUR).toISOString().slice(11, 16);
    expect(r.refused.map((e) => e.slice(0, 3))).toEqual([[2, 'occurredAt', 'local_time_skipped'], [3, 'nextContactTime', 'local_time_skipped']]);
    expect(r.refused[0]![3]).toContain(`the clocks skip on this computer (they go forward then): give the time the clock showed after the change, or the time with its offset (${moved} after the change)`);
    expect(r.taken).toEqual([
      ['秋季重复', new Date(Date.UTC(2026, 10, 1, 1 + 4, 30)).toISOString(), '01:30'],
      ['写明偏移', new Date(Date.UTC(2026, 2, 8, 2 + 5, 30)).toISOString(), null],
    ]);
  });

  it('Europe/London: 01:30 on 2026-03-29 is refused; 00:30 and 02:30 that day, and 01:30 on 2026-10-25, are taken', () => {
    const r = followUps('Europe/London', ['王芳,2026-03-29 01:30,春季跳过,,', '李四,2026-03-29 00:30,变钟前,,', '张三,2026-03-29 02:30,变钟后,,', '赵六,2026-10-25 01:30,秋季重复,,']);
    expect(r.refused.map((e) => e.slice(0, 3))).toEqual([[2, 'occurredAt', 'local_time_skipped']]);
    expect(r.taken.map((t) => t[1])).toEqual([
      new Date(Date.UTC(2026, 2, 29, 0, 30)).toISOString(), // GMT, +0
      new Date(Date.UTC(2026, 2, 29, 2 - 1, 30)).toISOString(), // BST, +1
      new Date(Date.UTC(2026, 9, 25, 1 - 1, 30)).toISOString(), // the first 01:30, still BST
    ]);
  });
});
