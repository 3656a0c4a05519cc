import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { cliBundles, cliNoticesOutfile } from '../../scripts/cli-build.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { describePackages, MissingLicenseError, packageDirsOf, rollupInputs } from '../../scripts/notices.mjs';
import { cli } from '../support/cli';
import { ROOT, tempDir } from '../support/test-app';

/**
 * The command line ships the licenses of the third-party code it carries: every package its bundles hold code of
 * (worked out here again from esbuild's own account of the bundles), with its version, license and license text.
 * A package whose license cannot be found stops the build instead of shipping without it.
 */
let notices: string;
let packageDirs: string[];
beforeAll(async () => {
  notices = readFileSync(join(ROOT, cliNoticesOutfile), 'utf8');
  // Every file esbuild reads into the bundles, by its own account; a package is the innermost node_modules/<name>.
  const dirs = new Set<string>();
  for (const options of cliBundles as BuildOptions[]) {
    const { metafile } = await build({ ...options, absWorkingDir: ROOT, write: false, metafile: true });
    for (const file of Object.keys(metafile.inputs)) {
      const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
      if (dir) dirs.add(join(ROOT, dir));
    }
  }
  packageDirs = [...dirs];
}, 120_000);

const LICENSE_FILE = /^(un)?licen[cs]e|^copying/i;
const squeezed = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the command line’s third-party notices', () => {
  it('name every package its bundles carry, with its version, license and the text of its license files', () => {
    expect(packageDirs.length).toBeGreaterThan(100);
    const text = squeezed(notices);
    for (const dir of packageDirs) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      expect(notices, `${pkg.name}@${pkg.version}`).toMatch(new RegExp(`^${pkg.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${pkg.version.replace(/\./g, '\\.')}\nLicense: \\S`, 'm'));
      for (const name of readdirSync(dir).filter((n) => LICENSE_FILE.test(n))) {
        const path = join(dir, name);
        const files = statSync(path).isDirectory() ? readdirSync(path).map((inner) => join(path, inner)) : [path];
        for (const file of files) expect(text, `${pkg.name}: ${file}`).toContain(squeezed(readFileSync(file, 'utf8')));
      }
    }
    // The character table Traditional→Simplified folding uses (opencc-js), under Apache-2.0 as well as MIT.
    const opencc = notices.slice(notices.indexOf('\nopencc-js '));
    expect(opencc.slice(0, opencc.indexOf('\n=====', 1))).toContain('Apache License');
  });

  it('are printed by tierbook licenses, without a database', () => {
    const run = cli('licenses');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(notices.trimEnd() + '\n');
    expect(JSON.parse(cli('licenses', '--json').stdout)).toEqual({ file: join(ROOT, cliNoticesOutfile), text: notices });
    expect(cli('licenses', '--help').stdout).toMatch(/^Usage: tierbook licenses \[flags\]\n/);
  });
});

/** A project of its own with a node_modules of made-up packages, and one bundled file of each. */
function project(packages: Record<string, { json: Record<string, unknown>; files?: Record<string, string> }>) {
  const root = tempDir();
  const inputs: string[] = [];
  for (const [name, { json, files = {} }] of Object.entries(packages)) {
    const dir = join(root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...json }));
    writeFileSync(join(dir, 'index.js'), 'module.exports = 1;\n');
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    inputs.push(`node_modules/${name}/index.js`);
  }
  return { root, inputs };
}

describe('the notices generator', () => {
  it('fails loudly, naming each bundled package without license information', () => {
    const { root, inputs } = project({
      fine: { json: { license: 'MIT' }, files: { LICENSE: 'MIT License\n\nCopyright (c) Fine\n\nPermission is hereby granted…' } },
      unlabelled: { json: {} },
      untexted: { json: { license: 'WTFPL' } },
    });
    expect(() => describePackages(inputs, root)).toThrow(MissingLicenseError);
    expect(() => describePackages(inputs, root)).toThrow(/2 bundled package\(s\):\n {2}unlabelled@1\.0\.0 .*declares no license.*\n {2}untexted@1\.0\.0 .*declares WTFPL but ships no license text/);
  });

  it('carries a NOTICE beside the license, and the standard text where a package declares one but ships none', () => {
    const { root, inputs } = project({
      noticed: { json: { license: 'Apache-2.0' }, files: { LICENSE: 'Apache License, Version 2.0 …', NOTICE: 'Noticed\nCopyright 2026 The Noticed Authors' } },
      bare: { json: { license: 'ISC', author: 'Ada <ada@example.com>' } },
    });
    const [bare, noticed] = describePackages(inputs, root) as { name: string; licenseText: string; noticeText: string; note: string }[];
    expect(noticed).toMatchObject({ name: 'noticed', licenseText: 'Apache License, Version 2.0 …', noticeText: 'Noticed\nCopyright 2026 The Noticed Authors' });
    expect(bare!.licenseText).toMatch(/^ISC License\n\nCopyright \(c\) Ada <ada@example\.com>\n\nPermission to use/);
    expect(bare!.note).toContain('ships no license text');
  });

  it("reads the renderer build's modules, rendered ones only", () => {
    const output = { output: [{ type: 'chunk', modules: { '/p/node_modules/a/x.js': { renderedLength: 10 }, '/p/node_modules/b/y.js': { renderedLength: 0 }, '\0/p/node_modules/c/z.js?commonjs-proxy': { renderedLength: 3 } } }, { type: 'asset' }] };
    expect(packageDirsOf(rollupInputs(output), '/p')).toEqual(['/p/node_modules/a', '/p/node_modules/c']);
  });
});
