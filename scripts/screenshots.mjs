// Refreshes the README's screenshots (docs/screenshots) by running the end-to-end journeys in Chromium.
import { spawnSync } from 'node:child_process';

const run = spawnSync('vitest', ['run', '--project', 'e2e'], { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, TIERBOOK_SCREENSHOTS: 'docs' } });
process.exit(run.status ?? 1);
