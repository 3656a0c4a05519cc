/**
 * Where a key pressed on a list screen landed, so the list's own keys (↑↓, Enter, F, /) never steal one
 * that belongs elsewhere: in a text field the key is text; on a button, link or other control Enter is
 * that control's (a focused "Add customer" or "Reschedule" must not open the selected row instead).
 * Plain duck typing so it can be tested without a DOM.
 */
export type KeyTarget = 'typing' | 'control' | 'page';

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

const TEXT_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const CONTROL_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);
const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'tab', 'checkbox', 'radio', 'switch', 'option', 'combobox', 'slider', 'treeitem']);

export function keyTargetOf(target: EventTarget | null): KeyTarget {
  const el = target as ElementLike | null;
  if (!el || typeof el.tagName !== 'string') return 'page';
  if (TEXT_TAGS.has(el.tagName) || el.isContentEditable) return 'typing';
  if (CONTROL_TAGS.has(el.tagName)) return 'control';
  const role = el.getAttribute?.('role');
  return role && CONTROL_ROLES.has(role) ? 'control' : 'page';
}
