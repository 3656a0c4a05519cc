import type { ParsedInputOf } from '../../shared/contract';
import type { FileAccess } from './access';

type ImportInput = ParsedInputOf<'import:commit'>;
/** An import's input once its file references are real paths (or an upload) the transport allows. */
export type ResolvedImportInput = Omit<ImportInput, 'source' | 'rejectsHandle'> & { source: { path: string } | { base64: string; fileName: string } };

/**
 * Turns the import's file references into paths the transport allows (core/files). `used()` spends the
 * source's single-use grant once the run has succeeded, so a refused import can be fixed and run again.
 */
export function resolveImportFiles(files: FileAccess, input: ImportInput, commit: boolean): { input: ResolvedImportInput; used(): void } {
  const { rejectsHandle: _rejectsHandle, source, ...rest } = input;
  if ('base64' in source) return { input: { ...rest, rejectsPath: rejectsOf(files, input, commit), source }, used: () => {} };
  // The source first: a refused source must not spend the rejects file's save handle.
  const read = files.toRead(source, 'import', ['source', 'path' in source ? 'path' : 'handle']);
  return { input: { ...rest, rejectsPath: rejectsOf(files, input, commit), source: { path: read.path } }, used: read.used };
}

/** The rejects file is written only by a commit that skips bad rows, so only such a commit resolves (and spends) it. */
function rejectsOf(files: FileAccess, input: ImportInput, commit: boolean): string | null {
  if (!commit || input.onError !== 'skip') return null;
  if (input.rejectsHandle) return files.toWrite({ handle: input.rejectsHandle }, 'export', ['rejectsHandle']);
  if (input.rejectsPath) return files.toWrite({ path: input.rejectsPath }, 'export', ['rejectsPath']);
  return null;
}

/** The file an export or a backup writes, if the caller named one. */
export function writeTarget(files: FileAccess, input: { path?: string; handle?: string }, purpose: 'export' | 'backup'): string | undefined {
  if (input.handle !== undefined) return files.toWrite({ handle: input.handle }, purpose, ['handle']);
  if (input.path !== undefined) return files.toWrite({ path: input.path }, purpose, ['path']);
  return undefined;
}

/** The backup a restore reads: by path, by open-dialog handle, or by its name in the backups folder. */
export function restoreSource(files: FileAccess, input: ParsedInputOf<'backup:restore'>) {
  const key = 'path' in input ? 'path' : 'handle' in input ? 'handle' : 'name';
  return files.toRead(input, 'restore', [key]);
}
