import type { TFunction } from 'i18next';
import { rfSegmentOf, spellingOf, type ClassSpellings, type MoveHint, type TierBasis } from '../../../shared/segmentation';
import { countryName, formatDate, formatMoney } from '../../components/format';

/** The analysis window the order-based schemes look at (the engine's `window` setting). */
export type TierWindow = { kind: 'all' } | { kind: 'days'; days: number };

/** Schemes computed from orders in the window: their 'none' class means "no orders in the window". */
export const WINDOW_SCHEMES: ReadonlySet<string> = new Set(['rfm', 'rf_segment', 'value', 'pyramid', 'behavior', 'loyalty']);

/** What the pyramid and the value scheme rank by (the tier settings' pyramid.basis and value.basis). */
export type TierBases = Readonly<Record<'pyramid' | 'value', TierBasis>>;

/**
 * What a class's label depends on besides its key, all from the settings in effect: the analysis window, what the
 * ranked schemes rank by, and how free-text classes are spelled (segments:classSpellings). Each is undefined until read.
 */
export interface ClassLabelEnv {
  window?: TierWindow;
  bases?: TierBases;
  spellings?: ClassSpellings;
}

/**
 * A pyramid ranked by predicted value ranks every customer with a predicted value, whatever they ordered in the window,
 * and leaves out everyone without one, buyers of today included: it is not computed from the window's orders.
 * (Value ranked by predicted value still scores the window's buyers, a missing prediction counting as 0.)
 */
function ranksPredictedValue(scheme: string, bases: TierBases | undefined): boolean {
  return scheme === 'pyramid' && bases?.pyramid === 'predicted';
}

/** Whether a scheme's classes are computed from the window's orders under these bases. */
function countsWindowOrders(scheme: string, bases: TierBases | undefined): boolean {
  return WINDOW_SCHEMES.has(scheme) && !ranksPredictedValue(scheme, bases);
}

/** "12个月" / "the last 12 months": whole years and months read as months, anything else as days. */
export function periodText(t: TFunction, window: TierWindow, form: 'period' | 'short' = 'period'): string {
  if (window.kind === 'all') return t(`tierLabels:${form}.all`);
  const { days } = window;
  const months = days % 365 === 0 ? (days / 365) * 12 : days % 30 === 0 ? days / 30 : null;
  return months !== null ? t(`tierLabels:${form}.months`, { count: months }) : t(`tierLabels:${form}.days`, { count: days });
}

/** "近12个月" / "last 12 months", for column headers and totals. */
export function windowText(t: TFunction, window: TierWindow): string {
  return periodText(t, window, 'short');
}

/** Display name of a scheme key ("custom:<id>" shows the segment's own name). */
export function schemeLabel(t: TFunction, scheme: string, customNames: ReadonlyMap<string, string>): string {
  if (scheme.startsWith('custom:')) return customNames.get(scheme.slice('custom:'.length)) ?? scheme;
  return t(`tiers:schemes.${scheme}`);
}

const RFM_CODE = /^[1-5]{3}$/;

/**
 * Class keys are stable names; the profile schemes reuse the customer vocabularies. A free-text class's key is
 * lower-cased text: it shows by the spelling its customers use most (`spellings`, segments:classSpellings).
 * 'none' names the window it covers: a customer with years of revenue and no order this year is not "No orders".
 * Without a window (not loaded yet) it still says "in the analysis window", never a bare "No orders". A pyramid ranked
 * by predicted value puts customers without one in 'none', whether they ordered or not: "Not ranked: no predicted
 * value", the explanation drawer's words.
 */
export function classLabel(t: TFunction, scheme: string, classKey: string, language: string, env: ClassLabelEnv = {}): string {
  const { window, spellings } = env;
  if (classKey === 'none') {
    if (ranksPredictedValue(scheme, env.bases)) return t('tierSettings:predicted.unranked');
    if (!window) return t('tierLabels:noneAnyWindow');
    return window.kind === 'all' ? t('tierLabels:noneEver') : t('tierLabels:noneInWindow', { period: periodText(t, window) });
  }
  if (classKey === 'unknown') return t('tiers:classes.unknown');
  switch (scheme) {
    case 'rfm':
      // The R×F segment says what the code means; the code stays for those who read scores.
      return RFM_CODE.test(classKey)
        ? t('tierLabels:rfmCode', { segment: t(`tiers:classes.${rfSegmentOf(Number(classKey[0]), Number(classKey[1]))}`), code: classKey })
        : classKey;
    case 'industry':
    case 'income':
    case 'size':
      return spellingOf(spellings, scheme, classKey) ?? classKey;
    case 'country':
      return countryName(classKey.toUpperCase(), language);
    case 'type':
      return t(`common:customerType.${classKey}`);
    case 'locality':
      return t(`common:locality.${classKey}`);
    case 'needs':
      return t(`common:needs.${classKey}`);
    case 'intent':
      return t(`common:intent.${classKey}`);
    default:
      return t(`tiers:classes.${classKey}`, { defaultValue: classKey });
  }
}

/** The profile value an attribute class came from, in words: 'overseas' → "海外", 'CN' → "中国"; free text as typed. */
export function profileValueText(t: TFunction, scheme: string, value: string, language: string): string {
  switch (scheme) {
    case 'locality':
    case 'type':
    case 'needs':
      return classLabel(t, scheme, value, language);
    case 'country':
    case 'continent':
      return countryName(value.trim().toUpperCase(), language);
    default:
      return value;
  }
}

