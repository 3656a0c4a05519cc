import { RF_SEGMENTS } from '../../../shared/segmentation/schemes';
import { rfSegmentOf } from '../../../shared/segmentation';

export interface SummaryRow {
  classKey: string;
  count: number;
  revenueMinor: number;
  /** Null when the window's net revenue is not positive (segments:overview). */
  revenueShare: number | null;
  children?: SummaryRow[];
}

const RFM_CODE = /^[1-5]{3}$/;

/**
 * RFM cells under their R×F segment ('segment:<key>' rows with summed figures), in the segments' order,
 * best cell first inside each; cells that are not codes ('none') stay at the top level, last.
 */
export function groupRfmCells(cells: readonly SummaryRow[]): SummaryRow[] {
  const bySegment = new Map<string, SummaryRow[]>();
  const rest: SummaryRow[] = [];
  for (const cell of cells) {
    if (!RFM_CODE.test(cell.classKey)) {
      rest.push(cell);
      continue;
    }
    const segment = rfSegmentOf(Number(cell.classKey[0]), Number(cell.classKey[1]));
    const list = bySegment.get(segment) ?? [];
    list.push(cell);
    bySegment.set(segment, list);
  }
  const groups = RF_SEGMENTS.filter((s) => bySegment.has(s)).map((segment) => {
    const children = [...bySegment.get(segment)!].sort((a, b) => b.classKey.localeCompare(a.classKey));
    return {
      classKey: `segment:${segment}`,
      count: children.reduce((n, c) => n + c.count, 0),
      revenueMinor: children.reduce((n, c) => n + c.revenueMinor, 0),
      // No share for the segment when its cells have none (a window netting to zero or a loss).
      revenueShare: children.some((c) => c.revenueShare === null) ? null : children.reduce((n, c) => n + c.revenueShare!, 0),
      children,
    };
  });
  return [...groups, ...rest];
}
