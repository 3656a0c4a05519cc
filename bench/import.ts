/**
 * A large import as a user would run it: an orders CSV of `rows` lines (GBK-free UTF-8, Chinese headers)
 * linked to existing customers by phone, imported as one batch through dispatch, then undone by `undo` (the
 * bench hands it the import worker the app runs an undo in). The import runs in this process, on its own
 * connection, so that its heap and RSS can be sampled while it streams, to show memory staying flat; the
 * floor is reading and parsing the same file with the streaming reader alone (no validation, no database).
 * The undo is timed with the longest wait other calls of this process meet meanwhile.
 */
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { openCsvStream } from '../core/import';
import type { Dispatch } from '../core/dispatch';
import { mib } from './measure';
import { withStalls } from './tiers';

async function writeOrdersCsv(path: string, rows: number, phones: string[]): Promise<void> {
  const out = createWriteStream(path);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('手机,下单日期,订单金额,币种,备注\n');
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    await write(`${phones[i % phones.length]},2025-${month}-${day},${(100 + (i % 9000)) / 1},CNY,批量导入 ${i}\n`);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

export async function measureImport(dispatch: Dispatch, dir: string, rows: number, phones: string[], undo: (batchId: string) => Promise<unknown>) {
  const file = join(dir, 'orders-import.csv');
  await writeOrdersCsv(file, rows, phones);
  const bytes = statSync(file).size;

  const floorStart = performance.now();
  let parsed = 0;
  const stream = await openCsvStream(file, { batchSize: 2000 });
  for await (const batch of stream) parsed += batch.rows.length;
  const floorMs = performance.now() - floorStart;

  const samples: { heap: number; rss: number }[] = [];
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    samples.push({ heap: m.heapUsed, rss: m.rss });
  }, 50);
  const start = performance.now();
  const result = await dispatch('import:commit', { kind: 'orders', source: { path: file }, onError: 'skip', linkBy: 'phone', reportLimit: 10 });
  const importMs = performance.now() - start;
  clearInterval(sampler);
  if (!result.ok) throw new Error(result.error.message);
  const value = result.value as { added: number; rejected: number; batchId: string | null };

  const undone = await withStalls(() => undo(value.batchId!));
  const undoMs = undone.callMs;

  // Heap in each quarter of the run: flat means the last quarter is no higher than the first.
  const quarter = (q: number) => {
    const slice = samples.slice(Math.floor((q * samples.length) / 4), Math.floor(((q + 1) * samples.length) / 4));
    return mib(Math.max(0, ...slice.map((s) => s.heap)));
  };
  return {
    rows,
    fileMiB: mib(bytes),
    parsedRows: parsed,
    floorParseMs: Math.round(floorMs),
    floorRowsPerSecond: Math.round(parsed / (floorMs / 1000)),
    importMs: Math.round(importMs),
    rowsPerSecond: Math.round(rows / (importMs / 1000)),
    added: value.added,
    rejected: value.rejected,
    undoMs: Math.round(undoMs),
    undoLongestStallMs: Math.round(undone.longestStallMs),
    // A quarter without a sample (an import of well under a second) cannot say whether memory stayed flat.
    peakHeapMiBByQuarter: samples.length >= 8 ? [0, 1, 2, 3].map(quarter) : null,
    memorySamples: samples.length,
    peakRssMiB: mib(Math.max(0, ...samples.map((s) => s.rss))),
  };
}
