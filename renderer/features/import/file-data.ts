import type { TFunction } from 'i18next';
import type { ImportResultDto } from '../../../shared/contract/transfer';

export interface ChosenFile {
  fileName: string;
  source: { path: string } | { base64: string; fileName: string };
}

/**
 * In the app the picked file's path goes to the importer, which streams it from disk (a 1M-row file never
 * crosses IPC). In a browser there is no path, so the file travels as base64 in the call.
 */
export async function sourceOf(file: File): Promise<ChosenFile> {
  const path = window.tierbook?.pathForFile?.(file) ?? '';
  if (path) return { fileName: file.name, source: { path } };
  return { fileName: file.name, source: { base64: await readAsBase64(file), fileName: file.name } };
}

/** Encoded in slices: one String.fromCharCode over megabytes overflows the stack. */
export async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe (the importer strips it). */
const cell = (value: string | number) => {
  const raw = String(value);
  const text = /^[=+\-@]/.test(raw) && !/^[+-]?[\d\s().,-]*\d[\d\s().,-]*$/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The rows that were left out, as the file had them plus the row number and the reasons, so they can
 * be fixed and imported again (UTF-8 with BOM for Excel; formulas neutralised like every export).
 */
export function downloadRejects(result: ImportResultDto, t: TFunction): void {
  const reasons = new Map<number, string[]>();
  for (const e of result.errors) reasons.set(e.row, [...(reasons.get(e.row) ?? []), `${e.header ?? ''} ${t(`importing:reasons.${e.reason}`, { defaultValue: e.message })}`.trim()]);
  const header = [t('importing:errors.row'), ...result.headers, t('importing:errors.reason')];
  const lines = [header, ...result.rejectedRows.map((r) => [r.row, ...r.cells, (reasons.get(r.row) ?? []).join('; ')])];
  const blob = new Blob([`\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = result.fileName.replace(/\.[^.]+$/, '') + '-rejects.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
