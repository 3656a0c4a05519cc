import { describe, expect, it } from 'vitest';
import { keyTargetOf } from '../../../renderer/components/key-target';

/** Just enough of an element for the check: a tag, maybe editable, maybe a role. */
const el = (tagName: string, attrs: Record<string, string> = {}, isContentEditable = false) => ({ tagName, isContentEditable, getAttribute: (name: string) => attrs[name] ?? null }) as unknown as EventTarget;

describe('where a key on a list screen landed', () => {
  it('text fields (and anything editable) take keys as text: no shortcut fires there', () => {
    expect(keyTargetOf(el('INPUT'))).toBe('typing');
    expect(keyTargetOf(el('TEXTAREA'))).toBe('typing');
    expect(keyTargetOf(el('SELECT'))).toBe('typing');
    expect(keyTargetOf(el('DIV', {}, true))).toBe('typing');
  });

  it('a focused button or link keeps its Enter: it is not the selected row\'s', () => {
    expect(keyTargetOf(el('BUTTON'))).toBe('control');
    expect(keyTargetOf(el('A'))).toBe('control');
    expect(keyTargetOf(el('SPAN', { role: 'button' }))).toBe('control');
    expect(keyTargetOf(el('DIV', { role: 'tab' }))).toBe('control');
    expect(keyTargetOf(el('SPAN', { role: 'checkbox' }))).toBe('control');
  });

  it('the page, the list, a scrolled box or nothing in focus: the list\'s keys', () => {
    expect(keyTargetOf(el('BODY'))).toBe('page');
    expect(keyTargetOf(el('DIV'))).toBe('page');
    expect(keyTargetOf(el('DIV', { role: 'row' }))).toBe('page');
    expect(keyTargetOf(null)).toBe('page');
    expect(keyTargetOf(windowLike())).toBe('page');
  });
});

/** A keydown dispatched on the window itself has the window as its target: no tag at all. */
function windowLike(): EventTarget {
  return { addEventListener() {} } as unknown as EventTarget;
}
