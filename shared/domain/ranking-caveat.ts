import type { SchemeCuts } from '../segmentation';

/**
 * When a ranked class cannot mean what its name says (docs/segmentation.md "What the app shows"). Scores and
 * shares rank a customer among the others: among fewer than five there is no "top fifth" to be in (a lone buyer
 * is R1 F1 M1, "hibernating", the day they bought), and where every ranked customer lands in the same class the
 * ranking told nobody apart (three equal customers are all "high value" and all "hibernating"). The engine's
 * classes stay as they are; the screens and the command line say this beside them.
 */

/** Fewer ranked customers than this, and a quintile score or a tier share says little. */
export const FEW_TO_RANK = 5;

/** The classes of ranked schemes that hold the customers without an order in the window (behavior's `potential`): not ranked. */
export const UNRANKED_CLASSES: ReadonlySet<string> = new Set(['none', 'potential']);

export type RankingCaveat = { reason: 'few' | 'tied'; ranked: number };

/** The counts of a scheme (or of one group of a partition) and its cuts, as segments:overview and the engine give them. */
export function rankingCaveat(cuts: SchemeCuts, counts: Readonly<Record<string, number>>): RankingCaveat | null {
  const ranked = rankedCount(cuts, counts);
  if (ranked === null || ranked === 0) return null;
  if (ranked < FEW_TO_RANK) return { reason: 'few', ranked };
  // Fixed value-score thresholds may rightly put everyone in one tier; shares and quintiles cannot, unless all tie.
  if (cuts.kind === 'value' && cuts.mode === 'thresholds') return null;
  const classesHeld = Object.entries(counts).filter(([classKey, count]) => !UNRANKED_CLASSES.has(classKey) && count > 0).length;
  return classesHeld === 1 ? { reason: 'tied', ranked } : null;
}

type ClassCount = { classKey: string; count: number };
type Overview = { cuts: SchemeCuts; classes: readonly ClassCount[]; groups: readonly { group: string; cuts: SchemeCuts; classes: readonly ClassCount[] }[] | null };

/**
 * A scheme's caveat from its summary (segments:overview), or each group's under a partition (only `onlyGroup`
 * when one is asked for); empty when its classes can be believed. The Tiered lists screen and `tiers` say these.
 */
export function overviewCaveats(overview: Overview, onlyGroup?: string): { group?: string; caveat: RankingCaveat }[] {
  const counts = (classes: readonly ClassCount[]) => Object.fromEntries(classes.map((c) => [c.classKey, c.count]));
  if (!overview.groups) {
    const caveat = rankingCaveat(overview.cuts, counts(overview.classes));
    return caveat ? [{ caveat }] : [];
  }
  return overview.groups.flatMap((g) => {
    const caveat = onlyGroup === undefined || onlyGroup === g.group ? rankingCaveat(g.cuts, counts(g.classes)) : null;
    return caveat ? [{ group: g.group, caveat }] : [];
  });
}

/**
 * How many customers the scheme ranked, or null when its classes do not come from a ranking: fixed thresholds
 * of money, a fixed order count, and the schemes that read one customer's own data. Value thresholds are set on
 * value scores, themselves ranks, so they keep their caveat.
 */
function rankedCount(cuts: SchemeCuts, counts: Readonly<Record<string, number>>): number | null {
  switch (cuts.kind) {
    case 'rfm':
    case 'rf_segment':
    case 'value':
      return cuts.buyers;
    case 'pyramid':
      return cuts.mode === 'shares' ? cuts.ranked : null;
    case 'behavior':
      // Customers without an order in the window are `potential`: not ranked.
      return cuts.basis === 'median' ? (counts.high_frequency ?? 0) + (counts.low_frequency ?? 0) : null;
    default:
      return null;
  }
}
