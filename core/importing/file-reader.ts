type FileReader = typeof import('../import');

let loading: Promise<FileReader> | undefined;

/**
 * The importer's file reader (core/import), loaded the first time a file is read rather than when the process
 * starts: it carries the character-set detector and the legacy decoders (jschardet, iconv-lite, about 1.6 MB of
 * tables) and the .xlsx reader (yauzl, saxes), and every command but an import, and the app until the user
 * imports, runs without them. The one place the main process and the CLI reach it from; in the CommonJS
 * bundles the dynamic import is a deferred require of the bundled module.
 */
export function fileReader(): Promise<FileReader> {
  return (loading ??= import('../import'));
}
