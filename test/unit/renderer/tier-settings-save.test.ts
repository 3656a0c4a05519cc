import { describe, expect, it } from 'vitest';
import { saveWhenValid } from '../../../renderer/components/save-when-valid';

/** A form whose validateFields answers as antd's does: the values, or a rejection naming the refused fields. */
function formThat(refused: { name: (string | number)[]; errors: string[] }[]) {
  const scrolled: { name: unknown; options: unknown }[] = [];
  return {
    scrolled,
    validateFields: (() => (refused.length ? Promise.reject({ values: {}, errorFields: refused, outOfDate: false }) : Promise.resolve({}))) as never,
    scrollToField: (name: unknown, options: unknown) => void scrolled.push({ name, options }),
  };
}

/**
 * The tier settings drawer's Save passed a failed validation on to nobody: with the tag name blank, the console had
 * an unhandled rejection and the cursor stayed on the button. The refusal now ends in the drawer, at the field.
 */
describe('the tier settings’ Save', () => {
  it('with a field refused: nothing saved, the first refused field shown and focused, and no rejection', async () => {
    const form = formThat([
      { name: ['partitionTag'], errors: ['Required'] },
      { name: ['windowDays'], errors: ['Too long'] },
    ]);
    let saves = 0;
    await expect(saveWhenValid(form, async () => void saves++)).resolves.toBe(false);
    expect(saves).toBe(0);
    expect(form.scrolled).toEqual([{ name: ['partitionTag'], options: { block: 'center', focus: true } }]);
  });

  it('with every field valid: saved once, nothing scrolled', async () => {
    const form = formThat([]);
    let saves = 0;
    await expect(saveWhenValid(form, async () => void saves++)).resolves.toBe(true);
    expect([saves, form.scrolled.length]).toEqual([1, 0]);
  });

  it('a fault that is not a refused field is not hidden', async () => {
    const broken = { validateFields: (() => Promise.reject(new Error('form gone'))) as never, scrollToField: () => undefined };
    await expect(saveWhenValid(broken, async () => undefined)).rejects.toThrow('form gone');
  });
});
