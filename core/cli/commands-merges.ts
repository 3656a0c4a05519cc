import type { OutputOf } from '../../shared/contract';
import type { DuplicateReason } from '../../shared/contract/merges';
import { optionalInt, requireFlag, UsageError } from './args';
import type { Command } from './commands';
import { counted, movedCounts, say, type Words } from './words';
import { resources } from '../../renderer/i18n/resources';
import { localDateOf } from '../../shared/domain/dates';

/** Why a group looks like one customer; a contact by the screens' word for its kind. */
const reasonText = (r: DuplicateReason, w: Words) =>
  r.kind === 'nameCompany'
    ? w('cli:out.duplicates.nameCompany', { name: r.name, company: r.company ? w('cli:out.duplicates.company', { company: r.company }) : '' })
    : w('cli:out.duplicates.contact', { kind: w(`cli:out.customers.contactKind.${r.kind}`), value: r.value });

/** Duplicate customers: find them, merge them, undo a merge. */
/** A customer field as the Duplicates screen names it (income_band → 收入/资产档 / Income / asset band); one it does not know by its column. */
const fieldWord = (column: string, w: Words): string => {
  const key = column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  return Object.hasOwn(resources.merge[w.language].field, key) ? w(`merge:field.${key}`) : column;
};

export const MERGE_COMMANDS: Command[] = [
  {
    words: ['duplicates'],
    flags: { limit: { type: 'string' } },
    run: (v, call) => call('customers:duplicates', { limit: optionalInt(v, 'limit') }),
    human: (o: OutputOf<'customers:duplicates'>, _money, w) =>
      [
        ...o.groups.flatMap((g) => [
          g.reasons.map((r) => reasonText(r, w)).join(w('cli:out.clauses')),
          ...g.customers.map((c) =>
            w('cli:out.duplicates.customer', {
              id: c.id,
              name: c.name,
              company: c.company ? w('cli:out.duplicates.company_in_line', { company: c.company }) : '',
              orders: c.orderCount,
              followUps: c.followUpCount,
              since: localDateOf(new Date(c.createdAt)),
            }),
          ),
        ]),
        w('cli:out.duplicates.groups', { shown: o.groups.length, total: o.total }),
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
    human: (o: OutputOf<'customers:merge'>, _money, w) =>
      [
        w('cli:out.merge.done', { merged: counted(w, 'customers', o.mergedIds.length), name: o.customer.name, id: o.customer.id, ...movedCounts(w, o.moved) }),
        w('cli:out.merge.undo', { mergeId: o.mergeId }),
      ].join('\n'),
  },
  {
    words: ['unmerge'],
    flags: { 'merge-id': { type: 'string' } },
    run: (v, call) => call('customers:unmerge', { mergeId: requireFlag(v, 'merge-id') }),
    human: (o: OutputOf<'customers:unmerge'>, _money, w) =>
      [
        w('cli:out.merge.undone', { mergeId: o.mergeId, restored: counted(w, 'customers', o.restoredIds.length), ...movedCounts(w, o.moved) }),
        ...(o.editedSince.length ? [w('cli:out.merge.editedSince', { fields: o.editedSince.map((column) => fieldWord(column, w)).join(w('cli:out.between')) })] : []),
      ].join('\n'),
  },
];
