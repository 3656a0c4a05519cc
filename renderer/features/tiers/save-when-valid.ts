import type { FormInstance } from 'antd';

/** What antd's validateFields rejects with when a field's rule refuses (or the check was overtaken by an edit). */
interface ValidationFailure {
  errorFields: { name: (string | number)[]; errors: string[] }[];
}

const isValidationFailure = (error: unknown): error is ValidationFailure =>
  typeof error === 'object' && error !== null && Array.isArray((error as Partial<ValidationFailure>).errorFields);

/**
 * Saves only when every field passes its rules; otherwise the first refused field is brought into view with the
 * cursor in it, and nothing is saved. The refusal ends here: the tier settings' Save passed validateFields' rejection
 * on to nobody, so a blank tag name left an unhandled rejection in the console and the cursor on the button.
 * Resolves whether it saved.
 */
export async function saveWhenValid(form: Pick<FormInstance, 'validateFields' | 'scrollToField'>, save: () => Promise<void>): Promise<boolean> {
  try {
    await form.validateFields();
  } catch (error) {
    if (!isValidationFailure(error)) throw error;
    const first = error.errorFields[0];
    if (first) form.scrollToField(first.name, { block: 'center', focus: true });
    return false;
  }
  await save();
  return true;
}
