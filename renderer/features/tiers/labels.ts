import type { TFunction } from 'i18next';
import type { MoveHint } from '../../../shared/segmentation';
import { countryName, formatDate, formatMoney } from '../../components/format';

/** Display name of a scheme key ("custom:<id>" shows the segment's own name). */
export function schemeLabel(t: TFunction, scheme: string, customNames: ReadonlyMap<string, string>): string {
  if (scheme.startsWith('custom:')) return customNames.get(scheme.slice('custom:'.length)) ?? scheme;
  return t(`tiers:schemes.${scheme}`);
}

/** Class keys are stable names; the profile schemes reuse the customer vocabularies, free text shows as typed. */
export function classLabel(t: TFunction, scheme: string, classKey: string, language: string): string {
  if (classKey === 'none' || classKey === 'unknown') return t(`tiers:classes.${classKey}`);
  switch (scheme) {
    case 'rfm':
    case 'industry':
    case 'income':
    case 'size':
      return classKey;
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

/** One "what would move them" hint as a sentence in the UI language. */
export function hintText(t: TFunction, hint: MoveHint, scheme: string, env: { language: string; currency: string }): string {
  const cls = (key: string) => classLabel(t, scheme, key, env.language);
  const money = (minor: number) => formatMoney(minor, env.currency, env.language);
  const date = (d: string) => formatDate(d, env.language);
  switch (hint.kind) {
    case 'spend_more':
      return t(hint.by ? 'tiers:hints.spend_more_by' : 'tiers:hints.spend_more', { amount: money(hint.amountMinor), by: hint.by && date(hint.by), toClass: cls(hint.toClass) });
    case 'order_more':
      return t(hint.by ? 'tiers:hints.order_more_by' : 'tiers:hints.order_more', { count: hint.orders, by: hint.by && date(hint.by), toClass: cls(hint.toClass) });
    case 'order_within':
      return t('tiers:hints.order_within', { days: hint.days, by: date(hint.by), keeps: cls(hint.keeps) });
    case 'changes_on':
      return t('tiers:hints.changes_on', { date: date(hint.date), toClass: cls(hint.toClass) });
    case 'place_order':
      return t('tiers:hints.place_order', { toClass: cls(hint.toClass) });
    case 'raise_value_score':
      return t('tiers:hints.raise_value_score', { points: Math.round(hint.points * 100) / 100, toClass: cls(hint.toClass) });
    case 'reach_score': {
      const text = t(`tiers:hints.reach_${hint.dimension}`, { value: hint.value, amount: money(hint.value), score: hint.score });
      return hint.toClass ? text + t('tiers:hints.toClass', { toClass: cls(hint.toClass) }) : text;
    }
  }
}
