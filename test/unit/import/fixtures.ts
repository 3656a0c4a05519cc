import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * Test files are produced here, at test time, rather than committed: the bytes of each awkward file
 * (GBK, UTF-16, .xlsx …) are then visible in the test source and never rot as opaque binaries.
 */
export function tempDir(prefix = 'tierbook-import-'): { dir: string; write: (name: string, bytes: Uint8Array | string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, bytes) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type FixtureEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk' | 'gb18030' | 'big5' | 'windows-1252';

export function encodeText(text: string, encoding: FixtureEncoding, withBom = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: withBom }));
}

export async function makeXlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first bytes of an OLE2 compound file (old .xls), followed by filler. */
export function fakeXls(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
  return bytes;
}

/** Deterministic pseudo-random bytes (xorshift), so a "binary garbage" failure is reproducible. */
export function garbage(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}
