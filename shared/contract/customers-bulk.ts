import { z } from 'zod';
import { idSchema, optionalText, requiredText } from './common';
import { splitList } from '../import/parse-contact';

/** Most customers one bulk action may touch: a screenful of selections, small enough for one transaction. */
export const BULK_MAX_IDS = 10_000;

const tagSchema = requiredText(40);

/** What to do to every selected customer. */
export const bulkActionSchema = z.discriminatedUnion('kind', [
  // One tag: a separator the import splits on would make it two after an export and re-import.
  z.object({ kind: z.literal('addTag'), tag: tagSchema.refine((tag) => splitList(tag).length === 1, 'tag_has_separator') }),
  z.object({ kind: z.literal('removeTag'), tag: tagSchema }),
  /** null (or blank) clears the owner. */
  z.object({ kind: z.literal('setOwner'), owner: optionalText(80) }),
  z.object({ kind: z.literal('archive'), archived: z.boolean() }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const customersBulkContract = {
  /**
   * One action on many customers in one transaction. Customers in the trash or unknown ids are left out
   * (`skipped`), as is a tag that would pass the 50-tag limit; `undoToken` undoes the whole action once.
   */
  'customers:bulkUpdate': {
    input: z.object({ ids: z.array(idSchema).min(1, 'required').max(BULK_MAX_IDS, 'too_many'), action: bulkActionSchema }),
    output: z.object({ updated: z.number().int().min(0), unchanged: z.number().int().min(0), skipped: z.number().int().min(0), undoToken: z.string().max(64).nullable() }),
  },
  /** Puts back what one bulk action changed, except on customers edited since (they keep the newer edit). */
  'customers:bulkUndo': {
    input: z.object({ undoToken: z.string().min(1, 'required').max(64, 'too_long') }),
    output: z.object({ restored: z.number().int().min(0) }),
  },
} as const;
