import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, PageCache } from '../../../renderer/components/page-cache';

/** A page of rows named by query and index, as a server would answer it. */
const page = (query: string, n: number) => Array.from({ length: PAGE_SIZE }, (_, i) => `${query}#${n * PAGE_SIZE + i}`);

/** Loads `pages` of `query` into the cache the way the hook does: begin, then settle with the answer. */
function load(cache: PageCache<string>, query: string, pages: number[], generation = cache.generation) {
  for (const n of pages) if (cache.begin(n)) cache.settle(n, generation, page(query, n));
}

describe('the pages a list has loaded', () => {
  it('a first start loads the first page; a range shown asks for its pages, once each', () => {
    const cache = new PageCache<string>();
    expect(cache.restart(false)).toEqual({ generation: 1, pages: [0] });
    load(cache, 'a', [0]);
    expect(cache.pagesFor({ first: 180, last: 215 })).toEqual([1, 2]);
    expect(cache.begin(1)).toBe(true);
    expect(cache.begin(1)).toBe(false);
    cache.settle(1, 1, page('a', 1));
    expect(cache.begin(1)).toBe(false);
    expect(cache.rowAt(185)).toBe('a#185');
    expect(cache.rowAt(250)).toBeUndefined();
  });

  it('asked again for the same query, the rows shown stay until their pages come back, and those pages are asked for at once', () => {
    const cache = new PageCache<string>();
    cache.restart(false);
    load(cache, 'old', [0]);
    load(cache, 'old', cache.pagesFor({ first: 180, last: 215 }));
    const again = cache.restart(true);
    expect(again).toEqual({ generation: 2, pages: [0, 1, 2] });
    // Nothing drawn blank meanwhile: the earlier answer stands in.
    expect(cache.rowAt(185)).toBe('old#185');
    // Each page is replaced as it comes back.
    load(cache, 'new', [1]);
    expect(cache.rowAt(185)).toBe('new#185');
    expect(cache.rowAt(205)).toBe('old#205');
    load(cache, 'new', [2]);
    expect(cache.rowAt(205)).toBe('new#205');
    // A page shown before but not now is kept as it was, and asked for again when it is shown.
    expect(cache.rowAt(5)).toBe('old#5');
    expect(cache.begin(0)).toBe(true);
  });

  it('a new query shows nothing of the old one and starts from its first page', () => {
    const cache = new PageCache<string>();
    cache.restart(false);
    load(cache, 'a', [0]);
    load(cache, 'a', cache.pagesFor({ first: 300, last: 340 }));
    expect(cache.restart(false)).toEqual({ generation: 2, pages: [0] });
    expect(cache.rowAt(5)).toBeUndefined();
    expect(cache.rowAt(310)).toBeUndefined();
  });

  it('a new query opened at a known range loads only that range\'s pages, and asked again reloads them with the first', () => {
    const cache = new PageCache<string>();
    expect(cache.restart(false, { first: 2_130, last: 2_150 })).toEqual({ generation: 1, pages: [21] });
    expect(cache.restart(false, { first: 2_190, last: 2_215 })).toEqual({ generation: 2, pages: [21, 22] });
    load(cache, 'a', [21, 22]);
    expect(cache.rowAt(2_200)).toBe('a#2200');
    // The same query again (after a write): the range it opened on stays shown and is asked for again.
    expect(cache.restart(true, { first: 0, last: 10 })).toEqual({ generation: 3, pages: [0, 21, 22] });
    expect(cache.rowAt(2_200)).toBe('a#2200');
    // Without a range, a new query starts from its first page.
    expect(cache.restart(false)).toEqual({ generation: 4, pages: [0] });
  });

  it('an answer to an earlier generation is dropped, and leaves the page free to be asked for again', () => {
    const cache = new PageCache<string>();
    cache.restart(false);
    expect(cache.begin(0)).toBe(true);
    const { generation } = cache.restart(true);
    expect(cache.settle(0, generation - 1, page('stale', 0))).toBe(false);
    expect(cache.rowAt(0)).toBeUndefined();
    expect(cache.begin(0)).toBe(true);
    expect(cache.settle(0, generation, page('b', 0))).toBe(true);
    expect(cache.rowAt(0)).toBe('b#0');
  });

  it('a failed answer leaves the page to be asked for again, and what was shown stays', () => {
    const cache = new PageCache<string>();
    cache.restart(false);
    load(cache, 'a', [0]);
    const { generation } = cache.restart(true);
    expect(cache.begin(0)).toBe(true);
    expect(cache.settle(0, generation, undefined)).toBe(true);
    expect(cache.rowAt(0)).toBe('a#0');
    expect(cache.begin(0)).toBe(true);
  });

  it('restarts in a row keep the newest rows each page had', () => {
    const cache = new PageCache<string>();
    cache.restart(false);
    load(cache, 'v1', [0, 1]);
    cache.restart(true);
    load(cache, 'v2', [1]);
    cache.restart(true);
    expect(cache.rowAt(150)).toBe('v2#150');
    expect(cache.rowAt(50)).toBe('v1#50');
  });
});
