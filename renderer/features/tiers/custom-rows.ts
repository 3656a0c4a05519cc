import type { Condition, PROFILE_FIELDS, RULE_METRICS, CLOSED_SCHEME_KEYS, RuleGroup } from '../../../shared/segmentation';
import { fromMinor, MONEY_METRICS, toMinor } from './rule-text';

/** One row of the segment editor; money metrics are typed in currency units and stored in minor units. */
export interface Row {
  kind: 'metric' | 'tag' | 'field' | 'in_scheme';
  metric?: (typeof RULE_METRICS)[number];
  op?: string;
  value?: number | string;
  values?: string[];
  field?: (typeof PROFILE_FIELDS)[number];
  scheme?: (typeof CLOSED_SCHEME_KEYS)[number];
  classes?: string[];
}

export function toCondition(row: Row, currency: string): Condition {
  switch (row.kind) {
    case 'metric': {
      const value = Number(row.value ?? 0);
      return { kind: 'metric', metric: row.metric!, op: (row.op ?? 'gte') as 'gte', value: MONEY_METRICS.has(row.metric!) ? toMinor(value, currency) : value };
    }
    case 'tag':
      return { kind: 'tag', op: (row.op ?? 'has') as 'has', tag: String(row.value ?? '') };
    case 'field':
      if (row.op === 'is_empty' || row.op === 'is_not_empty') return { kind: 'field', field: row.field!, op: row.op };
      if (row.op === 'in') return { kind: 'field', field: row.field!, op: 'in', values: row.values ?? [] };
      return { kind: 'field', field: row.field!, op: (row.op ?? 'equals') as 'equals', value: String(row.value ?? '') };
    case 'in_scheme':
      return { kind: 'in_scheme', scheme: row.scheme!, classes: row.classes ?? [] };
  }
}

const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/**
 * The first row that needs a value and has none (its index), or -1. A figure left empty was saved as "≥ 0", a
 * segment of everyone, and a text field as "equals nothing", a segment of no one, without a word to the user;
 * an empty tag or class list came back as a bare "Required" that did not say which condition.
 */
export function firstRowWithoutValue(rows: readonly Row[]): number {
  return rows.findIndex((row) => {
    switch (row.kind) {
      case 'metric':
      case 'tag':
        return blank(row.value);
      case 'in_scheme':
        return !row.classes?.length;
      case 'field':
        if (row.op === 'is_empty' || row.op === 'is_not_empty') return false;
        return row.op === 'in' ? !row.values?.length : blank(row.value);
    }
  });
}

/** The box a row's value is typed or chosen in, by the row's kind and operator. */
function valueBoxOf(row: Row): 'value' | 'values' | 'classes' {
  if (row.kind === 'in_scheme') return 'classes';
  return row.kind === 'field' && row.op === 'in' ? 'values' : 'value';
}

/** The form field of the first row without a value (firstRowWithoutValue), to bring into view and focus; null when none. */
export function fieldWithoutValue(rows: readonly Row[]): (string | number)[] | null {
  const index = firstRowWithoutValue(rows);
  return index < 0 ? null : ['rows', index, valueBoxOf(rows[index]!)];
}

/** The box of a row that holds a condition's part, by the part's name in the contract (a tag is typed in the value box). */
const BOX_OF_PART: Record<string, string> = { kind: 'kind', metric: 'metric', field: 'field', scheme: 'scheme', op: 'op', value: 'value', tag: 'value', values: 'values', classes: 'classes' };

/**
 * The editor's field a server's refusal of a custom segment names (showRefusal): the name, or the box of the
 * condition's row (the rows are the rule's conditions in order: ['rule', 'conditions', 2, 'tag'] is row 2's value
 * box); null for what no one box holds (the whole rule, the number of segments), which is said in a message.
 */
export function fieldOfSegmentIssue(path: readonly (string | number)[]): (string | number)[] | null {
  if (path.length === 1 && path[0] === 'name') return ['name'];
  const [rule, conditions, index, part] = path;
  if (rule !== 'rule' || conditions !== 'conditions' || typeof index !== 'number' || typeof part !== 'string') return null;
  const box = BOX_OF_PART[part];
  return box ? ['rows', index, box] : null;
}

/**
 * Every box of each row an edit touched (onValuesChange's `rows`, sparse: only the edited rows are there). A row's
 * boxes change with its kind, field or operator, and antd hands a box's errors on to whichever box takes its place:
 * a refusal of a tag was left under the City of the profile field chosen instead. So a row's refusal goes with any edit of the row.
 */
export function boxesOfEditedRows(changedRows: readonly unknown[]): (string | number)[][] {
  const boxes = [...new Set(Object.values(BOX_OF_PART))];
  const edited: (string | number)[][] = [];
  changedRows.forEach((row, index) => {
    if (row !== undefined) edited.push(...boxes.map((box) => ['rows', index, box]));
  });
  return edited;
}

/** The editor's rows for a saved rule; null when the rule nests groups, which the editor cannot show as rows. */
export function toRows(rule: RuleGroup, currency: string): Row[] | null {
  const rows: Row[] = [];
  for (const c of rule.conditions) {
    switch (c.kind) {
      case 'group':
        return null;
      case 'metric':
        // 'between' is written by the CLI only; shown as two rows it would change meaning under "any".
        if (c.op === 'between') return null;
        rows.push({ kind: 'metric', metric: c.metric, op: c.op, value: MONEY_METRICS.has(c.metric) ? fromMinor(c.value, currency) : c.value });
        break;
      case 'tag':
        rows.push({ kind: 'tag', op: c.op, value: c.tag });
        break;
      case 'field':
        if (c.op === 'in') rows.push({ kind: 'field', field: c.field, op: 'in', values: [...c.values] });
        else if (c.op === 'is_empty' || c.op === 'is_not_empty') rows.push({ kind: 'field', field: c.field, op: c.op });
        else rows.push({ kind: 'field', field: c.field, op: c.op, value: (c as Extract<Condition, { value: string }>).value });
        break;
      case 'in_scheme':
        if (c.scheme === 'industry' || c.scheme === 'income' || c.scheme === 'size') return null;
        rows.push({ kind: 'in_scheme', scheme: c.scheme, classes: [...c.classes] });
        break;
    }
  }
  return rows;
}
