import type { CSSProperties } from 'react';
import './user-text.css';

/**
 * A value the user typed, shown inside the app's own words. Two things go wrong with such text and not with
 * ours: it can be far longer than its box (a 120-character name), and it can run right to left (an Arabic or
 * Hebrew name followed by digits). So it keeps to one line with an ellipsis and the whole text on hover, and
 * `dir="auto"` isolates it: its digits and punctuation stay with it, instead of trading places with the
 * company, owner or figures beside it.
 */
export function UserText({ text, strong, style, testId }: { text: string; strong?: boolean; style?: CSSProperties; testId?: string }) {
  const Element = strong ? 'strong' : 'span';
  return (
    <Element className="user-text" dir="auto" title={text} data-testid={testId} style={style}>
      {text}
    </Element>
  );
}
