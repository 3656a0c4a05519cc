import { describe, expect, it } from 'vitest';
import { FOLLOW_UPS_AT_ONCE, showMoreText, timelineWindow } from '../../../renderer/features/customer-file/timeline-window';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();
/** A customer called every day for years: ids newest first, as followups:list gives them. */
const history = (count: number) => Array.from({ length: count }, (_, i) => `f${count - i}`);

/**
 * The customer file drew every follow-up of the timeline at once: a distributor with 2,000 of them froze the window
 * for about 7 s on opening the file and 3–4 s at every tab change. It now draws the newest page, and "show more" adds
 * the next.
 */
describe('the follow-up timeline, a page at a time', () => {
  it('draws the newest page of a long history and says how many more the button adds', () => {
    const all = history(2000);
    const first = timelineWindow(all, FOLLOW_UPS_AT_ONCE);
    expect(first.shown).toEqual(all.slice(0, FOLLOW_UPS_AT_ONCE));
    expect(first.shown[0]).toBe('f2000');
    expect(first.rest).toBe(2000 - FOLLOW_UPS_AT_ONCE);
    expect(first.more).toBe(FOLLOW_UPS_AT_ONCE);
  });

  it('adds a page at each "show more" until the last, shorter one, and then offers nothing', () => {
    const all = history(2 * FOLLOW_UPS_AT_ONCE + 7);
    let limit = FOLLOW_UPS_AT_ONCE;
    const seen: number[] = [];
    for (let w = timelineWindow(all, limit); ; w = timelineWindow(all, (limit += FOLLOW_UPS_AT_ONCE))) {
      seen.push(w.shown.length);
      if (w.rest === 0) break;
      expect(timelineWindow(all, limit + FOLLOW_UPS_AT_ONCE).shown.length - w.shown.length).toBe(w.more);
    }
    expect(seen).toEqual([FOLLOW_UPS_AT_ONCE, 2 * FOLLOW_UPS_AT_ONCE, all.length]);
    expect(timelineWindow(all, limit).shown).toEqual(all);
  });

  it('draws a short history whole, with no button', () => {
    const w = timelineWindow(history(3), FOLLOW_UPS_AT_ONCE);
    expect(w).toEqual({ shown: ['f3', 'f2', 'f1'], rest: 0, more: 0 });
    expect(showMoreText(ts.en, 'en', w)).toBeNull();
    expect(showMoreText(ts['zh-CN'], 'zh-CN', w)).toBeNull();
  });

  it('words the button in both languages, with the numbers grouped as the user reads them', () => {
    const w = timelineWindow(history(2000), FOLLOW_UPS_AT_ONCE);
    expect(showMoreText(ts.en, 'en', w)).toBe('Show 50 more (1,950 not shown)');
    expect(showMoreText(ts['zh-CN'], 'zh-CN', w)).toBe('再显示 50 条（还有 1,950 条未显示）');
    expect(showMoreText(ts.en, 'en', timelineWindow(history(51), FOLLOW_UPS_AT_ONCE))).toBe('Show 1 more (1 not shown)');
  });
});
