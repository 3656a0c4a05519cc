// The third-party notices shipped with the app and the CLI: every npm package whose code a bundle carries, with its
// name, version, license, license text and NOTICE text (Apache-2.0 asks for both to travel with the code). Built from
// what the bundlers report they put in (esbuild's metafile, the renderer build's modules), never from package.json's
// dependency list, which names what is installed rather than what ships. A package whose license cannot be found
// stops the build: shipping it without its notice is the failure this file exists to prevent.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

const TEXTS = join(import.meta.dirname, 'license-texts');
/** Files a package's license text is in: LICENSE, LICENCE.md, license.txt, LICENSE-MIT.txt, COPYING, UNLICENSE … */
const LICENSE_FILE = /^(un)?licen[cs]e|^copying/i;
const NOTICE_FILE = /^notice/i;

/** The first place a bundled file of a package that ships no license text of its own can take one from. */
const KNOWN = JSON.parse(readFileSync(join(TEXTS, 'packages.json'), 'utf8'));

export class MissingLicenseError extends Error {}

/**
 * The package folder a bundled file belongs to: the innermost node_modules/<name> (or <@scope/name>) on its path.
 * `file` is as the bundler names it: relative to `root` (esbuild) or absolute, perhaps behind a NUL or with a
 * query (Rollup's virtual and proxy modules); files of the project itself belong to none.
 */
export function packageDirOf(file, root) {
  const path = file.replace(/^\0+/, '').replace(/\?.*$/, '');
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(absolute);
  return match ? match[1] : undefined;
}

/** The package folders of the bundled files, each once. */
export function packageDirsOf(files, root) {
  return [...new Set(files.map((file) => packageDirOf(file, root)).filter((dir) => dir !== undefined))];
}

/** The files esbuild wrote bytes of into its outputs (a module tree-shaken away to nothing ships nothing). */
export function esbuildInputs(metafile) {
  return Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path));
}

/** The modules a Vite (Rollup) build rendered into its chunks. */
export function rollupInputs(output) {
  const outputs = Array.isArray(output) ? output.flatMap((o) => o.output) : output.output;
  return outputs.filter((o) => o.type === 'chunk').flatMap((chunk) => Object.entries(chunk.modules).filter(([, m]) => m.renderedLength > 0).map(([id]) => id));
}

/** The license a package.json declares: an SPDX expression, or the old `licenses` list, or undefined. */
function declaredLicense(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return undefined;
}

/** The text of every file in the package's folder whose name matches, a folder of them (LICENSES/) included. */
function filesText(dir, pattern) {
  const texts = [];
  for (const name of readdirSync(dir).sort()) {
    if (!pattern.test(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const inner of readdirSync(path).sort()) texts.push(readFileSync(join(path, inner), 'utf8').trim());
    } else texts.push(readFileSync(path, 'utf8').trim());
  }
  return texts.filter(Boolean).join('\n\n');
}

/** The License section of a package's README, where it holds a license's text (not just its name). */
function readmeLicense(dir) {
  const readme = readdirSync(dir).find((name) => /^readme/i.test(name));
  if (!readme) return '';
  const lines = readFileSync(join(dir, readme), 'utf8').split('\n');
  // "## License", "## Copyright & Licence" …
  const start = lines.findIndex((line) => /^#+.*\blicen[cs]e\b/i.test(line));
  if (start === -1) return '';
  const level = /^#+/.exec(lines[start])[0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+/.test(line) && /^#+/.exec(line)[0].length <= level);
  const section = lines.slice(start + 1, end === -1 ? undefined : end).join('\n').trim();
  return /permission|copyright/i.test(section) && section.length > 200 ? section : '';
}

const author = (pkg) => (typeof pkg.author === 'string' ? pkg.author : pkg.author?.name ? [pkg.author.name, pkg.author.email && `<${pkg.author.email}>`].filter(Boolean).join(' ') : undefined);

/**
 * The standard text of a declared license, for a package that ships none: MIT and ISC with its copyright line (the
 * author its package.json names), Apache-2.0 as it is. Undefined for a license without a text kept here.
 */
function standardText(license, copyright) {
  const id = /^MIT\b/i.test(license) ? 'MIT' : /^ISC$/i.test(license) ? 'ISC' : /^Apache-2\.0$/i.test(license) ? 'Apache-2.0' : undefined;
  if (!id || (id !== 'Apache-2.0' && !copyright)) return undefined;
  return readFileSync(join(TEXTS, `${id}.txt`), 'utf8').replace('{{copyright}}', copyright ?? '').trim();
}

/**
 * One package's notice: name, version, license and its text, and its NOTICE text if it has one. The text is the
 * package's own license file, else its README's License section, else the standard text of the license it declares;
 * a package declaring none takes what license-texts/packages.json records for it. Throws MissingLicenseError when
 * neither the license nor its text can be found.
 */
export function describePackage(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const known = KNOWN[pkg.name];
  const license = declaredLicense(pkg) ?? known?.license;
  if (!license) throw new MissingLicenseError(`${pkg.name}@${pkg.version} (${dir}) declares no license and ships no license file`);
  let licenseText = filesText(dir, LICENSE_FILE) || readmeLicense(dir);
  let note = '';
  if (!licenseText) {
    const copyright = known?.copyright ?? (author(pkg) ? `Copyright (c) ${author(pkg)}` : undefined);
    licenseText = standardText(license, copyright) ?? '';
    note = known?.why ?? `The package ships no license text; this is the standard text of the license its package.json declares (${license}).`;
  }
  if (!licenseText) throw new MissingLicenseError(`${pkg.name}@${pkg.version} (${dir}) declares ${license} but ships no license text, and no standard text of it is kept in scripts/license-texts`);
  return { name: pkg.name, version: pkg.version, license, licenseText, noticeText: filesText(dir, NOTICE_FILE), note };
}

/**
 * The packages of the bundled files, one entry per name and version (a package installed twice at one version is
 * one entry), sorted by name. Every package that cannot be described is named in one error, not the first alone.
 */
export function describePackages(files, root) {
  const byKey = new Map();
  const missing = [];
  for (const dir of packageDirsOf(files, root)) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    try {
      const described = describePackage(dir);
      byKey.set(`${described.name}@${described.version}`, described);
    } catch (error) {
      if (!(error instanceof MissingLicenseError)) throw error;
      missing.push(error.message);
    }
  }
  if (missing.length > 0) throw new MissingLicenseError(`no license information for ${missing.length} bundled package(s):\n  ${missing.join('\n  ')}`);
  return [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}

const RULE = '='.repeat(78);

/** The notices file: a heading for what it covers, then each package under a rule. */
export function noticesText(packages, covers) {
  const head = [`Third-party software in ${covers}`, '', `${packages.length} packages, each with its license and, where it has one, its NOTICE.`];
  const entries = packages.map((p) =>
    [RULE, `${p.name} ${p.version}`, `License: ${p.license}`, ...(p.note ? [p.note] : []), '', p.licenseText, ...(p.noticeText ? ['', 'NOTICE:', '', p.noticeText] : [])].join('\n'),
  );
  return `${[head.join('\n'), ...entries].join('\n\n')}\n`;
}

/** The notices of the bundled files as a file to write at `path` (relative to `root`), as the bundlers' outputs are. */
export function noticesFile(files, root, path, covers) {
  return { path: resolve(root, path), contents: noticesText(describePackages(files, root), covers) };
}