/** A tier column's header: the scheme's name with the window it covers, when it depends on one. */
export function schemeColumnLabel(t: TFunction, scheme: string, label: string, env: ClassLabelEnv): string {
  return env.window && countsWindowOrders(scheme, env.bases) ? t('tierLabels:columnWindow', { label, window: windowText(t, env.window) }) : label;
}

/** A tier column header's tooltip: what the column is computed from. */
export function schemeColumnTooltip(t: TFunction, scheme: string, label: string, env: ClassLabelEnv): string {
  if (ranksPredictedValue(scheme, env.bases)) return t('tierLabels:columnTooltipPredicted', { label, none: classLabel(t, scheme, 'none', '', env) });
  if (!env.window || !WINDOW_SCHEMES.has(scheme)) return t('tierLabels:columnTooltipProfile', { label });
  return t('tierLabels:columnTooltip', { label, window: periodText(t, env.window), none: classLabel(t, scheme, 'none', '', env) });
}

export interface HintEnv extends ClassLabelEnv {
  language: string;
  currency: string;
  /** The customer's window figures: with them a score hint says how much more, not the bare target. */
  current?: { orderCount: number; revenueMinor: number; followUpCount: number };
  /**
   * The scheme's money basis for this customer (from the explanation): with gross profit, "spend more" is
   * "earn more gross profit", counted from basisAmount. Revenue when the customer fell back to it.
   */
  basis?: string;
  basisAmount?: number;
}

/** HintEnv for one explanation: its basis, unless gross profit fell back to revenue for want of cost data. */
export function hintEnvFor(env: HintEnv, explanation: Readonly<Record<string, unknown>>): HintEnv {
  const basis = explanation.fellBackToRevenue === true ? 'revenue' : typeof explanation.basis === 'string' ? explanation.basis : undefined;
  const amount = typeof explanation.basisAmountMinor === 'number' ? explanation.basisAmountMinor : typeof explanation.rankValue === 'number' ? explanation.rankValue : undefined;
  return { ...env, basis, basisAmount: amount };
}

function scoreHint(t: TFunction, hint: Extract<MoveHint, { kind: 'reach_score' }>, env: HintEnv): string {
  const money = (minor: number) => formatMoney(minor, env.currency, env.language);
  const { score, value } = hint;
  const period = env.window ? periodText(t, env.window) : t('tierLabels:period.window');
  switch (hint.dimension) {
    case 'r':
      return t('tierLabels:hints.order_again', { score, value });
    case 'f':
      return env.current && value > env.current.orderCount
        ? t('tierLabels:hints.more_orders', { count: value - env.current.orderCount, score })
        : t('tierLabels:hints.at_least_orders', { count: value, score, period });
    case 'm':
      if (env.basis === 'gross_profit' && env.basisAmount !== undefined) return t('tierSettings:hints.profit_score', { amount: money(value - env.basisAmount), score });
      return env.current && value > env.current.revenueMinor
        ? t('tierLabels:hints.more_spend', { amount: money(value - env.current.revenueMinor), score })
        : t('tierLabels:hints.at_least_spend', { amount: money(value), score, period });
    case 'followUps':
      return env.current && value > env.current.followUpCount
        ? t('tierLabels:hints.more_followUps', { count: value - env.current.followUpCount, score })
        : t('tierLabels:hints.at_least_followUps', { count: value, score, period });
  }
}

/** One "what would move them" hint as a sentence in the UI language: actions and words, never "→ F4". */
export function hintText(t: TFunction, hint: MoveHint, scheme: string, env: HintEnv): string {
  const cls = (key: string) => classLabel(t, scheme, key, env.language, env);
  const money = (minor: number) => formatMoney(minor, env.currency, env.language);
  const date = (d: string) => formatDate(d, env.language);
  switch (hint.kind) {
    case 'spend_more':
      if (env.basis === 'gross_profit') {
        return t(hint.by ? 'tierSettings:hints.profit_more_by' : 'tierSettings:hints.profit_more', { amount: money(hint.amountMinor), by: hint.by && date(hint.by), toClass: cls(hint.toClass) });
      }
      return t(hint.by ? 'tiers:hints.spend_more_by' : 'tiers:hints.spend_more', { amount: money(hint.amountMinor), by: hint.by && date(hint.by), toClass: cls(hint.toClass) });
    case 'order_more':
      return t(hint.by ? 'tierLabels:hints.order_more_by' : 'tierLabels:hints.order_more', { count: hint.orders, by: hint.by && date(hint.by), toClass: cls(hint.toClass) });
    case 'order_within':
      return t('tierLabels:hints.order_within', { count: hint.days, by: date(hint.by), keeps: cls(hint.keeps) });
    case 'changes_on':
      return t('tiers:hints.changes_on', { date: date(hint.date), toClass: cls(hint.toClass) });
    case 'place_order':
      return t('tiers:hints.place_order', { toClass: cls(hint.toClass) });
    case 'raise_value_score':
      return t('tiers:hints.raise_value_score', { points: Math.round(hint.points * 100) / 100, toClass: cls(hint.toClass) });
    case 'reach_score': {
      const text = scoreHint(t, hint, env);
      return hint.toClass ? text + t('tiers:hints.toClass', { toClass: cls(hint.toClass) }) : text;
    }
  }
}
