import { describe, expect, it } from 'vitest';
import { fieldWithoutValue, type Row } from '../../../renderer/features/tiers/custom-rows';
import { saveWhenValid } from '../../../renderer/features/tiers/save-when-valid';

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
