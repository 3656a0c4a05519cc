import type { OutputOf } from '../../shared/contract';
import type { DuplicateReason } from '../../shared/contract/merges';
import { optionalInt, requireFlag, UsageError } from './args';
import type { Command } from './commands';
import { say } from './words';
import { localDateOf } from '../../shared/domain/dates';

const reasonText = (r: DuplicateReason) => (r.kind === 'nameCompany' ? `same name + company: ${r.name}${r.company ? ` / ${r.company}` : ''}` : `same ${r.kind} ${r.value}`);

/** Duplicate customers: find them, merge them, undo a merge. */
export const MERGE_COMMANDS: Command[] = [
  {
    words: ['duplicates'],
    flags: { limit: { type: 'string' } },
    run: (v, call) => call('customers:duplicates', { limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'customers:duplicates'>) =>
      [
        ...o.groups.flatMap((g) => [
          g.reasons.map(reasonText).join('; '),
          ...g.customers.map((c) => `  ${c.id}  ${c.name}${c.company ? ` (${c.company})` : ''}  orders ${c.orderCount}, follow-ups ${c.followUpCount}, since ${localDateOf(new Date(c.createdAt))}`),
        ]),
        `${o.groups.length} of ${o.total} groups`,
      ].join('\n'),
  },
  {
    words: ['merge'],
    flags: { keep: { type: 'string' }, merge: { type: 'string', multiple: true } },
    run: (v, call) => {
      const keepId = requireFlag(v, 'keep');
      const mergeIds = ([v.merge ?? []].flat() as string[]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
      // A missing flag is a usage mistake, as --keep's is (the contract would say "mergeIds is required", exit 1).
      if (mergeIds.length === 0) throw new UsageError(say('cli:usage.required', { name: 'merge' }));
      return call('customers:merge', { keepId, mergeIds });
    },
    human: (o: OutputOf<'customers:merge'>) =>
      `Merged ${o.mergedIds.length} customer(s) into ${o.customer.name} (${o.customer.id}): moved ${o.moved.orders} orders, ${o.moved.followUps} follow-ups, ${o.moved.contacts} contacts.\n` +
      `Undo: tierbook unmerge --merge-id ${o.mergeId}`,
  },
  {
    words: ['unmerge'],
    flags: { 'merge-id': { type: 'string' } },
    run: (v, call) => call('customers:unmerge', { mergeId: requireFlag(v, 'merge-id') }),
    human: (o: OutputOf<'customers:unmerge'>) =>
      `Undid merge ${o.mergeId}: restored ${o.restoredIds.length} customer(s); moved back ${o.moved.orders} orders, ${o.moved.followUps} follow-ups, ${o.moved.contacts} contacts.` +
      (o.editedSince.length ? `\nKept as edited after the merge: ${o.editedSince.join(', ')}` : ''),
  },
];
