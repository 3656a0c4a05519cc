import type { Issue } from '../../shared/contract';
import { CUSTOMER_TYPES, LOCALITIES, MANUAL_LEVELS, NEEDS } from '../../shared/contract/enums';
import type { Condition, RuleGroup } from '../../shared/segmentation';

/**
 * Profile fields stored as keys. A rule comparing them to anything else can never match — "地域 等于 本地"
 * compared the label with the stored 'local' and found no one — so saving one is refused with the
 * condition's path instead of silently producing an empty segment.
 */
const KEYED: Partial<Record<string, readonly string[]>> = { type: CUSTOMER_TYPES, locality: LOCALITIES, needs: NEEDS, manualLevel: MANUAL_LEVELS };
const COUNTRY_CODE = /^[A-Za-z]{2}$/;

function valueIsKey(field: string, value: string): boolean {
  if (field === 'country') return COUNTRY_CODE.test(value.trim());
  const keys = KEYED[field];
  return keys === undefined || keys.includes(value.trim());
}

function conditionIssues(c: Condition, path: (string | number)[]): Issue[] {
  if (c.kind !== 'field' || c.op === 'is_empty' || c.op === 'is_not_empty') return [];
  if (c.op === 'in') return c.values.flatMap((v, i) => (valueIsKey(c.field, v) ? [] : [{ path: [...path, 'values', i], key: 'invalid_choice' }]));
  // 'contains' on a key ("local" in "non_local") is as misleading as a label.
  if (c.field in KEYED || c.field === 'country') {
    if (c.op === 'contains') return [{ path: [...path, 'op'], key: 'invalid_choice' }];
  }
  return valueIsKey(c.field, (c as Extract<Condition, { value: string }>).value) ? [] : [{ path: [...path, 'value'], key: 'invalid_choice' }];
}

export function keyedValueIssues(group: RuleGroup, path: (string | number)[] = ['rule']): Issue[] {
  return group.conditions.flatMap((child, i) =>
    child.kind === 'group' ? keyedValueIssues(child, [...path, 'conditions', i]) : conditionIssues(child, [...path, 'conditions', i]),
  );
}
