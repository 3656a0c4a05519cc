import { useEffect, type RefObject } from 'react';
import './row-focus.css';

/**
 * Once the focus is on a list's selected row (given back there when a drawer opened from it closed, see
 * focus-back.ts), ↑↓ move it with the selection: left on the old row, its ring and the highlight of the
 * new one would point at two customers. Rows take the focus from code and clicks only (tabIndex −1), so
 * Tab still steps over the list in one move.
 */
export function useFocusFollowsSelection(listRef: RefObject<HTMLElement | null>, selected: number | undefined): void {
  useEffect(() => {
    const list = listRef.current;
    const active = document.activeElement;
    if (!list || !active || active.getAttribute('role') !== 'row' || !list.contains(active)) return;
    list.querySelector<HTMLElement>('[role="row"][aria-selected="true"]')?.focus({ preventScroll: true });
  }, [listRef, selected]);
}
