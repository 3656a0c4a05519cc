import type { TFunction } from 'i18next';
import { CUSTOMER_TYPES, LOCALITIES, MANUAL_LEVELS, NEEDS } from '../../../shared/contract/enums';
import { minorDigits } from '../../../shared/domain/money';
import { isFreeTextScheme, shownText, spellingOf, textKey, type Condition, type ProfileField, type RuleGroup, type RuleTrace } from '../../../shared/segmentation';
import { countryName, formatMoney } from '../../components/format';
import { classLabel, type ClassLabelEnv } from './labels';

/**
 * Profile fields stored as keys (or codes), with the vocabulary a rule must compare against. A rule on
 * these fields is built from choices, never typed, because the customer holds 'local', not "本地".
 * Sources and owners come from the shop's own lists (customers:facets).
 */
export const KEYED_FIELDS: Partial<Record<ProfileField, readonly string[] | 'country' | 'source' | 'owner'>> = {
  type: CUSTOMER_TYPES,
  locality: LOCALITIES,
  needs: NEEDS,
  manualLevel: MANUAL_LEVELS,
  country: 'country',
  source: 'source',
  owner: 'owner',
};

export const MONEY_METRICS: ReadonlySet<string> = new Set(['revenue', 'averageOrderValue']);

/** A stored profile value as the user reads it: "local" → "本地", "CN" → "中国", "walk_in" → "到店". */
export function fieldValueLabel(t: TFunction, field: string, value: string, language: string): string {
  switch (field) {
    case 'type':
      return t(`common:customerType.${value}`, { defaultValue: value });
    case 'locality':
      return t(`common:locality.${value}`, { defaultValue: value });
    case 'needs':
      return t(`common:needs.${value}`, { defaultValue: value });
    case 'country':
      return countryName(value.toUpperCase(), language);
    case 'source':
      return t(`common:source.${value}`, { defaultValue: value });
    default:
      return value;
  }
}

export function opLabel(t: TFunction, op: string): string {
  return t(`tiers:custom.ops.${op}`);
}

/** Spellings: free-text classes by their customers' spelling, by the rule's own text until read; window and bases: what 'none' means. */
interface RuleEnv extends ClassLabelEnv {
  language: string;
  currency: string;
}

/**
 * A class a rule names, as the user reads it. A free-text class (industry, income, size) is matched by its key
 * (shared/segmentation custom-eval.ts), so the rule may hold the key or the text as typed: either way it is shown
 * by its customers' spelling, or as the rule has it, tidied, when nobody spells it.
 */
function ruleClassLabel(t: TFunction, scheme: string, classKey: string, env: RuleEnv): string {
  if (!isFreeTextScheme(scheme)) return classLabel(t, scheme, classKey, env.language, env);
  return spellingOf(env.spellings, scheme, textKey(classKey)) ?? shownText(classKey) ?? classKey;
}

/** One condition as a sentence: "地域 等于 本地", "Revenue in window ≥ ¥1,000.00", "Pyramid is one of Gold, Platinum". */
export function conditionText(t: TFunction, c: Condition, env: RuleEnv): string {
  const join = (items: string[]) => items.join(env.language.startsWith('zh') ? '、' : ', ');
  switch (c.kind) {
    case 'field': {
      const field = t(`tiers:custom.fields.${c.field}`);
      if (c.op === 'is_empty' || c.op === 'is_not_empty') return `${field} ${opLabel(t, c.op)}`;
      if (c.op === 'in') return `${field} ${opLabel(t, 'in')} ${join(c.values.map((v) => fieldValueLabel(t, c.field, v, env.language)))}`;
      const { value } = c as Extract<Condition, { value: string }>;
      return `${field} ${opLabel(t, c.op)} ${fieldValueLabel(t, c.field, value, env.language)}`;
    }
    case 'tag':
      return `${t('tiers:custom.kinds.tag')} ${opLabel(t, c.op)} ${c.tag}`;
    case 'metric': {
      const metric = t(`tiers:custom.metrics.${c.metric}`);
      const show = (v: number) => (MONEY_METRICS.has(c.metric) ? formatMoney(v, env.currency, env.language) : String(v));
      if (c.op === 'between') return `${metric} ${opLabel(t, 'between')} ${show(c.min)} – ${show(c.max)}`;
      return `${metric} ${opLabel(t, c.op)} ${show(c.value)}`;
    }
    case 'in_scheme':
      return `${t(`tiers:schemes.${c.scheme}`)} ${opLabel(t, 'in')} ${join(c.classes.map((k) => ruleClassLabel(t, c.scheme, k, env)))}`;
  }
}

export interface RuleLine {
  depth: number;
  text: string;
  /** From the explanation's trace: whether this customer meets the line; undefined when only the rule is shown. */
  met?: boolean;
}

/** A rule tree as indented lines, with each line's result when a trace is given (same shape as the rule). */
export function ruleLines(t: TFunction, group: RuleGroup, env: RuleEnv, trace?: RuleTrace, depth = 0): RuleLine[] {
  const lines: RuleLine[] = [{ depth, text: t(`tierLabels:rule.${group.op}`), met: trace?.result }];
  group.conditions.forEach((child, i) => {
    const childTrace = trace?.kind === 'group' ? trace.children[i] : undefined;
    if (child.kind === 'group') lines.push(...ruleLines(t, child, env, childTrace, depth + 1));
    else lines.push({ depth: depth + 1, text: conditionText(t, child, env), met: childTrace?.result });
  });
  return lines;
}

/** Money typed in currency units ↔ stored minor units. */
export const toMinor = (value: number, currency: string) => Math.round(value * 10 ** minorDigits(currency));
export const fromMinor = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);
