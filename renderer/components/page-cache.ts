/** Rows per page asked of the server. */
export const PAGE_SIZE = 100;

export interface RowRange {
  first: number;
  last: number;
}

/**
 * The pages of one server list a screen has loaded, without React, so its rules can be tested alone.
 *
 * Asked again for the same query (after a write, or when the tiers settle), the rows on screen stay
 * until their page comes back: cleared, every row past the first page was drawn blank, and stayed blank
 * until the user scrolled, as the table asks for its rows only when its range moves. A new query shows
 * nothing of the old one.
 */
export class PageCache<Row> {
  /** Bumped by every restart: an answer to an earlier generation is dropped. */
  generation = 0;
  private fresh = new Map<number, Row[]>();
  /** What was loaded before the last restart of the same query: shown until the page is loaded again. */
  private earlier = new Map<number, Row[]>();
  private pending = new Set<number>();
  private lastRange: RowRange | null = null;

  rowAt(index: number): Row | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    return (this.fresh.get(page) ?? this.earlier.get(page))?.[index % PAGE_SIZE];
  }

  /**
   * Starts over and says which pages to load at once: the first (any page carries the total) and, for the
   * same query, those of the range last shown. A new query whose screen knows where it will open (`openAt`:
   * Today past a collapsed group) loads that range's pages instead of the first. Returns the new generation
   * with them.
   */
  restart(sameQuery: boolean, openAt?: RowRange): { generation: number; pages: number[] } {
    this.generation += 1;
    this.earlier = sameQuery ? new Map([...this.earlier, ...this.fresh]) : new Map();
    this.fresh = new Map();
    this.pending = new Set();
    if (!sameQuery) this.lastRange = openAt ?? null;
    const pages = sameQuery || !openAt ? new Set([0, ...(this.lastRange ? pagesOf(this.lastRange) : [])]) : new Set(pagesOf(openAt));
    return { generation: this.generation, pages: [...pages] };
  }

  /** The pages a range of rows needs; remembered as the range shown, for the next restart. */
  pagesFor(range: RowRange): number[] {
    this.lastRange = range;
    return pagesOf(range);
  }

  /** Whether `page` should be asked for now; if so, it counts as asked until `settle`. */
  begin(page: number): boolean {
    if (this.fresh.has(page) || this.pending.has(page)) return false;
    this.pending.add(page);
    return true;
  }

  /** An answer (or a failure: rows undefined) for `page`; false when it belongs to an earlier generation. */
  settle(page: number, generation: number, rows: Row[] | undefined): boolean {
    if (generation !== this.generation) return false;
    this.pending.delete(page);
    if (rows !== undefined) this.fresh.set(page, rows);
    return true;
  }
}

function pagesOf(range: RowRange): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(range.first / PAGE_SIZE); page <= Math.floor(range.last / PAGE_SIZE); page++) pages.push(page);
  return pages;
}
