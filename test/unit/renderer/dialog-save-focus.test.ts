import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api/client';
import { showRefusal } from '../../../renderer/components/errors';
import { fieldOfIssue } from '../../../renderer/features/settings/settings-form';
import { boxesOfEditedRows, fieldOfSegmentIssue, fieldWithoutValue, type Row } from '../../../renderer/features/tiers/custom-rows';
import { saveWhenValid } from '../../../renderer/components/save-when-valid';
import { bothTranslators } from '../../support/both-languages';

/** A form whose validateFields answers as antd's does: the values, or a rejection naming the refused fields. */
function formWith<V>(values: V, refused: { name: (string | number)[]; errors: string[] }[] = []) {
  const scrolled: { name: unknown; options: unknown }[] = [];
  return {
    scrolled,
    validateFields: (() => (refused.length ? Promise.reject({ values, errorFields: refused, outOfDate: false }) : Promise.resolve(values))) as never,
    scrollToField: (name: unknown, options: unknown) => void scrolled.push({ name, options }),
  };
}

const AT_FIELD = { block: 'center', focus: true };

/**
 * The custom segment dialog and the return dialog left a failed save where it was: the cursor on Save, the refused
 * field perhaps scrolled out of the drawer, and (the return's Enter in the amount) the rejection passed to nobody.
 * They now save as the tier settings do: the first refused field is brought into view with the cursor in it.
 */
describe('a dialog’s save with a refused field', () => {
  it('gives the save the values the rules passed', async () => {
    const form = formWith({ amount: '26', note: null });
    const saved: unknown[] = [];
    await expect(saveWhenValid(form, async (values) => void saved.push(values))).resolves.toBe(true);
    expect(saved).toEqual([{ amount: '26', note: null }]);
  });

  it('a check the rules cannot make names its field: it is focused, and nothing is saved', async () => {
    const form = formWith({ rows: [{ kind: 'tag' }] });
    let saves = 0;
    await expect(saveWhenValid(form, async () => void saves++, () => ['rows', 0, 'value'])).resolves.toBe(false);
    expect([saves, form.scrolled]).toEqual([0, [{ name: ['rows', 0, 'value'], options: AT_FIELD }]]);
    // A check that finds nothing lets the save go ahead.
    await expect(saveWhenValid(form, async () => void saves++, () => null)).resolves.toBe(true);
    expect(saves).toBe(1);
  });
});

describe('the custom segment’s condition without a value', () => {
  const good: Row[] = [
    { kind: 'metric', metric: 'revenue', op: 'gte', value: 0 },
    { kind: 'field', field: 'city', op: 'is_empty' },
  ];

  it('is named by the box its value is typed or chosen in', () => {
    expect(fieldWithoutValue(good)).toBeNull();
    expect(fieldWithoutValue([...good, { kind: 'metric', metric: 'revenue', op: 'gte' }])).toEqual(['rows', 2, 'value']);
    expect(fieldWithoutValue([...good, { kind: 'tag', op: 'has', value: ' ' }])).toEqual(['rows', 2, 'value']);
    expect(fieldWithoutValue([...good, { kind: 'field', field: 'city', op: 'equals' }])).toEqual(['rows', 2, 'value']);
    expect(fieldWithoutValue([...good, { kind: 'field', field: 'locality', op: 'in', values: [] }])).toEqual(['rows', 2, 'values']);
    expect(fieldWithoutValue([...good, { kind: 'in_scheme', scheme: 'pyramid', classes: [] }])).toEqual(['rows', 2, 'classes']);
    // The first of several.
    expect(fieldWithoutValue([{ kind: 'in_scheme', scheme: 'pyramid' }, { kind: 'tag', op: 'has' }])).toEqual(['rows', 0, 'classes']);
  });
});

/**
 * A form as antd's answers the server's refusal: its fields (those on screen), the errors each already shows (its own
 * rule's), the errors set, and where it scrolled.
 */
function formOnScreen(fields: (string | number)[][], showing: Record<string, string[]> = {}) {
  const key = (name: unknown) => (Array.isArray(name) ? name.join('.') : String(name));
  const on = new Set(fields.map(key));
  const set: { name: unknown; errors: string[] }[] = [];
  const scrolled: { name: unknown; options: unknown }[] = [];
  return {
    set,
    scrolled,
    getFieldInstance: ((name: unknown) => (on.has(key(name)) ? {} : undefined)) as never,
    getFieldError: ((name: unknown) => showing[key(name)] ?? []) as never,
    setFields: ((list: { name: unknown; errors: string[] }[]) => void set.push(...list)) as never,
    scrollToField: (name: unknown, options: unknown) => void scrolled.push({ name, options }),
  };
}

const refusedBy = (...issues: { path: (string | number)[]; key: string; params?: Record<string, unknown> }[]) =>
  new ApiError({ code: 'invalid_input', message: issues.map((i) => i.path.join('.')).join('; '), issues } as never);

const t = bothTranslators();

/**
 * Settings, the return dialog and the custom segment drawer put a server's refusal under its field (or said it in a
 * message), but the cursor stayed on Save and the field could be out of view (Settings is a long page; a drawer's
 * condition can sit a screen below the name). The field the refusal names is now brought into view with the cursor in it.
 */
