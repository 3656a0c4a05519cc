import { call, type Dispatch } from '../dispatch';

/**
 * Today is the home screen, and its first call after start reads the tiers, computes them for the day and makes the
 * day's whole list, in steps: 1.1–1.7 s at 100k customers. Asked for as the app opens, before its window or page has
 * loaded, that work runs while the page loads; the screen's first call then finds the list made, or joins the making
 * under way (core/today/list.ts madeListBetweenTurns) rather than starting it. Resolves when the list is made; a
 * failure is the caller's to log, and the screen's own call meets it again and says so.
 */
export async function warmToday(dispatch: Dispatch): Promise<void> {
  await call(dispatch, 'today:list', { limit: 1, offset: 0 });
}
