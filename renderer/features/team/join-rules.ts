import type { TFunction } from 'i18next';
import { lengthLimit, type LengthRule } from '../../components/length-limit';

/** The join form's limits: the contract's (shared/contract/team.ts, teamCredentialsSchema). */
export const TEAM_JOIN_MAX = { serverUrl: 500, database: 120, user: 120 } as const;

/**
 * The length rule of each text the join form sends. antd's `max` said a bare "Too long" where every other field
 * says the length, the limit and how much to cut (components/length-limit.ts), and counted UTF-16 units where
 * the contract counts code points.
 */
export function teamJoinLengthRules(t: TFunction, language: string): Record<keyof typeof TEAM_JOIN_MAX, LengthRule> {
  return {
    serverUrl: lengthLimit(t, language, TEAM_JOIN_MAX.serverUrl),
    database: lengthLimit(t, language, TEAM_JOIN_MAX.database),
    user: lengthLimit(t, language, TEAM_JOIN_MAX.user),
  };
}
