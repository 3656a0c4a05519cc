import './user-text.css';

/**
 * An amount set in a box of its own beside others (a card's statistic, a table cell). It never breaks inside
 * ("CN¥15,620.|76" read as two numbers), and where its box is narrower than the amount — the largest the app stores
 * is CN¥90,071,992,547,409.91 — it ends in … inside the box instead of running over its neighbour, whole on hover.
 */
export function FigureText({ text, testId }: { text: string; testId?: string }) {
  return (
    <span className="figure-text figure-fit" title={text} data-testid={testId}>
      {text}
    </span>
  );
}
