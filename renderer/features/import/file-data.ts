import type { TFunction } from 'i18next';
import type { ImportResultDto } from '../../../shared/contract/transfer';
import { csvLine, UTF8_BOM } from '../../../shared/export/csv-format';

export interface ChosenFile {
  fileName: string;
  source: { handle: string } | { base64: string; fileName: string };
}

/**
 * A file given to the page (picked in a browser, dropped in the app) travels as bytes inside the call. The
 * bridge takes a body of 20 MB, and base64 adds a third; over IPC the limit keeps the window responsive.
 * Bigger files go through the app's own open dialog, which the importer streams from disk.
 */
export const UPLOAD_LIMIT_BYTES = { app: 50 * 1024 * 1024, browser: 14 * 1024 * 1024 } as const;

export class FileTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`The file has ${bytes} bytes; at most ${limit} can be sent with the call`);
    this.name = 'FileTooLarge';
  }
}

/** In the app (Electron) the system's open dialog exists; in a browser it does not. */
export const hasOpenDialog = () => Boolean(window.tierbook?.pickOpenFile);

/** A file the page holds, as base64 in the call; over the limit, a FileTooLarge the screen explains. */
export async function sourceOf(file: File): Promise<ChosenFile> {
  const limit = hasOpenDialog() ? UPLOAD_LIMIT_BYTES.app : UPLOAD_LIMIT_BYTES.browser;
  if (file.size > limit) throw new FileTooLarge(file.size, limit);
  return { fileName: file.name, source: { base64: await readAsBase64(file), fileName: file.name } };
}

/**
 * In the app: the system's open dialog. The page gets a handle for the chosen file (never its path); the
 * importer streams the file from disk, so a 1M-row file never crosses IPC. null when cancelled.
 */
export async function pickImportFile(): Promise<ChosenFile | null> {
  const picked = await window.tierbook?.pickOpenFile?.({ purpose: 'import', filters: [{ name: 'CSV / Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls'] }] });
  return picked ? { fileName: picked.name, source: { handle: picked.handle } } : null;
}

/** Encoded in slices: one String.fromCharCode over megabytes overflows the stack. */
export async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The rows that were left out, as the file had them plus the row number and the reasons, so they can
 * be fixed and imported again (UTF-8 with BOM for Excel). Cells are written by the exports' own csvLine,
 * so formulas are neutralised by the same rule (tab and CR starts, text already starting with an
 * apostrophe) and the importer's strip gives every cell back as it was.
 */
export function rejectsCsv(result: Pick<ImportResultDto, 'errors' | 'headers' | 'rejectedRows'>, t: TFunction): string {
  const reasons = new Map<number, string[]>();
  for (const e of result.errors) reasons.set(e.row, [...(reasons.get(e.row) ?? []), `${e.header ?? ''} ${t(`importing:reasons.${e.reason}`, { ...e.params, defaultValue: e.message })}`.trim()]);
  const header = [t('importing:errors.row'), ...result.headers, t('importing:errors.reason')];
  const lines = [header, ...result.rejectedRows.map((r) => [r.row, ...r.cells, (reasons.get(r.row) ?? []).join('; ')])];
  return UTF8_BOM + lines.map(csvLine).join('');
}

/** Saves rejectsCsv as "<file>-rejects.csv" through the browser's download. */
export function downloadRejects(result: ImportResultDto, t: TFunction): void {
  const blob = new Blob([rejectsCsv(result, t)], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = result.fileName.replace(/\.[^.]+$/, '') + '-rejects.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
