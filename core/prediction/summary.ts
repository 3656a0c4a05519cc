/** The model's fit in the contract's shape (shared by the CLI, the handlers and the holdout check). */
import type { FitSummary } from '../../shared/contract/prediction';
import type { ModelSummary } from '../../shared/prediction';

export function fitSummaryOf(model: ModelSummary): FitSummary {
  const { params, ll, customers, repeatBuyers } = model.bgnbd;
  const gg = model.gammaGamma;
  return {
    bgnbd: { r: params.r, alpha: params.alpha, a: params.a, b: params.b, ll },
    ...(gg ? { gammaGamma: { p: gg.params.p, q: gg.params.q, gamma: gg.params.gamma, ll: gg.ll } } : {}),
    customers,
    repeatBuyers,
    method: model.method,
    fallbackReason: model.fallbackReason,
    spendMethod: model.spendMethod,
    unit: model.unit,
  };
}
