import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClassTag } from '../../../renderer/features/tiers/ClassTag';

/** The attributes of the tag's own element (the first one drawn), by name. */
function tagAttributes(html: string): Record<string, string> {
  const open = /^<span\b([^>]*)>/.exec(html);
  expect(open, html).not.toBeNull();
  return Object.fromEntries([...open![1]!.matchAll(/\s([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/**
 * A class can be a name a user typed (an industry, a size): in Arabic or Hebrew with digits, set beside Latin words
 * without an isolate, its digits and the words around it trade places. The tag isolates it as every other
 * user-value box does (UserText, UserParagraph): dir="auto", the whole name on hover.
 */
describe('the class tag', () => {
  it.each([
    ['Arabic', 'شركة النور للتجارة 2024-117'],
    ['Hebrew', 'חברת שלום בע"מ (12345)'],
    ['a class of the app', 'Gold'],
  ])('takes its own direction for %s', (_, label) => {
    const attributes = tagAttributes(renderToStaticMarkup(createElement(ClassTag, { scheme: 'industry', classKey: label, label })));
    expect(attributes.class).toContain('ant-tag');
    expect(attributes.dir).toBe('auto');
    expect(attributes.title).toBe(label.replace(/"/g, '&quot;'));
  });
});
