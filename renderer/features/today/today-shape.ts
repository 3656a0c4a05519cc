/**
 * How many overdue reminders Today's list had when it was last answered, per query (its filters), for as
 * long as the window is open. Opened again, the screen asks at once for the rows it will show: with more
 * than a few overdue reminders that group starts collapsed, and its first rows are today's, at an offset of
 * the overdue count. Without this the screen first asked for the list's first page, learnt from its answer
 * that the group was collapsed, and only then asked for the rows it shows: two round trips in a row. A
 * count that has moved meanwhile costs the second trip, as before.
 */
const overdueByQuery = new Map<string, number>();

/** A query's key: the same filters give the same key, whatever order they were set in. */
export const todayQueryKey = (query: object): string => JSON.stringify(Object.entries(query).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));

export function rememberOverdue(query: object, overdue: number): void {
  overdueByQuery.set(todayQueryKey(query), overdue);
}

/** The overdue count last answered for `query`, or undefined when it was never asked in this window. */
export const rememberedOverdue = (query: object): number | undefined => overdueByQuery.get(todayQueryKey(query));
