/**
 * What a file is, judged by its first bytes rather than its name: people rename .xls to .csv, and
 * download folders are full of "export (1)" files with no extension at all.
 */
export type FileKind = 'xlsx' | 'xls' | 'text' | 'empty';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: old .xls, but also a password-protected .xlsx, which Excel wraps the same way. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE2)) return 'xls';
  return 'text';
}
