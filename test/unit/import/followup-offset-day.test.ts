import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/import/csv';
import { autoMapHeaders } from '../../../shared/import/header-map';
import { validateRows } from '../../../shared/import/validate-rows';

/**
 * A follow-up time written with its offset (an export from a colleague's machine abroad, or a CRM's ISO time) is
 * judged on this machine's calendar, as Today and the app count days: not by the date written in the file.
 * Each case sets the process's zone (this runner's workers are processes, where TZ takes effect when assigned).
 */
const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

function followUps(zone: string, today: string, rows: string[]) {
  process.env.TZ = zone;
  const table = parseCsv(['客户名称,跟进时间,跟进内容,下次联系日期', ...rows].join('\n'));
  const mapping = autoMapHeaders(table.headers, 'followups');
  const v = validateRows('followups', table.headers, table.rows, mapping.mapping, { homeCountry: 'CN', defaultCurrency: 'CNY', currencyHint: mapping.currencyHint, today });
  return {
    taken: v.records.map((r) => [r.record.content, r.record.occurredDate, r.record.occurredAt]),
    refused: v.errors.map((e) => [e.row, e.reason]),
  };
}

describe('follow-ups imported with a stated offset: the day is the local one', () => {
  it('America/Los_Angeles: 01:00 in Shanghai on the 7th happened at 09:00 on the 6th here, today, and is taken', () => {
    // 2026-12-07T01:00+08:00 = 2026-12-06T17:00Z = 09:00 PST on the 6th.
    const r = followUps('America/Los_Angeles', '2026-12-06', ['王芳,2026-12-07T01:00:00+08:00,上海早上,']);
    expect(r.refused).toEqual([]);
    expect(r.taken).toEqual([['上海早上', '2026-12-06', '2026-12-06T17:00:00.000Z']]);
  });

  it('Asia/Shanghai: 23:00 in Honolulu on the 7th is the 8th here, a day after today, and is refused', () => {
    // 2026-12-07T23:00-10:00 = 2026-12-08T09:00Z = 17:00 on the 8th in Shanghai; today there is the 7th.
    const r = followUps('Asia/Shanghai', '2026-12-07', ['王芳,2026-12-07T23:00:00-10:00,檀香山晚上,', '李四,2026-12-07T15:00:00Z,今天下午,']);
    expect(r.refused).toEqual([[2, 'occurred_in_future']]);
    // 15:00Z is 23:00 on the 7th in Shanghai: later today, which is taken.
    expect(r.taken).toEqual([['今天下午', '2026-12-07', '2026-12-07T15:00:00.000Z']]);
  });

  it('Pacific/Kiritimati (+14): a reminder dated the day written in the file but before the contact\'s local day is refused', () => {
    // 2026-12-06T20:00-10:00 = 2026-12-07T06:00Z = 20:00 on the 7th at UTC+14: a next contact on the 6th is before it.
    const r = followUps('Pacific/Kiritimati', '2026-12-07', ['王芳,2026-12-06T20:00:00-10:00,跨日,2026-12-06', '李四,2026-12-06T20:00:00-10:00,跨日,2026-12-07']);
    expect(r.refused).toEqual([[2, 'next_contact_before_follow_up']]);
    expect(r.taken).toEqual([['跨日', '2026-12-07', '2026-12-07T06:00:00.000Z']]);
  });

  it('without an offset the time is local, so the written date is the day (Pacific/Pago_Pago, −11)', () => {
    const r = followUps('Pacific/Pago_Pago', '2026-12-06', ['王芳,2026-12-06 23:59:59,午夜前,2026-12-06', '李四,2026-12-07 00:00,午夜,']);
    expect(r.refused).toEqual([[3, 'occurred_in_future']]);
    // 23:59:59 at UTC−11 is 10:59:59 UTC the next day.
    expect(r.taken).toEqual([['午夜前', '2026-12-06', '2026-12-07T10:59:59.000Z']]);
  });
});
