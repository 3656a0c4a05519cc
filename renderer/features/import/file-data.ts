import type { TFunction } from 'i18next';
import type { ImportResultDto } from '../../../shared/contract/transfer';

/**
 * The renderer cannot hand a path to the importer (in a browser there is none), so the file travels
 * as base64 in the call. Encoded in slices: one String.fromCharCode over megabytes overflows the stack.
 */
export async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${/^[=+\-@]/.test(text) ? "'" : ''}${text.replace(/"/g, '""')}"` : text;
};

/** The rows that were left out, with where and why, as a CSV the user can fix them from (UTF-8 with BOM for Excel). */
export function downloadRejects(result: ImportResultDto, t: TFunction): void {
  const header = [t('importing:errors.row'), t('importing:errors.column'), t('importing:errors.value'), t('importing:errors.reason')];
  const lines = [header, ...result.errors.map((e) => [e.row, e.header ?? '', e.value, t(`importing:reasons.${e.reason}`, { defaultValue: e.message })])];
  const blob = new Blob([`\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = result.fileName.replace(/\.[^.]+$/, '') + '-rejects.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
