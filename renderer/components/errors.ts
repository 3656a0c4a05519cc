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

/**
 * Puts the contract's field issues on the form fields they belong to. Returns the issues that match
 * no field, so the caller can show them in a message instead of losing them.
 */
export function showFieldErrors(form: FormInstance, error: unknown, t: TFunction, fieldOf: (path: (string | number)[]) => (string | number)[] | null = (p) => p): string[] {
  if (!(error instanceof ApiError) || !error.body.issues?.length) return [errorText(error, t)];
  const unplaced: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of error.body.issues) {
    const text = issueText(issue, t, error.body.message);
    const name = fieldOf(issue.path);
    if (!name || !name.length || form.getFieldInstance(name as never) === undefined) unplaced.push(text);
    // A field already saying its own rule's message keeps it: the rule says more ("10,689 characters, at most
    // 4,000: …") than the contract's key for the same fault ("Too long").
    else if (form.getFieldError(name as never).length === 0) fields.push({ name, errors: [text] });
  }
  form.setFields(fields as never);
  return unplaced;
}

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
