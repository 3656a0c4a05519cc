import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A hand-written zip writer for workbooks no spreadsheet program would write: zip bombs (gigabytes of
 * XML in a few MB) and zips whose directory lies about sizes. Built in memory in milliseconds: a bomb's
 * body is one compressed chunk repeated, which is valid deflate because each copy is compressed from an
 * empty window and ends on a full flush, so no copy refers back into another.
 */
export interface ZipPart {
  name: string;
  /** The deflated bytes (raw deflate, ending in a final block). */
  deflated: Uint8Array;
  crc: number;
  size: number;
  /** What the directory claims the part inflates to; defaults to the truth. */
  declaredSize?: number;
}

export function part(name: string, content: string | Uint8Array): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { name, deflated: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** A part whose text is `head`, then `body` `times` over, then `tail` — without ever building it. */
export function repeatedPart(name: string, head: string, body: string, times: number, tail: string): ZipPart {
  const flush = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
  const bodyBytes = Buffer.from(body, 'utf8');
  const bodyDeflated = flush(body);
  const chunks: Uint8Array[] = [flush(head)];
  let crc = crc32(head);
  for (let i = 0; i < times; i++) {
    chunks.push(bodyDeflated);
    crc = crc32(bodyBytes, crc);
  }
  chunks.push(deflateRawSync(Buffer.from(tail, 'utf8')));
  crc = crc32(tail, crc);
  return { name, deflated: Buffer.concat(chunks), crc, size: Buffer.byteLength(head) + bodyBytes.length * times + Buffer.byteLength(tail) };
}

export function zip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const declared = p.declaredSize ?? p.size;
    if (declared > 0xfffffffe || p.deflated.length > 0xfffffffe) throw new Error('zip64 is not written by this test helper');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(p.deflated));
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts around a sheet that make a workbook Excel would open. */
export function workbookParts(options: { sheets?: string[]; date1904?: boolean; sharedStrings?: boolean; styles?: boolean } = {}): ZipPart[] {
  const sheets = options.sheets ?? ['Sheet1'];
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (options.sharedStrings) rels.push(`<Relationship Id="rSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (options.styles) rels.push(`<Relationship Id="rST" Type="${REL}/styles" Target="styles.xml"/>`);
  return [
    part('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    part('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    part('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
  ];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A one-sheet workbook whose sheet XML is `rows` (the <row> elements), plus any extra parts. */
export function sheetWorkbook(rows: string, extra: ZipPart[] = [], options: Parameters<typeof workbookParts>[0] = {}): Uint8Array {
  return zip([...workbookParts(options), part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rows}${SHEET_TAIL}`), ...extra]);
}
