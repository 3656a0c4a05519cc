import type { TFunction } from 'i18next';

/**
 * How many follow-ups the timeline draws at first, and adds at each "show more". A distributor called every day
 * for years has thousands: drawn at once they froze the window for seconds on opening the file and again at every
 * tab change (the hidden timeline is drawn again with the page). Fifty is more than a screen's height of them.
 */
export const FOLLOW_UPS_AT_ONCE = 50;

export interface TimelineWindow<T> {
  /** The newest `limit` follow-ups, in the order given (newest first). */
  shown: T[];
  /** How many are not drawn yet. */
  rest: number;
  /** How many the next "show more" adds. */
  more: number;
}

export function timelineWindow<T>(followUps: readonly T[], limit: number): TimelineWindow<T> {
  const shown = followUps.slice(0, Math.max(limit, 0));
  const rest = followUps.length - shown.length;
  return { shown, rest, more: Math.min(rest, FOLLOW_UPS_AT_ONCE) };
}

/** The button under the drawn follow-ups: "Show 50 more (1,950 not shown)". Null when all are drawn. */
export function showMoreText(t: TFunction, language: string, window: Pick<TimelineWindow<unknown>, 'rest' | 'more'>): string | null {
  if (window.rest === 0) return null;
  const number = new Intl.NumberFormat(language);
  return t('customerFile:timeline.showMore', { count: window.more, more: number.format(window.more), rest: number.format(window.rest) });
}
