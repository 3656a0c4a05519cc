import type { ClassFigures } from '../../shared/contract/reports';

/** What one class (or the unclassified, or everyone) added up to in one period, before any ratio. */
export interface Tally {
  customers: number;
  revenueMinor: number;
  sales: number;
  returns: number;
  buyers: number;
  followUps: number;
  satisfactionSum: number;
  satisfactionFollowUps: number;
  satisfactionCustomers: number;
  /** Cohort customers whose class has a contact cadence (coverage's denominator). */
  cadenceCustomers: number;
  covered: number;
  costedRevenueMinor: number;
  costMinor: number;
  costed: number;
}

export const emptyTally = (): Tally => ({
  customers: 0,
  revenueMinor: 0,
  sales: 0,
  returns: 0,
  buyers: 0,
  followUps: 0,
  satisfactionSum: 0,
  satisfactionFollowUps: 0,
  satisfactionCustomers: 0,
  cadenceCustomers: 0,
  covered: 0,
  costedRevenueMinor: 0,
  costMinor: 0,
  costed: 0,
});

export function addTally(into: Tally, t: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += t[key];
}

/** a ÷ b, or null when b is 0 (an empty cohort has no rate, which is not the same as a rate of 0). */
const per = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Growth of revenue against an earlier period: null unless the earlier revenue was positive. */
export const growth = (now: number, before: number | undefined): number | null => (before === undefined || before <= 0 ? null : (now - before) / before);

/**
 * The figures docs/evaluation.md defines, from a period's tally. `totalRevenueMinor`: everyone's net
 * revenue in the period (the share's denominator); `before`/`yearBefore`: the same class's revenue then.
 */
export function figuresOf(t: Tally, totalRevenueMinor: number, before: number | undefined, yearBefore: number | undefined): ClassFigures {
  const retention = per(t.buyers, t.customers);
  return {
    customers: t.customers,
    revenueMinor: t.revenueMinor,
    revenueShare: totalRevenueMinor > 0 ? t.revenueMinor / totalRevenueMinor : null,
    orders: t.sales,
    returns: t.returns,
    aovMinor: t.sales === 0 ? null : Math.round(t.revenueMinor / t.sales),
    purchaseFrequency: per(t.sales, t.customers),
    buyers: t.buyers,
    followUps: t.followUps,
    followUpFrequency: per(t.followUps, t.customers),
    retained: t.buyers,
    retentionRate: retention,
    churnRate: retention === null ? null : 1 - retention,
    growthRate: growth(t.revenueMinor, before),
    yoyGrowthRate: growth(t.revenueMinor, yearBefore),
    satisfactionAvg: t.satisfactionFollowUps === 0 ? null : t.satisfactionSum / t.satisfactionFollowUps,
    satisfactionN: t.satisfactionCustomers,
    satisfactionFollowUps: t.satisfactionFollowUps,
    covered: t.covered,
    coverageRate: per(t.covered, t.cadenceCustomers),
    ...(t.costed > 0 ? { grossProfitMinor: t.costedRevenueMinor - t.costMinor, costedRevenueMinor: t.costedRevenueMinor } : {}),
  };
}
