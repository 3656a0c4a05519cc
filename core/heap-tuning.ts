import { setFlagsFromString } from 'node:v8';

/**
 * How V8 sizes the heap of a process that holds the tiers of up to 100k customers for as long as it
 * runs (the app's main process, the CLI's `serve`). Left to its defaults, V8 lets the young generation
 * grow to 128 MiB and the old one to several times what survived its last full collection: at 100k
 * customers the main process peaked near 500 MiB with about 150 MiB live after a collection
 * (docs/performance.md, "Memory").
 *
 * - `--semi-space-growth-factor=1`: the young generation stops doubling (16 MiB in the app's main process
 *   at 100k customers instead of 128). Objects that outlive a scavenge move to the old generation sooner,
 *   which the recompute did not notice: its median was no slower, its scavenges shorter.
 * - `--heap-growing-percent=50`: the old generation is collected once it has grown by half since the last
 *   collection, instead of by a factor of up to four that V8 picks from its own speed. More full
 *   collections, each marked beside the app's work and paused for 5-35 ms at 100k.
 *
 * A one-shot CLI command is left untuned: its memory goes back at exit, and the extra collections made
 * `segment` about a tenth slower at 100k (1.59 → 1.70 s).
 *
 * Both are read whenever V8 resizes a generation, so they take effect when set in a running process:
 * Node and Electron's main process start V8 with `--no-freeze-flags-after-init` (Electron prepends it to
 * `--js-flags`), which is what lets `v8.setFlagsFromString` change them. The heap's maximum sizes, by
 * contrast, are fixed when V8 starts and are not touched here.
 */
export const HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=50'] as const;

/** Sets HEAP_FLAGS for this process (idempotent). */
export function tuneHeapForTiers(): void {
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
}
