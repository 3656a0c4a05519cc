import * as zlib from 'node:zlib';
import type { Db } from '../open';

/**
 * The copy of the tiers' inputs kept in the database (db/schema/tier-inputs.ts): its header, and its
 * sections' bytes a part at a time. What the bytes mean is core/segmentation/kept-inputs-codec.ts's.
 *
 * Each part is stored compressed: at 100k customers the copy is 12 MiB instead of 61 (the order days'
 * numbers are small integers held as doubles, the dates and instants repeat), which is what the database
 * grows by, what a backup carries, and what each write of the copy puts through the WAL and its checkpoints
 * — written raw, a checkpoint now and then held a turn for 80–400 ms. With zstd (its level 1) where the
 * runtime has it (Node 22.15 and later, so every Electron since 40), else deflate (zlib's fastest level).
 * Taking the parts back is what a process that starts on a kept copy waits for first: at 100k customers
 * inflating them took 61–75 ms, zstd 47–56 ms; compressing them takes about 80 ms instead of 200.
 * Each part says which it is by its first bytes (zstd's frame magic), so either reads the other's parts,
 * and a runtime without zstd finds a zstd copy unreadable and reads the rows in full.
 */

/** The first bytes of a zstd frame (RFC 8878); a zlib stream starts otherwise (0x78 for deflate's window). */
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd] as const;

const hasZstd = typeof zlib.zstdCompressSync === 'function' && typeof zlib.zstdDecompressSync === 'function';

const isZstd = (bytes: Uint8Array): boolean => ZSTD_MAGIC.every((byte, k) => bytes[k] === byte);

/** `bytes` compressed as the runtime best can: zstd, else deflate. */
function compressPart(bytes: Uint8Array): Buffer {
  return hasZstd ? zlib.zstdCompressSync(bytes, { params: { [zlib.constants.ZSTD_c_compressionLevel]: 1 } }) : zlib.deflateSync(bytes, { level: 1 });
}

/** A part's size before deflating: a turn can take one or several. */
export const PART_BYTES = 2 * 1024 * 1024;

export interface KeptInputsHeader {
  generation: string;
  format: number;
  rev: number;
  zone: string;
  /** JSON (InputsLayout). */
  layout: string;
}

export function keptInputsHeader(db: Db): KeptInputsHeader | undefined {
  return db.$client.prepare(`SELECT generation, format, rev, zone, layout FROM tier_inputs_kept WHERE id = 1`).get() as KeptInputsHeader | undefined;
}

/**
 * Copies part `part` of `section` of `generation` into `into` at `part * PART_BYTES`; false when the part is
 * missing or of another size than the layout says (the copy was replaced meanwhile, or is damaged).
 */
export function readPart(db: Db, generation: string, section: string, part: number, into: Uint8Array): boolean {
  const stored = db.$client.prepare(`SELECT data FROM tier_inputs_parts WHERE generation = ? AND section = ? AND part = ?`).pluck().get(generation, section, part) as Buffer | undefined;
  if (!stored) return false;
  const at = part * PART_BYTES;
  const expected = Math.min(PART_BYTES, into.byteLength - at);
  let data: Buffer;
  try {
    // Never more than the part can hold: a damaged part cannot make the process allocate more. Taken back
    // into one buffer of the part's size (zlib's 16 KiB chunks, joined after, took half as long again).
    const limits = { maxOutputLength: Math.max(1, expected), chunkSize: Math.max(64, expected) };
    if (!isZstd(stored)) data = zlib.inflateSync(stored, limits);
    else if (hasZstd) data = zlib.zstdDecompressSync(stored, limits);
    else return false;
  } catch {
    return false;
  } finally {
    releaseBytes(stored);
  }
  if (data.byteLength !== expected) return false;
  into.set(data, at);
  releaseBytes(data);
  return true;
}

/**
 * Frees the memory behind `bytes` now, when they are the whole of it, instead of when the collector gets to
 * them: SQLite's blobs arrive as buffers outside V8's heap, which V8 collects only once tens of megabytes of
 * them have piled up — reading a 68 MiB copy a part at a time raised a process's peak by about as much.
 * Detaching (ArrayBuffer.prototype.transfer) leaves `bytes` empty; only for bytes no one else holds.
 */
export function releaseBytes(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) buffer.transfer?.(0);
}

/** How many parts each section of `generation` has (the primary key's prefix: no part is read). */
export function partCounts(db: Db, generation: string): Map<string, number> {
  const rows = db.$client.prepare(`SELECT section, count(*) FROM tier_inputs_parts WHERE generation = ? GROUP BY section`).raw().all(generation) as [string, number][];
  return new Map(rows);
}

/** The number of parts a section of `byteLength` bytes takes (at least one, so an empty section is there too). */
export const partsOf = (byteLength: number): number => Math.max(1, Math.ceil(byteLength / PART_BYTES));

/** Writes part `part` of `section` of `generation` (bytes cut from the section at `part * PART_BYTES`). */
export function writePart(db: Db, generation: string, section: string, part: number, bytes: Uint8Array): void {
  const slice = bytes.subarray(part * PART_BYTES, Math.min(bytes.byteLength, (part + 1) * PART_BYTES));
  const stored = compressPart(slice);
  db.$client.prepare(`INSERT OR REPLACE INTO tier_inputs_parts (generation, section, part, data) VALUES (?, ?, ?, ?)`).run(generation, section, part, stored);
  releaseBytes(stored);
}

/**
 * Names `header`'s generation as the copy (its parts all written) and drops every other generation's parts:
 * the copy it replaces, and any left half-written by a writer that stopped.
 */
export function publishKeptInputs(db: Db, header: KeptInputsHeader, writtenAt: string): void {
  db.$client
    .prepare(`INSERT OR REPLACE INTO tier_inputs_kept (id, generation, format, rev, zone, layout, written_at) VALUES (1, ?, ?, ?, ?, ?, ?)`)
    .run(header.generation, header.format, header.rev, header.zone, header.layout, writtenAt);
  dropPartsBesides(db, header.generation);
}

/** Drops the parts of every generation but `generation`. */
export function dropPartsBesides(db: Db, generation: string): void {
  db.$client.prepare(`DELETE FROM tier_inputs_parts WHERE generation <> ?`).run(generation);
}

/** Drops the copy (`tierbook repair`, tests). */
export function dropKeptInputs(db: Db): void {
  db.$client.prepare(`DELETE FROM tier_inputs_kept`).run();
  db.$client.prepare(`DELETE FROM tier_inputs_parts`).run();
}
