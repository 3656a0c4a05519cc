import yauzl from 'yauzl';
import { ImportError } from '../../shared/import/errors';
import { MAX_PART_BYTES, MAX_XML_RUN_CHARS, MAX_ZIP_ENTRIES, cellTooLong, partTooLarge } from './xlsx-limits';

/**
 * The zip side of reading a workbook: the directory is read first, so every part's declared size is
 * known (and refused if too large) before one byte is inflated; a part is then inflated as a stream of
 * text chunks, and yauzl checks that the inflated bytes never exceed what the directory declared.
 */
export interface ZipParts {
  /** The entry for a part name (case-insensitive, as Excel treats them), or undefined. */
  entry(name: string): yauzl.Entry | undefined;
  /** Streams a part as decoded UTF-8 text; `onText` may throw to stop at once. */
  readText(entry: yauzl.Entry, onText: (text: string) => void, limit?: number): Promise<void>;
  close(): void;
}

export function unreadable(cause?: unknown): ImportError {
  return new ImportError('xlsx_unreadable', 'The workbook could not be read; it may be damaged. Open and save it again in Excel or WPS.', {}, { cause });
}

export async function openZipParts(bytes: Uint8Array): Promise<ZipParts> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zipfile) => (error ? reject(unreadable(error)) : resolve(zipfile)));
  });
  try {
    const entries = await listEntries(zip);
    return {
      entry: (name) => entries.get(name.replace(/^\/+/, '').toLowerCase()),
      readText: (entry, onText, limit = MAX_PART_BYTES) => readText(zip, entry, onText, limit),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) return Promise.reject(unreadable(new Error(`${zip.entryCount} entries`)));
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error) => reject(unreadable(error)));
    zip.readEntry();
  });
}

function readText(zip: yauzl.ZipFile, entry: yauzl.Entry, onText: (text: string) => void, limit: number): Promise<void> {
  // Checked here too, so no caller can inflate a part without the size check.
  if (entry.uncompressedSize > limit) return Promise.reject(partTooLarge(entry.fileName, entry.uncompressedSize, limit));
  if (entry.isEncrypted()) return Promise.reject(unreadable(new Error('encrypted entry')));
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(unreadable(error));
      const decoder = new TextDecoder('utf-8');
      const runs = new RunGuard(entry.fileName);
      let inflated = 0;
      let settled = false;
      const fail = (reason: unknown) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(reason instanceof ImportError ? reason : unreadable(reason));
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        inflated += chunk.length;
        // yauzl stops a stream that outgrows its declared size; counting here as well costs nothing.
        if (inflated > entry.uncompressedSize) return fail(unreadable(new Error(`${entry.fileName} inflates past its declared ${entry.uncompressedSize} bytes`)));
        try {
          const text = decoder.decode(chunk, { stream: true });
          runs.check(text);
          onText(text);
        } catch (cause) {
          fail(cause);
        }
      });
      stream.once('error', fail);
      stream.once('end', () => {
        if (settled) return;
        try {
          const rest = decoder.decode();
          if (rest) onText(rest);
          settled = true;
          resolve();
        } catch (cause) {
          fail(cause);
        }
      });
    });
  });
}

/**
 * XML parsers gather a text node whole before handing it over, so a 4 GB cell would be buffered before
 * any cell-length check could see it. Counting the characters since the last '<' across chunks catches
 * it after MAX_XML_RUN_CHARS instead.
 */
class RunGuard {
  private run = 0;
  constructor(private readonly part: string) {}

  check(text: string): void {
    const lastTag = text.lastIndexOf('<');
    if (lastTag === -1) this.run += text.length;
    else {
      // The longest run inside this chunk matters too, not only the one at its end.
      let from = 0;
      let longest = this.run;
      for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
        longest = Math.max(longest, (from === 0 ? this.run : 0) + at - from);
        from = at + 1;
      }
      this.run = text.length - lastTag - 1;
      if (longest > MAX_XML_RUN_CHARS) throw cellTooLong(this.part);
    }
    if (this.run > MAX_XML_RUN_CHARS) throw cellTooLong(this.part);
  }
}
