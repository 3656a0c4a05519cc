import type Database from 'better-sqlite3';
import { autoMapHeaders, fromSavedMapping, type HeaderMapping, type ImportKind, type SavedMapping } from '../../shared/import';
import { foldKey } from '../../shared/import/fold';
import { rememberedMapping } from '../../db/repos/imports';
import { headerSignature } from '../../shared/import';

/**
 * The column mapping to use: the caller's (the user adjusted it, or a --mapping file), else the one
 * remembered for files with these headers, else the automatic one. A given mapping may name headers
 * as they appear in the file; they are folded like remembered ones.
 */
export function resolveMapping(client: Database.Database, kind: ImportKind, headers: string[], given: SavedMapping | null | undefined): { mapping: HeaderMapping; source: 'given' | 'remembered' | 'auto' } {
  if (given && Object.keys(given).length > 0) {
    const folded: SavedMapping = {};
    for (const [header, field] of Object.entries(given)) folded[foldKey(header)] = field;
    return { mapping: fromSavedMapping(headers, kind, folded), source: 'given' };
  }
  const remembered = rememberedMapping(client, kind, headerSignature(headers));
  if (remembered) return { mapping: fromSavedMapping(headers, kind, remembered), source: 'remembered' };
  return { mapping: autoMapHeaders(headers, kind), source: 'auto' };
}
