import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, tempDir } from './test-app';

/**
 * The migrations as an earlier release shipped them: the folder copied with its journal cut before the first
 * entry whose tag starts with `tag` (e.g. '0033_'), to build a database the way that release left it.
 */
export function migrationsBefore(tag: string): string {
  const folder = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.startsWith(tag));
  if (cut < 0) throw new Error(`no migration ${tag}* in ${MIGRATIONS}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}
