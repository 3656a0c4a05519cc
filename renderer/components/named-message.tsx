import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { errorText } from './errors';
import './named-message.css';

/** Stands in for the name while the sentence is translated, so the name can be cut apart from the words around it. */
const NAME_SLOT = '\uE000';

/**
 * A message that names a customer ("Added …", "Deleted …", "Merged into …"), kept to one line. A name may be 120
 * characters, and a toast carrying it whole spread across the screen in two or three lines: the name gives way
 * with an ellipsis, the words around it stay whole, and the full sentence is the title (shown on hover).
 */
export function namedMessage(t: TFunction, key: string, values: Record<string, unknown> & { name: string }, testId?: string): ReactNode {
  const full = String(t(key, values));
  const parts = String(t(key, { ...values, name: NAME_SLOT })).split(NAME_SLOT);
  return (
    <span className="named-message" title={full} data-testid={testId}>
      {parts.flatMap((part, i) => [
        ...(i > 0 ? [<span key={`name-${i}`} className="named-message-name" dir="auto">{values.name}</span>] : []),
        part ? <span key={`text-${i}`} className="named-message-text">{part}</span> : null,
      ])}
    </span>
  );
}

/** A failed call for a message: as errorText, but a refusal that names a customer keeps to one line too. */
export function errorContent(error: unknown, t: TFunction): ReactNode {
  const issue = error instanceof ApiError ? error.body.issues?.[0] : undefined;
  const name = issue?.params?.name;
  if (error instanceof ApiError && issue && typeof name === 'string') return namedMessage(t, `errors:issue.${issue.key}`, { ...issue.params, name, defaultValue: error.body.message });
  return errorText(error, t);
}
