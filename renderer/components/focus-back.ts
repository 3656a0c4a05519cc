/**
 * Once a drawer or dialog has closed, the focus goes back where the user was. antd hands it back to
 * whatever held it when the overlay opened; but one opened from a list's keyboard selection (↑↓, then
 * Enter or F) or by a click on a row found nothing focused, and the focus stayed on the closed drawer's
 * frame (or fell to the page), where Tab starts from nowhere. Then the element `selector` names — the
 * selected row — takes it. Called from the overlay's after-close callback.
 */
export function focusBackAfterClose(selector: string): void {
  // A turn later: antd's own hand-back runs right after the callback, and wins when it found an opener.
  setTimeout(() => {
    if (heldByPage(document.activeElement)) return;
    document.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  }, 0);
}

/** Whether the focus is on something the user can see and act on, outside any closed overlay. */
function heldByPage(active: Element | null): boolean {
  if (!active || active === document.body || !active.isConnected || active.getClientRects().length === 0) return false;
  return !active.closest('.ant-drawer:not(.ant-drawer-open), .ant-modal-wrap[style*="display: none"]');
}
