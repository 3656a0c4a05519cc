import type Database from 'better-sqlite3';
import { AppError, type Issue } from '../../shared/contract';
import { autoMapHeaders, FIELDS_OF, fromSavedMapping, mappingMismatch, type HeaderMapping, type ImportKind, type MappingMismatch, type SavedMapping } from '../../shared/import';
import { foldKey } from '../../shared/import/fold';
import { rememberedMapping } from '../../db/repos/imports';
import { headerSignature } from '../../shared/import';

/**
 * The column mapping to use: the caller's (the user adjusted it, or a --mapping file), else the one
 * remembered for files with these headers, else the automatic one. A given mapping may name headers
 * as they appear in the file; they are folded like remembered ones. A given mapping that names a field
 * the kind does not have ("phnoe") or a header the file does not have is refused: followed, it would drop
 * the column silently, and the import would remember that for every later file with these headers.
 */
export function resolveMapping(client: Database.Database, kind: ImportKind, headers: string[], given: SavedMapping | null | undefined): { mapping: HeaderMapping; source: 'given' | 'remembered' | 'auto' } {
  if (given && Object.keys(given).length > 0) {
    const mismatch = mappingMismatch(headers, kind, given);
    if (mismatch) throw mappingRefused(kind, headers, mismatch);
    const folded: SavedMapping = {};
    for (const [header, field] of Object.entries(given)) folded[foldKey(header)] = field;
    return { mapping: fromSavedMapping(headers, kind, folded), source: 'given' };
  }
  const remembered = rememberedMapping(client, kind, headerSignature(headers));
  if (remembered) return { mapping: fromSavedMapping(headers, kind, remembered), source: 'remembered' };
  return { mapping: autoMapHeaders(headers, kind), source: 'auto' };
}

/** The refusal, listing what the mapping may name: the kind's fields, the file's headers. */
function mappingRefused(kind: ImportKind, headers: string[], mismatch: MappingMismatch): AppError {
  const fields = FIELDS_OF[kind].join(', ');
  const columns = headers.join(', ');
  const issues: Issue[] = [
    ...mismatch.unknownFields.map(({ header, field }) => ({ path: ['mapping', header], key: 'import_mapping_unknown_field', params: { header, field, fields } })),
    ...mismatch.unknownHeaders.map((header) => ({ path: ['mapping', header], key: 'import_mapping_unknown_header', params: { header, headers: columns } })),
  ];
  const parts = [
    ...(mismatch.unknownFields.length > 0
      ? [`The mapping names fields that ${kind} do not have: ${mismatch.unknownFields.map((u) => `"${u.header}" → "${u.field}"`).join(', ')} (the fields: ${fields}).`]
      : []),
    ...(mismatch.unknownHeaders.length > 0 ? [`The mapping names columns the file does not have: ${mismatch.unknownHeaders.map((h) => `"${h}"`).join(', ')} (the file's columns: ${columns}).`] : []),
  ];
  return new AppError('invalid_input', `${parts.join(' ')} Nothing was imported.`, issues);
}
