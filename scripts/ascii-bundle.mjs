// Node bundles written as ASCII only. esbuild's default charset escapes non-ASCII characters in strings and
// identifiers but leaves regular-expression literals as they are (pinyin-pro's tone marks, the place-name
// suffixes we strip). One character above U+00FF anywhere makes V8 hold the whole script source as a
// two-byte string, for as long as the process lives: the app's main process and the CLI kept 10 MiB of
// source in their heap where 5 MiB does. Each such UTF-16 unit becomes \uXXXX, which means the same
// character in a string, a template's text, a comment and a regular expression, with or without the u flag
// (there a lead and a trail escape make one code point). The linked source map is moved along.
import { decode, encode } from '@jridgewell/sourcemap-codec';

const NON_ASCII = /(\\*)([^\x00-\x7f])/g;

const unicodeEscape = (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `code` with every non-ASCII UTF-16 unit escaped, and per line (0-based) how each escape moved the text
 * after it: [column in the old line after which text moved, by how many units]. A unit behind an odd run
 * of backslashes was an identity escape (`\é` in a regular expression means é): its backslash goes, or
 * the new escape would read as a backslash followed by the letters "u00e9".
 */
export function asciiOnly(code) {
  /** @type {Map<number, [number, number][]>} */
  const shifts = new Map();
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  const escaped = code.replace(NON_ASCII, (match, backslashes, unit, offset) => {
    for (let i = code.indexOf('\n', scanned); i !== -1 && i < offset; i = code.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = offset;
    const identityEscape = backslashes.length % 2 === 1;
    const replacement = (identityEscape ? backslashes.slice(1) : backslashes) + unicodeEscape(unit);
    const column = offset + match.length - 1 - lineStart;
    if (!shifts.has(line)) shifts.set(line, []);
    shifts.get(line).push([column, replacement.length - match.length]);
    return replacement;
  });
  return { code: escaped, shifts };
}

/** A source map's generated columns moved by `shifts` (as asciiOnly gives them); sources and names unchanged. */
export function shiftSourceMap(mapText, shifts) {
  if (shifts.size === 0) return mapText;
  const map = JSON.parse(mapText);
  const lines = decode(map.mappings);
  for (const [line, moves] of shifts) {
    // Both in column order: one sweep, the growth of every escape before a segment added to it.
    let next = 0;
    let growth = 0;
    for (const segment of lines[line] ?? []) {
      while (next < moves.length && moves[next][0] < segment[0]) growth += moves[next++][1];
      segment[0] += growth;
    }
  }
  map.mappings = encode(lines);
  return JSON.stringify(map);
}

/**
 * esbuild's output files (a build with `write: false`) as ASCII-only text: each .js/.cjs/.mjs escaped, its
 * .map beside it moved along, anything else as it was. Returns [{ path, contents }] to write.
 */
export function asciiOnlyOutputs(outputFiles) {
  const byPath = new Map(outputFiles.map((file) => [file.path, file.text]));
  const written = new Map();
  for (const [path, text] of byPath) {
    if (!/\.(c|m)?js$/.test(path)) continue;
    const { code, shifts } = asciiOnly(text);
    written.set(path, code);
    const mapPath = `${path}.map`;
    if (byPath.has(mapPath)) written.set(mapPath, shiftSourceMap(byPath.get(mapPath), shifts));
  }
  return [...byPath].map(([path, text]) => ({ path, contents: written.get(path) ?? text }));
}
