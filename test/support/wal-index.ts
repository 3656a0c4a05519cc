import { closeSync, openSync, readSync } from 'node:fs';

/**
 * What SQLite's WAL index (the database's -shm file) says of the WAL, read from its header: the frames the
 * last commit left in it (mxFrame) and how many of them a checkpoint has copied into the database
 * (nBackfill). Layout: two copies of the 48-byte WalIndexHdr (mxFrame at byte 16), then WalCkptInfo
 * (nBackfill at byte 96), in the machine's byte order (sqlite.org/walformat.html).
 */
export function walIndexHeader(dbPath: string): { frames: number; backfilled: number } {
  const fd = openSync(`${dbPath}-shm`, 'r');
  try {
    const header = Buffer.alloc(136);
    readSync(fd, header, 0, header.length, 0);
    const read = (offset: number) => (header.readUInt32LE(0) === 3007000 ? header.readUInt32LE(offset) : header.readUInt32BE(offset));
    return { frames: read(16), backfilled: read(96) };
  } finally {
    closeSync(fd);
  }
}
