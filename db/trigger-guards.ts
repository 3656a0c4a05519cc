import type Database from 'better-sqlite3';
import { NOT_BULK } from './activity-sql';

/**
 * Conditions that a trigger's WHEN holds as one of its top-level AND terms and that cannot change while a
 * bulk writer holds its write transaction: bulk mode itself, and the team-sync state (only the writer could
 * change it, and a bulk write never does). Where one of them is false, the trigger does nothing for any row
 * of that write, yet SQLite enters it for every row to test its WHEN. One text for each, shared with the
 * triggers that hold it (db/activity-sql.ts, core/sync/trigger-sql.ts), so the test here is by equality.
 */

/** The team outbox is on (core/sync/trigger-sql.ts: every write to a synced row enqueues its document). */
export const SYNC_ENQUEUING = `(SELECT enqueue FROM sync_state WHERE id = 1) = 1`;
/** A team member's name is set (core/sync/trigger-sql.ts: the identity triggers record it). */
export const SYNC_USER_NAMED = `(SELECT user_name FROM sync_state WHERE id = 1) IS NOT NULL`;

/** Which guards are false for the write the caller's transaction is about to make. */
export function falseGuards(client: Database.Database): string[] {
  const state = client.prepare(`SELECT enqueue, user_name AS userName FROM sync_state WHERE id = 1`).get() as { enqueue: number; userName: string | null } | undefined;
  const inBulk = client.prepare(`SELECT active FROM bulk_write WHERE id = 1`).pluck().get() === 1;
  const guards: string[] = [];
  if (inBulk) guards.push(NOT_BULK);
  if (state?.enqueue !== 1) guards.push(SYNC_ENQUEUING);
  if (state?.userName == null) guards.push(SYNC_USER_NAMED);
  return guards;
}

/**
 * True when `triggerSql`'s WHEN cannot hold: one of its top-level AND terms is one of `falseGuards`. A WHEN
 * with a top-level OR (or BETWEEN, whose AND is not a conjunction) is never judged inert.
 */
export function isInertTrigger(triggerSql: string, falseGuardTexts: readonly string[]): boolean {
  const when = /\sWHEN\s([\s\S]*?)\sBEGIN\s/i.exec(triggerSql)?.[1];
  if (!when) return false;
  const terms = topLevelConjuncts(when);
  if (!terms) return false;
  const falseOnes = new Set(falseGuardTexts.map(normalise));
  return terms.some((term) => falseOnes.has(normalise(term)));
}

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** The terms of `expression` joined by AND outside parentheses and quotes; null when it has a top-level OR or BETWEEN. */
function topLevelConjuncts(expression: string): string[] | null {
  const terms: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /\s/.test(ch)) {
      const word = /^\s(AND|OR|BETWEEN)\s/i.exec(expression.slice(i, i + 9))?.[1]?.toUpperCase();
      if (word === 'OR' || word === 'BETWEEN') return null;
      if (word === 'AND') {
        terms.push(expression.slice(start, i));
        start = i + 4;
        i += 3;
      }
    }
  }
  terms.push(expression.slice(start));
  return terms;
}