describe.each(['en', 'zh-CN'] as const)('a save the server refused (%s)', (language) => {
  it('the return dialog: more than is left to return is said under the amount, which gets the cursor', () => {
    const form = formOnScreen([['amount'], ['orderDate'], ['cost'], ['note']]);
    const unplaced = showRefusal(form, refusedBy({ path: ['amount'], key: 'return_exceeds_order', params: { left: '120.00', currency: 'USD' } }), t[language]);
    expect(unplaced).toEqual([]);
    expect(form.set).toEqual([{ name: ['amount'], errors: [t[language]('errors:issue.return_exceeds_order', { left: '120.00', currency: 'USD' })] }]);
    expect(form.scrolled).toEqual([{ name: ['amount'], options: AT_FIELD }]);
  });

  it('Settings: a source refused (sources.3) is said under the sources box, which gets the cursor', () => {
    const form = formOnScreen([['businessName'], ['homeRegion'], ['sources']]);
    const unplaced = showRefusal(form, refusedBy({ path: ['sources', 3], key: 'too_long' }), t[language], fieldOfIssue);
    expect([unplaced, form.set, form.scrolled]).toEqual([[], [{ name: ['sources'], errors: [t[language]('errors:issue.too_long')] }], [{ name: ['sources'], options: AT_FIELD }]]);
  });

  it('the custom segment: a tag too long in the second condition is said under that row, whose value box gets the cursor', () => {
    const form = formOnScreen([['name'], ['rows', 0, 'value'], ['rows', 1, 'value']]);
    const unplaced = showRefusal(form, refusedBy({ path: ['rule', 'conditions', 1, 'tag'], key: 'too_long' }), t[language], fieldOfSegmentIssue);
    expect([unplaced, form.set, form.scrolled]).toEqual([[], [{ name: ['rows', 1, 'value'], errors: [t[language]('errors:issue.too_long')] }], [{ name: ['rows', 1, 'value'], options: AT_FIELD }]]);
  });

  it('a field already saying its own rule keeps those words, and still gets the cursor; the first refused field is the one', () => {
    const form = formOnScreen([['name'], ['rows', 0, 'value']], { name: ['81 characters, at most 80'] });
    showRefusal(form, refusedBy({ path: ['name'], key: 'too_long' }, { path: ['rule', 'conditions', 0, 'value'], key: 'invalid_choice' }), t[language], fieldOfSegmentIssue);
    expect(form.set.map((f) => f.name)).toEqual([['rows', 0, 'value']]);
    expect(form.scrolled).toEqual([{ name: ['name'], options: AT_FIELD }]);
  });

  it('what no field holds is returned for a message, and the cursor is not moved', () => {
    const form = formOnScreen([['name'], ['rows', 0, 'value']]);
    // Too many segments names no field; a field not on the form (a row removed since) is not one to focus.
    expect(showRefusal(form, refusedBy({ path: [], key: 'too_long' }, { path: ['rule', 'conditions', 4, 'value'], key: 'invalid_choice' }), t[language], fieldOfSegmentIssue)).toEqual([
      t[language]('errors:issue.too_long'),
      t[language]('errors:issue.invalid_choice'),
    ]);
    expect(showRefusal(form, new Error('connection lost'), t[language])).toEqual(['connection lost']);
    expect([form.set, form.scrolled]).toEqual([[], []]);
  });
});

describe('the custom segment refusal’s field', () => {
  it('is the name, or the box of the condition’s row that holds the part refused', () => {
    expect(fieldOfSegmentIssue(['name'])).toEqual(['name']);
    expect(fieldOfSegmentIssue(['rule', 'conditions', 2, 'tag'])).toEqual(['rows', 2, 'value']);
    expect(fieldOfSegmentIssue(['rule', 'conditions', 0, 'value'])).toEqual(['rows', 0, 'value']);
    expect(fieldOfSegmentIssue(['rule', 'conditions', 1, 'values', 3])).toEqual(['rows', 1, 'values']);
    expect(fieldOfSegmentIssue(['rule', 'conditions', 1, 'classes', 0])).toEqual(['rows', 1, 'classes']);
    expect(fieldOfSegmentIssue(['rule', 'conditions', 3, 'op'])).toEqual(['rows', 3, 'op']);
    // The whole rule, a condition as a whole, or nothing at all: no one box.
    expect([fieldOfSegmentIssue([]), fieldOfSegmentIssue(['rule']), fieldOfSegmentIssue(['rule', 'conditions', 3]), fieldOfSegmentIssue(['rule', 'conditions'])]).toEqual([null, null, null, null]);
  });
});

describe('a custom segment row’s refusal, once the row is edited', () => {
  it('goes from every box of the edited rows, whichever box the edit was in, and from no other row', () => {
    // The row's kind changed (Tag → Profile field): the Tag's value box gave its place, and its refusal, to the field's.
    const edited = boxesOfEditedRows([undefined, { kind: 'field' }]);
    expect(edited).toContainEqual(['rows', 1, 'value']);
    expect(edited).toContainEqual(['rows', 1, 'field']);
    expect(edited.every((name) => name[1] === 1)).toBe(true);
    expect(new Set(edited.map((name) => name[2]))).toEqual(new Set(['kind', 'metric', 'field', 'scheme', 'op', 'value', 'values', 'classes']));
    expect(boxesOfEditedRows([])).toEqual([]);
  });
});
