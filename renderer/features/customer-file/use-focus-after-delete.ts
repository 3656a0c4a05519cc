import { useEffect, useRef } from 'react';

/**
 * After a confirmed order delete, the row and the Delete that had the focus are gone and the focus fell to
 * the page, so a keyboard user started again from the top. Once the list no longer shows the deleted order,
 * the focus goes to the Delete of the row that took its place (the next one down, else the one above), or
 * to Add order when none is left on the page.
 */
export function useFocusAfterDelete(shownIds: readonly string[]) {
  const box = useRef<HTMLDivElement>(null);
  const pending = useRef<{ deleted: string; next: string | null } | null>(null);
  const key = shownIds.join(',');
  useEffect(() => {
    const wanted = pending.current;
    if (!wanted || shownIds.includes(wanted.deleted)) return;
    pending.current = null;
    const row = wanted.next ? box.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(wanted.next)}"] [data-testid="order-delete"]`) : null;
    (row ?? box.current?.querySelector<HTMLElement>('[data-testid="add-order"]'))?.focus();
    // shownIds is read through its key: a new array of the same orders is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return {
    box,
    deleting(id: string) {
      const at = shownIds.indexOf(id);
      pending.current = { deleted: id, next: shownIds[at + 1] ?? shownIds[at - 1] ?? null };
    },
    failed() {
      pending.current = null;
    },
  };
}
