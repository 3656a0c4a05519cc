import type { FormInstance } from 'antd';
import { AT_FIELD } from './errors';

/** What antd's validateFields rejects with when a field's rule refuses (or the check was overtaken by an edit). */
interface ValidationFailure {
  errorFields: { name: (string | number)[]; errors: string[] }[];
}

const isValidationFailure = (error: unknown): error is ValidationFailure =>
  typeof error === 'object' && error !== null && Array.isArray((error as Partial<ValidationFailure>).errorFields);

/** A field as antd's form names it (['amount'], ['rows', 2, 'value']). */
type FieldName = (string | number)[];

/**
 * Saves only when every field passes its rules; otherwise the first refused field is brought into view with the
 * cursor in it, and nothing is saved. The refusal ends here: the tier settings' Save passed validateFields' rejection
 * on to nobody, so a blank tag name left an unhandled rejection in the console and the cursor on the button.
 * `refusedField` is a check the fields' rules cannot make (a custom segment's condition without a value, which
 * depends on the row's kind): the field it names is shown and focused the same way. Resolves whether it saved.
 */
export async function saveWhenValid<V>(
  form: Pick<FormInstance<V>, 'validateFields' | 'scrollToField'>,
  save: (values: V) => Promise<void>,
  refusedField: (values: V) => FieldName | null = () => null,
): Promise<boolean> {
  let values: V;
  try {
    values = await form.validateFields();
  } catch (error) {
    if (!isValidationFailure(error)) throw error;
    const first = error.errorFields[0];
    if (first) form.scrollToField(first.name, AT_FIELD);
    return false;
  }
  const refused = refusedField(values);
  if (refused) {
    form.scrollToField(refused, AT_FIELD);
    return false;
  }
  await save(values);
  return true;
}
