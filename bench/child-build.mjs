// Bundles one bench child as the app's main process and the CLI are shipped (scripts/cli-build.mjs
// shippedBundleDefaults, with its plugins, which esbuild's synchronous API does not take), written as ASCII
// only as they are. Run by bench/child-process.ts in a process of its own, so the bench's measuring stays
// synchronous. Usage: node bench/child-build.mjs ENTRY OUTFILE
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { shippedBundleDefaults } from '../scripts/cli-build.mjs';
import { asciiOnlyOutputs } from '../scripts/ascii-bundle.mjs';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) throw new Error('usage: node bench/child-build.mjs ENTRY OUTFILE');
const built = await build({ ...shippedBundleDefaults, sourcemap: false, entryPoints: [entry], outfile, external: ['better-sqlite3', 'leveldown'], write: false });
mkdirSync(dirname(outfile), { recursive: true });
for (const file of asciiOnlyOutputs(built.outputFiles)) writeFileSync(file.path, file.contents);
