import type { CSSProperties } from 'react';
import './user-text.css';

/**
 * A paragraph the user wrote (a follow-up's content, its outcome). Unlike a name it is read in full, so it
 * wraps instead of being cut; but it keeps the lines the user typed (a plain <div> folded them into one),
 * breaks a long link or code that has no space instead of running past its box, and `dir="auto"` lays an
 * Arabic or Hebrew paragraph right to left with its digits in place ("تم 100%" read as "100 تم%" in a
 * left-to-right box).
 */
export function UserParagraph({ text, secondary, testId, style }: { text: string; secondary?: boolean; testId?: string; style?: CSSProperties }) {
  return (
    <div className={secondary ? 'user-paragraph user-paragraph-secondary' : 'user-paragraph'} dir="auto" data-testid={testId} style={style}>
      {text}
    </div>
  );
}
