import { isTooLong } from '../../components/length-limit';

/** The longest texts a service policy keeps, as shared/contract/policies.ts says them. */
export const POLICY_TEXT_MAX = { notes: 2000, nextAction: 500, responsible: 100 } as const;
const TEXT_FIELDS = Object.keys(POLICY_TEXT_MAX) as (keyof typeof POLICY_TEXT_MAX)[];

/** Whether any policy has a text the save would refuse: the drawer's Save waits until each is shortened. */
export function anyPolicyTooLong(drafts: readonly { notes: string; nextAction: string; responsible: string | null }[]): boolean {
  return drafts.some((draft) => TEXT_FIELDS.some((field) => isTooLong(draft[field], POLICY_TEXT_MAX[field])));
}
