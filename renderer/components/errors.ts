import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

type Issue = NonNullable<ApiError['body']['issues']>[number];

/**
 * One issue of a refusal in the user's language. A record that is not there is named by its kind ("this order"),
 * never by its id; a kind without words of its own falls back to the error code's sentence.
 */
function issueText(issue: Issue, t: TFunction, message: string): string {
  const kind = issue.params?.kind;
  if (issue.key === 'record_not_found' && typeof kind === 'string') return t(`errors:recordGone.${kind}`, { defaultValue: t('errors:code.not_found') });
  return t(`errors:issue.${issue.key}`, { ...issue.params, defaultValue: message });
}

/** A failed call in the user's language: the first issue's text, or the error code's. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const issue = error.body.issues?.[0];
    if (issue) return issueText(issue, t, error.body.message);
    return t(`errors:code.${error.body.code}`, { defaultValue: error.body.message });
  }
  return error instanceof Error ? error.message : String(error);
}

/** A field as antd's form names it (['amount'], ['rows', 2, 'value']). */
type FieldName = (string | number)[];

/** Where a refusal went: the fields it names that are on the form, and the words that belong to none of them. */
interface Placed {
  fields: FieldName[];
  unplaced: string[];
}

/** What a refusal needs of antd's form. */
type RefusedForm = Pick<FormInstance, 'getFieldInstance' | 'getFieldError' | 'setFields'>;

function placeFieldErrors(form: RefusedForm, error: unknown, t: TFunction, fieldOf: (path: FieldName) => FieldName | null): Placed {
  if (!(error instanceof ApiError) || !error.body.issues?.length) return { fields: [], unplaced: [errorText(error, t)] };
  const unplaced: string[] = [];
  const refused: FieldName[] = [];
  const fields: { name: FieldName; errors: string[] }[] = [];
  for (const issue of error.body.issues) {
    const text = issueText(issue, t, error.body.message);
    const name = fieldOf(issue.path);
    if (!name || !name.length || form.getFieldInstance(name as never) === undefined) {
      unplaced.push(text);
      continue;
    }
    refused.push(name);
    // A field already saying its own rule's message keeps it: the rule says more ("10,689 characters, at most
    // 4,000: …") than the contract's key for the same fault ("Too long").
    if (form.getFieldError(name as never).length === 0) fields.push({ name, errors: [text] });
  }
  form.setFields(fields as never);
  return { fields: refused, unplaced };
}

/**
 * Puts the contract's field issues on the form fields they belong to. Returns the issues that match
 * no field, so the caller can show them in a message instead of losing them.
 */
export function showFieldErrors(form: FormInstance, error: unknown, t: TFunction, fieldOf: (path: FieldName) => FieldName | null = (p) => p): string[] {
  return placeFieldErrors(form, error, t, fieldOf).unplaced;
}

/**
 * A save the server refused, shown as a refusal by the form's own rules is (save-when-valid.ts): each issue under
 * its field, and the first refused field brought into view with the cursor in it. The cursor stayed on Save, with
 * the words perhaps under a field scrolled out of the page or the dialog. Returns the issues that match no field.
 */
export function showRefusal(
  form: RefusedForm & Pick<FormInstance, 'scrollToField'>,
  error: unknown,
  t: TFunction,
  fieldOf: (path: FieldName) => FieldName | null = (p) => p,
): string[] {
  const { fields, unplaced } = placeFieldErrors(form, error, t, fieldOf);
  if (fields[0]) form.scrollToField(fields[0], AT_FIELD);
  return unplaced;
}

/** How a refused field is shown: in the middle of the page's or the dialog's view, with the cursor in it. */
export const AT_FIELD = { block: 'center', focus: true } as const;

/**
 * For a Form's onValuesChange: an error the server put on a field goes away as soon as the user edits
 * that field (antd keeps errors set by setFields until something replaces them). Rule errors are left to
 * the rules, which re-run on the same change.
 */
export function clearErrorsOnEdit(form: FormInstance) {
  return (changed: Record<string, unknown>) => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (Array.isArray(value)) value.forEach((v, i) => v !== undefined && walk(v, [...path, i]));
      else if (value && typeof value === 'object' && !('$d' in value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      else paths.push(path);
    };
    walk(changed, []);
    const stale = paths.filter((name) => form.getFieldError(name as never).length > 0);
    if (stale.length) form.setFields(stale.map((name) => ({ name, errors: [] })) as never);
  };
}
