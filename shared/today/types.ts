/**
 * Today's work list, as plain data: who to serve today and why. Pure code (no DB, no Node, no React):
 * the handler loads the rows, this folder decides what goes on the list and in which order.
 */

/** Why a row is on Today, most urgent first in this list (see PRIORITY in rank.ts). */
export const TODAY_KINDS = ['overdue', 'payment', 'due_today', 'slipping', 'policy', 'new_customer'] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

/**
 * A reason as a key plus the values it names, so each screen words it in its own language and the CLI
 * in English. Dates are local calendar dates; `days` is a whole number of days.
 */
export const REASON_KEYS = [
  'reminder_overdue',
  'reminder_today',
  'payment_overdue',
  'policy_last_order',
  'policy_last_follow_up',
  'policy_never',
  'slipping_down',
  'slipping_at_risk',
  'new_customer',
  'new_customer_first_order',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

export interface ReasonParams {
  /** The scheme and class a policy or a tier names. */
  scheme?: string;
  classKey?: string;
  cadenceDays?: number;
  days?: number;
  date?: string;
  /** slipping_down: the class before and after the drop, and the day it was recorded. */
  from?: string;
  to?: string;
  /** slipping_at_risk: the scheme and class that say the customer is at risk. */
  riskScheme?: string;
  riskClass?: string;
  /** payment_overdue: what is owed past its due date, in minor units of `currency` (the base currency). */
  amountMinor?: number;
  currency?: string;
}

export interface TodayReason {
  kind: TodayKind;
  key: ReasonKey;
  params: ReasonParams;
  priority: number;
  /** The day this reason fell due (local calendar date). */
  dueDate: string;
}

export interface TodayItem {
  customerId: string;
  customerName: string;
  company: string | null;
  owner: string | null;
  /** The kind of the most urgent reason. */
  kind: TodayKind;
  /** The lowest number among the reasons: the list is ordered by it (see rank.ts). */
  priority: number;
  dueDate: string;
  /** Every reason the customer is on the list for, most urgent first. */
  reasons: TodayReason[];
  /** Open reminders due by today: what "done" and "reschedule" act on (empty: no reminder behind the row). */
  followUpIds: string[];
  /** Purchase likelihood (0–1) when a score provider answered, else null. */
  likelihood: number | null;
}

/** One customer as the list needs them; arrays in TodayInput are aligned with `customers`. */
export interface TodayCustomer {
  id: string;
  name: string;
  company: string | null;
  owner: string | null;
  /** Local calendar day the customer was created. */
  createdDate: string;
}

export interface TodayReminder {
  followUpId: string;
  customerId: string;
  dueDate: string;
}

export interface TodayPolicy {
  scheme: string;
  classKey: string;
  cadenceDays: number | null;
  /** 1 (highest) to 5. */
  priority: number;
}

/** The latest stored tier change of one customer in one scheme, and the class before it. */
export interface TierChange {
  asOf: string;
  classKey: string;
  previous: string | null;
}

export interface TodayInput {
  asOf: string;
  customers: readonly TodayCustomer[];
  /** Each customer's index in `customers`, when the caller keeps one (else it is made). */
  indexOf?: ReadonlyMap<string, number>;
  /** classKeys[scheme][k]: the class of customers[k] today. */
  classKeys: Readonly<Record<string, readonly string[]>>;
  lastOrderDate: readonly (string | null)[];
  lastFollowUpDate: readonly (string | null)[];
  /**
   * The day of customers[k]'s first live sale on or before asOf (null: none). A function, as looking it up
   * costs a read: it is asked only of customers who could be new (no follow-up, a sale in the last days).
   */
  firstOrderDate: (k: number) => string | null;
  /** Open reminders of live customers due on or before asOf. */
  reminders: readonly TodayReminder[];
  policies: readonly TodayPolicy[];
  /** tierChanges[scheme]: customerId → latest stored change on or before asOf. */
  tierChanges: Readonly<Record<string, ReadonlyMap<string, TierChange>>>;
  /** Per customer, what live sales owe past their due date (before asOf), with the oldest due date. */
  overduePayments?: readonly TodayOverduePayment[];
}

export interface TodayOverduePayment {
  customerId: string;
  amountMinor: number;
  currency: string;
  /** The oldest due date among the overdue sales. */
  dueDate: string;
}
