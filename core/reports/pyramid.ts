import { PARETO_POINTS } from '../../shared/contract/reports';

/** Cumulative revenue share of the top k % of customers by revenue, k = 0 … 100; empty when nobody has revenue. */
export function paretoCurve(revenues: readonly number[]): { customerShare: number; revenueShare: number }[] {
  const total = revenues.reduce((a, b) => a + b, 0);
  if (revenues.length === 0 || total <= 0) return [];
  const sorted = [...revenues].sort((a, b) => b - a);
  const cumulative = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) cumulative[i + 1] = cumulative[i]! + sorted[i]!;
  const steps = PARETO_POINTS - 1;
  return Array.from({ length: PARETO_POINTS }, (_, k) => ({ customerShare: k / steps, revenueShare: cumulative[Math.round((k / steps) * sorted.length)]! / total }));
}
