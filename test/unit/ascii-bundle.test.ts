import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { asciiOnly, asciiOnlyOutputs } from '../../scripts/ascii-bundle.mjs';
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { bundleDefaults, nodeBundleFiles } from '../../scripts/cli-build.mjs';

type OutputFile = { path: string; contents: string };
const escaped = (code: string): string => (asciiOnly(code) as { code: string }).code;
const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

const dir = mkdtempSync(join(tmpdir(), 'tierbook-ascii-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Evaluates an expression's source and gives back its value. */
const valueOf = (source: string): unknown => new Function(`return (${source});`)();

describe('bundles written as ASCII only', () => {
  it('escapes every non-ASCII unit so that strings, templates and regular expressions mean the same', () => {
    const cases = [
      `"省市 ü 😀"`,
      '`模板 ${1 + 1} ê̄`',
      `"广东省".replace(/(省|市|自治区)$/u, "")`,
      `"lǚ".replace(/(ǖ|ǘ|ǚ|ǜ)/g, "v")`,
      `/^[★☆\\s]+$/u.test("★ ☆")`,
      `/[😀-😎]/u.test("😃")`,
      `/😀{2}/.test("😀😀")`,
      `/^[eēéěè]r$/.test("ěr")`,
      `"a\\é b"`,
      `/\\ü/.test("ü")`,
      `/\\\\ü/.test("\\\\ü")`,
      `/[\\u3000\\s]+/.source + "/" + /x/.flags`,
    ];
    for (const source of cases) {
      const ascii = escaped(source);
      expect(isAscii(ascii), ascii).toBe(true);
      expect(valueOf(ascii), source).toEqual(valueOf(source));
    }
  });

  it('leaves ASCII text as it is, with nothing to move in its source map', () => {
    const code = 'const a = /x+/g; // plain\nconsole.log("\\u00e9");\n';
    const result = asciiOnly(code) as { code: string; shifts: Map<number, unknown> };
    expect(result.code).toBe(code);
    expect(result.shifts.size).toBe(0);
  });

  it('moves the source map with the text, so every later name still maps to its own source line and column', async () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      [
        'export function stripSuffix(name: string): string {',
        "  return name.replace(/(省|市|自治区)$/u, '').replace(/[ā-ǜ]/g, 'a');",
        '}',
        "export function afterTheEscapes(value: string): string { return stripSuffix(value) + '!'; }",
        "export const tail = afterTheEscapes('广州市');",
      ].join('\n'),
    );
    const options = { ...bundleDefaults, entryPoints: [entry], outfile: join(dir, 'out.cjs'), sourcemap: 'linked', minify: false, logLevel: 'silent' };
    const raw = (await build({ ...options, write: false })).outputFiles ?? [];
    const files = (await nodeBundleFiles(options)) as OutputFile[];
    const code = files.find((f) => f.path.endsWith('.cjs'))!.contents;
    const map = files.find((f) => f.path.endsWith('.map'))!.contents;
    const rawCode = raw.find((f) => f.path.endsWith('.cjs'))!.text;
    expect(isAscii(rawCode)).toBe(false);
    expect(isAscii(code)).toBe(true);

    // Each name found in both outputs maps to the same place in the source.
    const traced = new TraceMap(map);
    const rawTraced = new TraceMap(raw.find((f) => f.path.endsWith('.map'))!.text);
    const positionOf = (text: string, needle: string) => {
      const index = text.indexOf(needle);
      expect(index, needle).toBeGreaterThan(-1);
      const before = text.slice(0, index).split('\n');
      return { line: before.length, column: before[before.length - 1]!.length };
    };
    for (const needle of ['afterTheEscapes(value)', 'replace(/[', '"a")', 'stripSuffix(value)', 'tail =']) {
      const mapped = originalPositionFor(traced, positionOf(code, needle));
      const rawMapped = originalPositionFor(rawTraced, positionOf(rawCode, needle));
      expect(mapped.line, needle).not.toBeNull();
      expect({ line: mapped.line, column: mapped.column }, needle).toEqual({ line: rawMapped.line, column: rawMapped.column });
    }
    // And the bundle does what the source does.
    const module = { exports: {} as { tail?: string; stripSuffix?: (s: string) => string } };
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    expect(module.exports.tail).toBe('广州!');
    expect(module.exports.stripSuffix!('lǜ市')).toBe('la');
  });

  it('passes files other than scripts through unchanged', () => {
    const files = asciiOnlyOutputs([
      { path: '/x/a.cjs', text: 'var s=/é/;' },
      { path: '/x/a.css', text: '.é{}' },
    ]) as OutputFile[];
    expect(files).toEqual([
      { path: '/x/a.cjs', contents: 'var s=/\\u00e9/;' },
      { path: '/x/a.css', contents: '.é{}' },
    ]);
  });
});
