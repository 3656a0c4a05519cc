import { posix } from 'node:path';
import { cellTooLong, MAX_CELL_CHARS, MAX_META_PART_BYTES } from './xlsx-limits';
import { streamXml } from './xml-stream';
import { unreadable, type ZipParts } from './zip-parts';

/** What a workbook says about itself before any sheet is read: its sheets, strings and date styles. */
export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The part holding the sheet's cells, e.g. "xl/worksheets/sheet1.xml". */
  part: string | null;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  /** Mac Excel's old epoch: serial 0 is 1904-01-01 instead of 1899-12-30. */
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
  /** The parts read to learn all this, for the total-size check. */
  describedBy: string[];
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

interface Relationship {
  type: string;
  target: string;
}

async function readRelationships(parts: ZipParts, relsPart: string, baseDir: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = parts.entry(relsPart);
  if (!entry) return rels;
  await streamXml(parts, entry, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      rels.set(a.Id, { type: a.Type ?? '', target: resolvePart(baseDir, a.Target) });
    },
  }, MAX_META_PART_BYTES);
  return rels;
}

/** Targets are relative to the folder of the part that names them, or absolute from the package root. */
function resolvePart(baseDir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(baseDir, target);
  return posix.normalize(path).replace(/^\/+/, '');
}

export async function readWorkbookInfo(parts: ZipParts): Promise<WorkbookInfo> {
  const root = await readRelationships(parts, '_rels/.rels', '');
  const workbookPart = [...root.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const entry = parts.entry(workbookPart);
  if (!entry) throw unreadable(new Error(`no ${workbookPart}`));
  const dir = posix.dirname(workbookPart);
  const relsPart = posix.join(dir, '_rels', `${posix.basename(workbookPart)}.rels`);
  const rels = await readRelationships(parts, relsPart, dir);

  const declared: Array<{ name: string; state: SheetInfo['state']; rid: string | undefined }> = [];
  let date1904 = false;
  await streamXml(parts, entry, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet' || a.name === undefined) return;
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      declared.push({ name: a.name, state, rid: a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] });
    },
  }, MAX_META_PART_BYTES);
  const byType = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type))?.target ?? null;
  return {
    sheets: declared.map((s) => ({ name: s.name, state: s.state, part: (s.rid && rels.get(s.rid)?.target) || null })),
    date1904,
    sharedStringsPart: byType(REL_SHARED_STRINGS) ?? (parts.entry(posix.join(dir, 'sharedStrings.xml')) ? posix.join(dir, 'sharedStrings.xml') : null),
    stylesPart: byType(REL_STYLES) ?? (parts.entry(posix.join(dir, 'styles.xml')) ? posix.join(dir, 'styles.xml') : null),
    describedBy: ['_rels/.rels', workbookPart, relsPart],
  };
}

/**
 * The shared string table: every <si>'s text, rich runs joined. Phonetic guides (<rPh>, the furigana
 * over Japanese names) are not part of the value and are left out.
 */
export async function readSharedStrings(parts: ZipParts, part: string | null): Promise<string[]> {
  const entry = part ? parts.entry(part) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  await streamXml(parts, entry, {
    open(name) {
      if (name === 'si') {
        current = [];
        length = 0;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(cellText(current.join('')));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (!inText || !current) return;
      length += text.length;
      if (length > MAX_CELL_CHARS) throw cellTooLong(`shared string ${strings.length + 1}`);
      current.push(text);
    },
  });
  return strings;
}

/**
 * Excel writes characters XML cannot carry (a carriage return in a cell, other controls) as
 * "_x000D_"; "_x005F_" escapes a literal underscore sequence.
 */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A text cell as the importer keeps it: escapes decoded, and each line break as LF, as a CSV cell's are and as the
 * app stores what is typed. Excel keeps a line break pasted from Windows as CR LF ("_x000D_\n"), and a lone CR
 * (a Mac's) would show as a space in the app: both are the line break the user wrote.
 */
export function cellText(text: string): string {
  const plain = unescapeOoxml(text);
  return plain.includes('\r') ? plain.replace(/\r\n?/g, '\n') : plain;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, plus the CJK ids Excel uses). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** Built-in number formats that show a number as a percentage: "0%" and "0.00%". */
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

/** What a cell style's number format makes of a number: a date, a percentage (0.12 shown as 12%), or the number. */
export type NumberStyle = 'date' | 'percent' | 'number';

/** A format's codes outside quoted text, [colour]/[locale] brackets and backslash-escaped characters. */
function formatCodes(code: string): string {
  return code.replace(/\\[^]/g, '').replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
}

/** A format shows a date when, outside quoted text and [colour]/[locale] brackets, it uses y m d h s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** A "%" outside quotes and escapes multiplies the value by 100 as it is shown; a quoted or escaped "%" is only text. */
export function isPercentFormat(code: string): boolean {
  return formatCodes(code).includes('%');
}

function styleOf(id: number, custom: ReadonlyMap<number, string>): NumberStyle {
  const code = custom.get(id);
  if (code !== undefined) return isDateFormat(code) ? 'date' : isPercentFormat(code) ? 'percent' : 'number';
  return BUILT_IN_DATE_FORMATS.has(id) ? 'date' : BUILT_IN_PERCENT_FORMATS.has(id) ? 'percent' : 'number';
}

/** For each cell style index (a cell's s="…"), what its number format makes of a number. */
export async function readNumberStyles(parts: ZipParts, part: string | null): Promise<NumberStyle[]> {
  const entry = part ? parts.entry(part) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: NumberStyle[] = [];
  let inCellXfs = false;
  await streamXml(parts, entry, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styles.push(styleOf(Number(a.numFmtId ?? 0), custom));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  }, MAX_META_PART_BYTES);
  return styles;
}
