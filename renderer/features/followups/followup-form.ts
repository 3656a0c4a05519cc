import type { Dayjs } from 'dayjs';
import type { FollowUpChannel, Intent } from '../../../shared/contract/enums';
import type { InputOf } from '../../../shared/contract';

export interface FollowUpFormValues {
  content?: string;
  channel: FollowUpChannel;
  outcome?: string;
  intent?: Intent | null;
  satisfaction?: number;
  nextContactDate?: Dayjs | null;
  /** Optional time on the next-contact date: a timed reminder (hours and minutes only). */
  nextContactTime?: Dayjs | null;
}

/** Form values → the contract's input (dates as YYYY-MM-DD, unset satisfaction as null). */
export function toFollowUpInput(customerId: string, values: FollowUpFormValues, occurredAt?: string): InputOf<'followups:create'> {
  return {
    customerId,
    occurredAt,
    channel: values.channel,
    content: values.content ?? '',
    outcome: values.outcome ?? null,
    intent: values.intent ?? null,
    satisfaction: values.satisfaction ? values.satisfaction : null,
    nextContactDate: values.nextContactDate ? values.nextContactDate.format('YYYY-MM-DD') : null,
    // A time without a date names no moment: dropped with the date.
    nextContactTime: values.nextContactDate && values.nextContactTime ? values.nextContactTime.format('HH:mm') : null,
  };
}

/** The part of a form instance that reaches a field's element: enough to focus one. */
interface FieldInstances {
  getFieldInstance(name: 'content'): { focus?(): void } | null | undefined;
}

/**
 * Puts the cursor in a follow-up form's first field, the content. For a dialog kept rendered between openings
 * (editing a follow-up), where the field's autoFocus fired once, at mount, while the dialog was hidden.
 */
export function focusFirstFollowUpField(form: FieldInstances): void {
  form.getFieldInstance('content')?.focus?.();
}
