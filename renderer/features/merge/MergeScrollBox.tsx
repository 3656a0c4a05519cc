import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * What a merge unites (notes, tags, contacts) for one customer or for the result, in a box of bounded height that
 * scrolls: two notes of 4,000 characters in columns a few words wide made their row five screens tall, and the rows
 * below it, the contacts, were out of reach. Only a box that does scroll takes a Tab stop, so the keyboard scrolls it too.
 */
export function MergeScrollBox({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const node = box.current;
    if (node) setScrolls(node.scrollHeight > node.clientHeight);
  });
  return (
    <div ref={box} className="merge-scroll" tabIndex={scrolls ? 0 : undefined}>
      {children}
    </div>
  );
}
