import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

/**
 * The command line's entry point (dist/cli/tierbook.cjs): turns on Node's compile cache, then loads the CLI
 * itself (core/cli/main.ts, built beside it as tierbook-main.cjs). That bundle is 5 MB of JavaScript, and
 * compiling it was about 85 ms of every command's start; with the cache (in the system's temp folder, keyed
 * by the file's contents, so a rebuilt bundle is compiled afresh) it is read back instead. The cache applies
 * only to modules loaded after it is on, hence a file of its own. Where it cannot be written, Node carries
 * on without it.
 */
enableCompileCache?.();
// A path worked out at run time, so the bundler leaves the CLI out of this file.
require(join(__dirname, 'tierbook-main.cjs'));
