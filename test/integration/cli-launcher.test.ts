import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundlesStale, rebuildBundles } from '../../scripts/cli-freshness.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { cliBundles, cliMainOutfile, cliOutfile, cliSources } from '../../scripts/cli-build.mjs';
import { ROOT, tempDir } from '../support/test-app';

/** A project of its own in a temp folder: two sources, one bundle, built with the launcher's own functions. */
function smallProject() {
  const root = tempDir();
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'greeting.ts'), `export const greeting: string = 'hello';\n`);
  writeFileSync(join(root, 'src', 'main.ts'), `import { greeting } from './greeting';\nconsole.log(greeting, process.argv.slice(2).join(' '));\n`);
  const bundles = [{ entryPoints: ['src/main.ts'], outfile: 'out/main.cjs', bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' }];
  return { root, bundles, sources: ['src'] };
}

const setMtime = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

describe('npm run cli: the built bundle, rebuilt only when sources changed', () => {
  it('is stale without a bundle, fresh after a build, stale again when any source changes', async () => {
    const { root, bundles, sources } = smallProject();
    expect(bundlesStale(root, bundles, sources)).toBe(true);
    await rebuildBundles(root, bundles);
    const run = () => spawnSync(process.execPath, [join(root, 'out', 'main.cjs'), 'a', 'b'], { encoding: 'utf8' }).stdout.trim();
    expect(run()).toBe('hello a b');
    // Sources older than the bundle: nothing to do.
    const now = Date.now() / 1000;
    for (const f of ['greeting.ts', 'main.ts']) setMtime(join(root, 'src', f), now - 60);
    setMtime(join(root, 'src'), now - 60);
    setMtime(join(root, 'out', 'main.cjs'), now - 30);
    expect(bundlesStale(root, bundles, sources)).toBe(false);
    // An imported file (not the entry) edited after the build makes it stale, and the rebuild picks it up.
    writeFileSync(join(root, 'src', 'greeting.ts'), `export const greeting: string = 'bonjour';\n`);
    expect(bundlesStale(root, bundles, sources)).toBe(true);
    await rebuildBundles(root, bundles);
    expect(bundlesStale(root, bundles, sources)).toBe(false);
    expect(run()).toBe('bonjour a b');
  });

  it('npm run cli runs scripts/cli.mjs, which watches every folder the CLI bundle is built from', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.cli).toBe('node scripts/cli.mjs');
    expect(pkg.bin.tierbook).toBe(cliOutfile);
    const entries = (cliBundles as Array<{ entryPoints: string[] }>).flatMap((b) => b.entryPoints);
    expect(entries).toEqual(['core/cli/launch.ts', 'core/cli/main.ts', 'core/importing/worker/launch.ts', 'core/importing/worker/entry.ts']);
    for (const folder of ['core', 'shared']) expect(cliSources).toContain(folder);
    // Whatever the CLI imports from db/ is watched (the migrations are read at run time, not bundled).
    const imported = new Set<string>();
    const scan = (file: string, seen = new Set<string>()) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
        const target = join(file, '..', m[1]!);
        const candidates = [`${target}.ts`, join(target, 'index.ts')];
        const found = candidates.find((c) => {
          try {
            readFileSync(c);
            return true;
          } catch {
            return false;
          }
        });
        if (found) {
          imported.add(found.slice(ROOT.length + 1));
          scan(found, seen);
        }
      }
    };
    scan(join(ROOT, 'core', 'cli', 'main.ts'));
    expect(imported.size).toBeGreaterThan(50);
    const unwatched = [...imported].filter((f) => !(cliSources as string[]).some((s) => f === s || f.startsWith(`${s}/`)));
    expect(unwatched).toEqual([]);
  });

  it("the bin turns on Node's compile cache before it loads the CLI beside it", async () => {
    // The bin built as the build does, beside a stand-in for the CLI proper that says whether the cache is on.
    const root = tempDir();
    const launcher = (cliBundles as Array<{ outfile: string; entryPoints: string[] }>).find((b) => b.outfile === cliOutfile)!;
    await rebuildBundles(root, [{ ...launcher, entryPoints: launcher.entryPoints.map((e) => join(ROOT, e)), outfile: 'tierbook.cjs' }]);
    writeFileSync(join(root, 'tierbook-main.cjs'), `console.log(JSON.stringify({ cache: require('node:module').getCompileCacheDir() ?? null, args: process.argv.slice(2) }));\n`);
    expect(cliMainOutfile).toBe(join('dist', 'cli', 'tierbook-main.cjs'));
    const temp = join(root, 'temp');
    mkdirSync(temp);
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp };
    delete env.NODE_COMPILE_CACHE;
    const child = spawnSync(process.execPath, [join(root, 'tierbook.cjs'), 'segment', '--json'], { encoding: 'utf8', env });
    expect(child.stderr).toBe('');
    const said = JSON.parse(child.stdout) as { cache: string | null; args: string[] };
    expect(said.args).toEqual(['segment', '--json']);
    // Node keeps a folder per version under the one it was given.
    expect(said.cache?.startsWith(`${join(temp, 'node-compile-cache')}/`)).toBe(true);
  });
});
