import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

/**
 * The import worker's entry point (dist/main/import-worker.cjs): turns on Node's compile cache, then loads the worker
 * itself (./entry.ts, built beside it as import-worker-main.cjs). Every import, undo and backup check starts a
 * worker, and compiling its 3 MB bundle was 175–185 ms of each start (80 ms read back from the cache): an undo's
 * user waits for it. As for the command line (core/cli/launch.ts), the cache is in the system's temp folder, keyed by
 * the file's contents, and applies only to modules loaded after it is on, hence a file of its own; where it cannot be
 * written, the worker carries on without it.
 */
enableCompileCache?.();
// A path worked out at run time, so the bundler leaves the worker out of this file.
require(join(__dirname, 'import-worker-main.cjs'));
