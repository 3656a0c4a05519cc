/**
 * loyalty: the four customer types of the loyalty literature (忠诚 / 潜在 / 边缘 / 流失), as a decision
 * list over the lifecycle class and the window R/F/M scores (first matching rule wins):
 *
 *   1 lifecycle churned                                   → churned    (rule 'churned')
 *   2 lifecycle potential (never ordered)                 → potential  ('never_ordered')
 *   3 F ≥ loyalMinF and R ≥ loyalMinR                     → loyal      ('frequent_and_recent')
 *   4 lifecycle new                                       → potential  ('new')
 *   5 R ≥ potentialMinR or M ≥ potentialMinM              → potential  ('recent_or_big')
 *   6 otherwise (incl. history but no order in window)    → marginal   ('otherwise')
 *
 * Rules 3 and 5 need window scores, so a customer without orders in the window skips them.
 */
import type { EngineConfig } from './config';
import { NO_MOVES } from './hints';
import type { Population } from './population';
import type { Ranking } from './ranking';
import type { LoyaltyClass } from './schemes';
import { classChangingHints } from './score-hints';
import type { Assignment, LoyaltyExplanation, LoyaltyRule, SchemeCuts } from './types';

type RfmScores = { r: number; f: number; m: number };

/** The class each rule puts a customer in. */
const CLASS_OF_RULE: Record<LoyaltyRule, LoyaltyClass> = {
  churned: 'churned',
  never_ordered: 'potential',
  frequent_and_recent: 'loyal',
  new: 'potential',
  recent_or_big: 'potential',
  otherwise: 'marginal',
};

/**
 * The first rule that applies, from the lifecycle class and the R/F/M scores (r = 0: no scores, the
 * customer bought nothing in the window). Plain numbers in, a string out: the class column runs it for
 * every customer without allocating.
 */
export function loyaltyRuleOf(lifecycle: string, r: number, f: number, m: number, t: EngineConfig['loyalty']): LoyaltyRule {
  if (lifecycle === 'churned') return 'churned';
  if (lifecycle === 'potential') return 'never_ordered';
  const scored = r > 0;
  if (scored && f >= t.loyalMinF && r >= t.loyalMinR) return 'frequent_and_recent';
  if (lifecycle === 'new') return 'new';
  if (scored && (r >= t.potentialMinR || m >= t.potentialMinM)) return 'recent_or_big';
  return 'otherwise';
}

export function loyaltyClassOf(lifecycle: string, r: number, f: number, m: number, t: EngineConfig['loyalty']): LoyaltyClass {
  return CLASS_OF_RULE[loyaltyRuleOf(lifecycle, r, f, m, t)];
}

export function classifyLoyalty(
  lifecycle: string,
  scores: RfmScores | null,
  t: EngineConfig['loyalty'],
): { classKey: LoyaltyClass; rule: LoyaltyRule } {
  const rule = scores ? loyaltyRuleOf(lifecycle, scores.r, scores.f, scores.m, t) : loyaltyRuleOf(lifecycle, 0, 0, 0, t);
  return { classKey: CLASS_OF_RULE[rule], rule };
}

export function assignLoyalty(pop: Population, ranking: Ranking, i: number, lifecycle: string, config: EngineConfig): Assignment<LoyaltyExplanation> {
  const scores = pop.orderCount[i]! > 0 ? { r: ranking.scores.r[i]!, f: ranking.scores.f[i]!, m: ranking.scores.m[i]! } : null;
  const { classKey, rule } = classifyLoyalty(lifecycle, scores, config.loyalty);
  // Churned and never-ordered customers move through the lifecycle scheme's place_order hint instead.
  const moves =
    scores && classKey !== 'churned'
      ? classChangingHints(ranking, pop, i, { ...scores, followUps: 0 }, ['r', 'f', 'm'], (s) => classifyLoyalty(lifecycle, s, config.loyalty).classKey)
      : NO_MOVES;
  return { classKey, explanation: { kind: 'loyalty', group: null, lifecycle, scores, rule, moves } };
}

export function loyaltyCuts(config: EngineConfig): SchemeCuts {
  return { kind: 'loyalty', ...config.loyalty };
}
