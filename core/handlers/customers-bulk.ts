import { AppError } from '../../shared/contract';
import type { Handlers } from './types';
import type { BulkAction } from '../../shared/contract/customers-bulk';
import { MAX_CUSTOMER_TAGS } from '../../shared/contract/customers';
import { liveBulkFields, untouchedSince, writeBulkFields, type BulkFields } from '../../db/repos/customers-bulk';
import type { HandlerContext } from '../context';
import { newId } from '../ids';

export type BulkChannel = 'customers:bulkUpdate' | 'customers:bulkUndo';

/** Undo is for "oops, not those": the last few actions are kept, in memory, for this session only. */
const UNDO_KEPT = 20;

/** The new stored fields for one customer, or null when the action changes nothing for them (or cannot). */
function apply(row: BulkFields, action: BulkAction, now: string): BulkFields | 'unchanged' | 'skipped' {
  const tags = JSON.parse(row.tags) as string[];
  switch (action.kind) {
    case 'addTag':
      if (tags.includes(action.tag)) return 'unchanged';
      if (tags.length >= MAX_CUSTOMER_TAGS) return 'skipped';
      return { ...row, tags: JSON.stringify([...tags, action.tag]), updatedAt: now };
    case 'removeTag':
      return tags.includes(action.tag) ? { ...row, tags: JSON.stringify(tags.filter((t) => t !== action.tag)), updatedAt: now } : 'unchanged';
    case 'setOwner':
      return row.owner === action.owner ? 'unchanged' : { ...row, owner: action.owner, updatedAt: now };
    case 'archive':
      if ((row.archivedAt !== null) === action.archived) return 'unchanged';
      return { ...row, archivedAt: action.archived ? now : null, updatedAt: now };
  }
}

export function customerBulkHandlers(ctx: HandlerContext): Pick<Handlers, BulkChannel> {
  const { db } = ctx;
  const undoable = new Map<string, { stamp: string; before: BulkFields[] }>();

  return {
    'customers:bulkUpdate': ({ ids, action }) =>
      db.transaction(() => {
        const unique = [...new Set(ids)];
        const now = ctx.clock.now().toISOString();
        const before: BulkFields[] = [];
        const after: BulkFields[] = [];
        let unchanged = 0;
        let skipped = 0;
        const live = liveBulkFields(db, unique);
        for (const row of live) {
          const next = apply(row, action, now);
          if (next === 'unchanged') unchanged++;
          else if (next === 'skipped') skipped++;
          else {
            before.push(row);
            after.push(next);
          }
        }
        writeBulkFields(db, after);
        let undoToken: string | null = null;
        if (after.length) {
          undoToken = newId();
          undoable.set(undoToken, { stamp: now, before });
          while (undoable.size > UNDO_KEPT) undoable.delete(undoable.keys().next().value!);
        }
        return { updated: after.length, unchanged, skipped: skipped + unique.length - live.length, undoToken };
      }),

    'customers:bulkUndo': ({ undoToken }) => {
      const entry = undoable.get(undoToken);
      if (!entry) throw new AppError('invalid_input', 'This bulk change can no longer be undone.', [{ path: ['undoToken'], key: 'bulk_undo_expired' }]);
      return db.transaction(() => {
        const still = untouchedSince(db, entry.before.map((r) => r.id), entry.stamp);
        const now = ctx.clock.now().toISOString();
        // updated_at moves on (the undo is an edit too); the fields return to what they were.
        const restore = entry.before.filter((r) => still.has(r.id)).map((r) => ({ ...r, updatedAt: now }));
        writeBulkFields(db, restore);
        undoable.delete(undoToken);
        return { restored: restore.length };
      });
    },
  };
}
