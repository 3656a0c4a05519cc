import { confine } from './confine';
import { folderFor, type ReadPurpose, type WritePurpose } from './folders';
import type { FileHandles } from './handles';
import { refuse } from './refusals';

/**
 * Who may name files, chosen by the process that opens the app (there is no default):
 * - `paths`: the CLI. The caller is the local user at their own shell and names any file they could open.
 * - `confined`: the loopback bridge (browser mode). Files only inside imports/, exports/ and backups/ beside the database.
 * - `handles`: Electron. The renderer may be compromised, so it never names a file: the main process's
 *   dialogs register the user's choice and hand back an opaque handle.
 */
export type FileMode = 'paths' | 'confined' | 'handles';
export type FileAccessChoice = { mode: 'paths' } | { mode: 'confined' } | { mode: 'handles'; handles: FileHandles };

/** How a call refers to a file: a path, a dialog's handle, or the name of a file in the purpose's own folder. */
export type FileRef = { path: string } | { handle: string } | { name: string };

export interface FileToRead {
  path: string;
  /** Spends a single-use grant; called once the read has succeeded, so a failed import can be retried. */
  used(): void;
}

export interface FileAccess {
  readonly mode: FileMode;
  /** The file a reference may be read from for `purpose`, or an AppError naming `field` (the input's path to the reference). */
  toRead(ref: FileRef, purpose: ReadPurpose, field: string[]): FileToRead;
  /** The file a reference may be written to for `purpose` (a handle is spent here), or an AppError. */
  toWrite(ref: FileRef, purpose: WritePurpose, field: string[]): string;
}

const nothingToSpend = () => {};

export function fileAccess(choice: FileAccessChoice, dbPath: string): FileAccess {
  const mode = choice.mode;
  // A name is always a file in the purpose's own folder, whoever calls (the backup list restores by name).

  const resolve = (ref: FileRef, purpose: ReadPurpose | WritePurpose, field: string[]): { path: string; handle?: string } => {
    if ('name' in ref) return { path: confine(folderFor(dbPath, purpose), ref.name, field) };
    if ('path' in ref) {
      if (mode === 'paths') return { path: ref.path };
      if (mode === 'confined') return { path: confine(folderFor(dbPath, purpose), ref.path, field) };
      throw refuse.pathNotAllowed(field);
    }
    if (choice.mode !== 'handles') throw refuse.handleUnknown(field);
    return { path: choice.handles.resolve(ref.handle, purpose, field), handle: ref.handle };
  };

  return {
    mode,
    toRead(ref, purpose, field) {
      const { path, handle } = resolve(ref, purpose, field);
      return { path, used: handle !== undefined && choice.mode === 'handles' ? () => choice.handles.consume(handle) : nothingToSpend };
    },
    toWrite(ref, purpose, field) {
      const { path, handle } = resolve(ref, purpose, field);
      if (handle !== undefined && choice.mode === 'handles') choice.handles.consume(handle);
      return path;
    },
  };
}
