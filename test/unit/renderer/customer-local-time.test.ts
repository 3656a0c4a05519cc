import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { LocalTimeText } from '../../../renderer/components/CustomerLocalTime';
import { localTimeView } from '../../../renderer/components/local-time-view';
import { resources } from '../../../renderer/i18n/resources';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';

/**
 * The client's local time as the customer file's header and Today's rows show it, at fixed instants, for a user
 * in Guangzhou (UTC+8, 480 minutes). The expected clocks are the instants plus the zones' offsets, by hand.
 */
const GUANGZHOU = 480;
const ABU_DHABI: CustomerTimeZone = { status: 'known', zone: 'Asia/Dubai', weekend: [6, 7] };
const HOUSTON: CustomerTimeZone = { status: 'known', zone: 'America/Chicago', weekend: [6, 7] };
const RIYADH: CustomerTimeZone = { status: 'known', zone: 'Asia/Riyadh', weekend: [5, 6] };

async function render(language: 'zh-CN' | 'en', timeZone: CustomerTimeZone | null, utc: string, variant: 'header' | 'row', place = { country: 'US', city: 'Springfield' }) {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: { [language]: { localTime: resources.localTime[language], common: resources.common[language] } },
    interpolation: { escapeValue: false },
  });
  const view = localTimeView(timeZone, Date.parse(utc), language, GUANGZHOU);
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(LocalTimeText, { view, variant, ...place })));
  return { html, text: html.replace(/<[^>]+>/g, '') };
}

describe("a client's local time on screen", () => {
  it('the header: 01:12 UTC on Wednesday 1 July 2026 is 05:12 in Abu Dhabi (UTC+4), night there', async () => {
    const en = await render('en', ABU_DHABI, '2026-07-01T01:12:00Z', 'header');
    expect(en.text).toBe('Local time 05:12 Wed (UTC+4) · night there');
    expect(en.html).toContain('data-testid="customer-local-time"');
    expect(en.html).toContain('title="Time zone Asia/Dubai, UTC+4"');
    expect((await render('zh-CN', ABU_DHABI, '2026-07-01T01:12:00Z', 'header')).text).toBe('当地时间 周三 05:12（UTC+4） · 当地夜间');
  });

  it('Houston a little after the Guangzhou morning: 09:00 in Guangzhou is 20:00 the day before in summer (CDT), 19:00 in winter (CST)', async () => {
    expect((await render('en', HOUSTON, '2026-07-01T01:00:00Z', 'row')).text).toBe('20:00 Tue there');
    expect((await render('en', HOUSTON, '2026-01-15T01:00:00Z', 'header')).text).toBe('Local time 19:00 Wed (UTC-6)');
    // 14:00 in Guangzhou is 01:00 in Houston in summer: night there.
    expect((await render('zh-CN', HOUSTON, '2026-07-01T06:00:00Z', 'row')).text).toBe('当地 周三 01:00 · 当地夜间');
  });

  it("the weekend is the client's: Friday noon is a weekend in Riyadh, a working day in Abu Dhabi", async () => {
    expect((await render('en', RIYADH, '2026-07-03T09:00:00Z', 'row')).text).toBe('12:00 Fri there · weekend there');
    expect((await render('en', ABU_DHABI, '2026-07-03T09:00:00Z', 'row')).text).toBe('13:00 Fri there');
    // Saturday 23:30 in Abu Dhabi: both notes.
    expect((await render('zh-CN', ABU_DHABI, '2026-07-04T19:30:00Z', 'header')).text).toBe('当地时间 周六 23:30（UTC+4） · 当地夜间 · 当地周末');
  });

  it("nothing for a client in the user's own time or with no country", async () => {
    expect((await render('en', { status: 'known', zone: 'Asia/Shanghai', weekend: [6, 7] }, '2026-07-01T01:00:00Z', 'header')).html).toBe('');
    // Perth keeps UTC+8 too: the same clock as Guangzhou's, nothing to say.
    expect((await render('en', { status: 'known', zone: 'Australia/Perth', weekend: [6, 7] }, '2026-07-01T01:00:00Z', 'row')).html).toBe('');
    expect((await render('en', null, '2026-07-01T01:00:00Z', 'header')).html).toBe('');
  });

  it('several time zones: the header asks for the city (or the state), a row of Today says nothing', async () => {
    const several = (reason: 'no_city' | 'unknown_city' | 'ambiguous_city'): CustomerTimeZone => ({ status: 'several', reason });
    expect((await render('en', several('no_city'), '2026-07-01T01:00:00Z', 'header', { country: 'US', city: '' })).text).toBe('Several time zones in United States: add the city to see their local time');
    expect((await render('zh-CN', several('ambiguous_city'), '2026-07-01T01:00:00Z', 'header')).text).toBe('美国有不止一个“Springfield”，时区不同：填写州或省即可显示当地时间');
    expect((await render('en', several('unknown_city'), '2026-07-01T01:00:00Z', 'header', { country: 'BR', city: 'Sampa' })).text).toBe(
      'Several time zones in Brazil, and “Sampa” is not a city we know: write it in English (e.g. Houston)',
    );
    expect((await render('en', several('no_city'), '2026-07-01T01:00:00Z', 'row')).html).toBe('');
  });
});
