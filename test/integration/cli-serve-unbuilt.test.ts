import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { cliMainOutfile, cliOutfile } from '../../scripts/cli-build.mjs';
import { ROOT, tempDir } from '../support/test-app';

/**
 * `npm run cli` builds the CLI alone, so in a fresh clone `tierbook serve` could start with no pages to serve
 * and answer every address with 404. It says what to run instead, before it opens (or creates) the database.
 */
describe('tierbook serve without the app pages built', () => {
  it('exits 1 with what to run, and creates no database', () => {
    // An installation of the built CLI with its migrations and its modules, but no dist/renderer.
    const root = tempDir();
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    for (const file of [cliOutfile, cliMainOutfile] as string[]) copyFileSync(join(ROOT, file), join(root, file));
    cpSync(join(ROOT, 'db', 'migrations'), join(root, 'db', 'migrations'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const db = join(root, 'shop.sqlite');

    const unbuilt = spawnSync(process.execPath, [join(root, cliOutfile), 'serve', '--db', db, '--port', '0'], { encoding: 'utf8', timeout: 30_000 });
    expect(unbuilt.status).toBe(1);
    expect(unbuilt.stderr).toContain(`error: the app's pages are not built (${join(root, 'dist', 'renderer', 'index.html')} is missing): run npm run build first`);
    expect(unbuilt.stdout).toBe('');
    expect(existsSync(db)).toBe(false);

    // A usage mistake is still one: no --db is exit 2, whatever else is missing.
    expect(spawnSync(process.execPath, [join(root, cliOutfile), 'serve'], { encoding: 'utf8', timeout: 30_000 }).status).toBe(2);
  });
});
