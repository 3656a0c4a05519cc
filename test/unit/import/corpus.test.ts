import { afterAll, describe, expect, it } from 'vitest';
// Through the barrels, as the app's importer will use them.
import { readImportFile, type ReadImportResult } from '../../../core/import';
import { autoMapHeaders, validateRows, type ImportErrorCode, type ImportKind } from '../../../shared/import';
import { encodeText, fakeXls, garbage, makeXlsx, tempDir } from './fixtures';

/**
 * A corpus of awkward files, each written to disk by this test and read back through the public entry
 * point exactly as the app will, with the outcome it must produce.
 */
type Outcome = { error: ImportErrorCode } | { check: (result: ReadImportResult) => void };
interface Case {
  file: string;
  bytes: () => Uint8Array | string | Promise<Uint8Array>;
  outcome: Outcome;
}

const files = tempDir('tierbook-corpus-');
afterAll(() => files.cleanup());

const CUSTOMERS = '客户名称,电话,城市\n张三,13800138000,广州\n李四,13912345678,深圳\n';
const TRADITIONAL = '客戶名稱,電話,城市\n陳大文,0912345678,台北\n林小明,0922333444,高雄\n';
const cellsOf = (r: ReadImportResult) => r.rows.map((row) => row.cells);
const codesOf = (r: ReadImportResult) => r.issues.map((i) => i.code);
const csv = (r: ReadImportResult) => {
  if (r.format !== 'csv') throw new Error(`expected CSV, got ${r.format}`);
  return r;
};
const xlsx = (r: ReadImportResult) => {
  if (r.format !== 'xlsx') throw new Error(`expected xlsx, got ${r.format}`);
  return r;
};
const customersRead = (encoding: string, delimiter = ',') => (r: ReadImportResult) => {
  expect(csv(r)).toMatchObject({ encoding, delimiter, headers: ['客户名称', '电话', '城市'] });
  expect(cellsOf(r)).toEqual([
    ['张三', '13800138000', '广州'],
    ['李四', '13912345678', '深圳'],
  ]);
};
const validated = <K extends ImportKind>(r: ReadImportResult, kind: K, extra: { defaultCurrency?: string } = {}) => {
  const mapping = autoMapHeaders(r.headers, kind);
  return validateRows(kind, r.headers, r.rows, mapping.mapping, { homeCountry: 'CN', defaultCurrency: 'CNY', currencyHint: mapping.currencyHint, ...extra });
};

const CASES: Case[] = [
  // Encodings, with and without byte-order marks.
  { file: 'utf8.csv', bytes: () => encodeText(CUSTOMERS, 'utf-8'), outcome: { check: customersRead('utf-8') } },
  { file: 'utf8-bom.csv', bytes: () => encodeText(CUSTOMERS, 'utf-8', true), outcome: { check: (r) => (customersRead('utf-8')(r), expect(csv(r).hadBom).toBe(true)) } },
  { file: 'utf16le-bom.csv', bytes: () => encodeText(CUSTOMERS, 'utf-16le', true), outcome: { check: customersRead('utf-16le') } },
  { file: 'utf16le-nobom.csv', bytes: () => encodeText(CUSTOMERS, 'utf-16le'), outcome: { check: customersRead('utf-16le') } },
  { file: 'utf16be-bom.csv', bytes: () => encodeText(CUSTOMERS, 'utf-16be', true), outcome: { check: customersRead('utf-16be') } },
  { file: 'utf16be-nobom.csv', bytes: () => encodeText(CUSTOMERS, 'utf-16be'), outcome: { check: customersRead('utf-16be') } },
  { file: 'gbk.csv', bytes: () => encodeText(CUSTOMERS, 'gbk'), outcome: { check: customersRead('gb18030') } },
  { file: 'gbk-crlf.csv', bytes: () => encodeText(CUSTOMERS.replace(/\n/g, '\r\n'), 'gbk'), outcome: { check: customersRead('gb18030') } },
  {
    file: 'gb18030-four-byte.csv',
    bytes: () => encodeText('名称,备注\n𠀀记商行,€ 与 🙂\n', 'gb18030'),
    outcome: { check: (r) => expect(cellsOf(r)).toEqual([['𠀀记商行', '€ 与 🙂']]) },
  },
  {
    file: 'big5.csv',
    bytes: () => encodeText(TRADITIONAL, 'big5'),
    outcome: { check: (r) => (expect(csv(r).encoding).toBe('big5'), expect(r.rows[0]!.cells[0]).toBe('陳大文')) },
  },
  {
    file: 'windows-1252.csv',
    bytes: () => encodeText('Name;Stadt\nMüller;München\nGarçon;Besançon\n', 'windows-1252'),
    outcome: { check: (r) => (expect(csv(r)).toMatchObject({ encoding: 'windows-1252', delimiter: ';' }), expect(r.rows[0]!.cells).toEqual(['Müller', 'München'])) },
  },
  {
    file: 'utf8-one-damaged-byte.csv',
    bytes: () => {
      const good = encodeText(`${CUSTOMERS}${'王五,13700001111,义乌\n'.repeat(5)}`, 'utf-8');
      const bytes = new Uint8Array([...good, 0xff, 0x0a]);
      return bytes;
    },
    outcome: { check: (r) => (expect(csv(r).encoding).toBe('utf-8'), expect(r.rows[0]!.cells[0]).toBe('张三')) },
  },
  {
    file: 'utf8-emoji.csv',
    bytes: () => '名称,备注\n小店🙂,"👍🏽 好评"\n',
    outcome: { check: (r) => expect(cellsOf(r)).toEqual([['小店🙂', '👍🏽 好评']]) },
  },

  // Excel's "Unicode text": UTF-16LE with BOM, tab-separated, Chinese headers.
  {
    file: 'excel-unicode-text.txt',
    bytes: () => encodeText('客户名称\t手机号\t公司名称\t国家\r\n张三\t+86 138 0013 8000\t广州贸易\t中国\r\n', 'utf-16le', true),
    outcome: {
      check: (r) => {
        expect(csv(r)).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', hadBom: true });
        expect(autoMapHeaders(r.headers, 'customers').mapping).toEqual(['name', 'phone', 'company', 'country']);
        expect(validated(r, 'customers').records[0]!.record).toMatchObject({ name: '张三', country: 'CN', contacts: [{ kind: 'phone', value: '+8613800138000' }] });
      },
    },
  },
  // GBK CSV with Chinese order headers, auto-mapped and validated end to end.
  {
    file: 'gbk-orders.csv',
    // GBK has no U+00A5 "¥"; Chinese files use the full-width "￥".
    bytes: () => encodeText('客户名称,下单日期,订单金额,币种,备注\r\n张三,2024/3/5,"￥1,234.50",人民币,首单\r\n李四,2024年3月6日,US$ 99,美元,\r\n', 'gbk'),
    outcome: {
      check: (r) => {
        expect(csv(r).encoding).toBe('gb18030');
        const v = validated(r, 'orders');
        expect(v.errors).toEqual([]);
        expect(v.records.map((x) => [x.record.customer.name, x.record.orderDate, x.record.amountMinor, x.record.currency])).toEqual([
          ['张三', '2024-03-05', 123450, 'CNY'],
          ['李四', '2024-03-06', 9900, 'USD'],
        ]);
      },
    },
  },

  // Delimiters.
  { file: 'semicolon.csv', bytes: () => 'a;b;c\n1;2;3\n', outcome: { check: (r) => expect(csv(r).delimiter).toBe(';') } },
  { file: 'tab.tsv', bytes: () => 'a\tb\tc\n1,5\t2\t3\n', outcome: { check: (r) => (expect(csv(r).delimiter).toBe('\t'), expect(r.rows[0]!.cells[0]).toBe('1,5')) } },
  { file: 'pipe.txt', bytes: () => 'a|b\n1|2\n', outcome: { check: (r) => expect(csv(r).delimiter).toBe('|') } },
  { file: 'excel-sep-line.csv', bytes: () => 'sep=;\nname;amount\nA;1,5\n', outcome: { check: (r) => (expect(csv(r)).toMatchObject({ delimiter: ';', headers: ['name', 'amount'] }), expect(cellsOf(r)).toEqual([['A', '1,5']])) } },
  {
    file: 'european-numbers.csv',
    bytes: () => 'Kunde;Datum;Betrag\nMüller;05.03.2024;1.234,50 €\nSchmidt;06.03.2024;"12,00 €"\n',
    outcome: {
      check: (r) => {
        const v = validateRows('orders', r.headers, r.rows, ['customerName', 'date', 'amount'], { homeCountry: 'DE', defaultCurrency: 'EUR' });
        expect(v.records.map((x) => [x.record.orderDate, x.record.amountMinor, x.record.currency])).toEqual([
          ['2024-03-05', 123450, 'EUR'],
          ['2024-03-06', 1200, 'EUR'],
        ]);
      },
    },
  },

  // Quoting and line endings.
  {
    file: 'quoted-newlines.csv',
    bytes: () => 'name,address,phone\n"Wang","Room 1\nBuilding 2\nShenzhen",1\nLi,"x",2\n',
    outcome: { check: (r) => expect(r.rows.map((x) => [x.row, x.line, x.cells[1]])).toEqual([[2, 2, 'Room 1\nBuilding 2\nShenzhen'], [3, 5, 'x']]) },
  },
  { file: 'quoted-delimiters.csv', bytes: () => 'name,note\n"Li, Wei","said ""hi"", left"\n', outcome: { check: (r) => expect(cellsOf(r)).toEqual([['Li, Wei', 'said "hi", left']]) } },
  { file: 'crlf.csv', bytes: () => 'a,b\r\n1,2\r\n3,4\r\n', outcome: { check: (r) => expect(cellsOf(r)).toEqual([['1', '2'], ['3', '4']]) } },
  { file: 'cr-only.csv', bytes: () => 'a,b\r1,2\r3,4\r', outcome: { check: (r) => expect(cellsOf(r)).toEqual([['1', '2'], ['3', '4']]) } },
  { file: 'mixed-line-endings.csv', bytes: () => 'a,b\r\n1,2\n3,4\r5,6', outcome: { check: (r) => expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4]) } },
  { file: 'unterminated-quote.csv', bytes: () => 'a,b\n1,"open\n2,3\n', outcome: { error: 'unterminated_quote' } },

  // Blank lines, ragged rows, headers.
  { file: 'blank-lines.csv', bytes: () => '\n\na,b\n\n1,2\n\n\n3,4\n\n', outcome: { check: (r) => expect(r.rows.map((x) => [x.row, x.cells[0]])).toEqual([[5, '1'], [8, '3']]) } },
  { file: 'empty-rows-of-commas.csv', bytes: () => 'a,b,c\n,,\n1,2,3\n , ,\n', outcome: { check: (r) => expect(cellsOf(r)).toEqual([['1', '2', '3']]) } },
  {
    file: 'missing-columns.csv',
    bytes: () => 'a,b,c\n1,2\n1\n',
    outcome: { check: (r) => (expect(cellsOf(r)).toEqual([['1', '2', ''], ['1', '', '']]), expect(codesOf(r)).toEqual(['missing_columns', 'missing_columns'])) },
  },
  {
    file: 'extra-columns.csv',
    bytes: () => 'a,b\n1,2,3,4\n',
    outcome: { check: (r) => (expect(cellsOf(r)).toEqual([['1', '2']]), expect(r.issues).toEqual([{ code: 'extra_columns', row: 2, line: 2, expected: 2, actual: 4, extra: ['3', '4'] }])) },
  },
  { file: 'trailing-delimiters.csv', bytes: () => 'a,b,\n1,2,\n3,4,,\n', outcome: { check: (r) => (expect(r.headers).toEqual(['a', 'b']), expect(r.issues).toEqual([])) } },
  {
    file: 'duplicate-headers.csv',
    bytes: () => '电话,姓名,电话,电话\n1,2,3,4\n',
    outcome: { check: (r) => (expect(r.headers).toEqual(['电话', '姓名', '电话 (2)', '电话 (3)']), expect(codesOf(r)).toEqual(['duplicate_header', 'duplicate_header'])) },
  },
  { file: 'blank-header.csv', bytes: () => 'a,,c\n1,2,3\n', outcome: { check: (r) => (expect(r.headers).toEqual(['a', 'Column 2', 'c']), expect(codesOf(r)).toEqual(['blank_header'])) } },
  { file: 'header-only.csv', bytes: () => '客户名称,电话\r\n', outcome: { check: (r) => (expect(r.headers).toEqual(['客户名称', '电话']), expect(r.rows).toEqual([])) } },
  { file: 'header-only-no-newline.csv', bytes: () => encodeText('name,phone', 'utf-8', true), outcome: { check: (r) => (expect(r.headers).toEqual(['name', 'phone']), expect(r.rows).toEqual([])) } },
  { file: 'bom-and-leading-blank-lines.csv', bytes: () => encodeText('\r\n\r\nname\r\nA\r\n', 'utf-8', true), outcome: { check: (r) => (expect(r.headerRow).toBe(3), expect(cellsOf(r)).toEqual([['A']])) } },

  {
    file: 'report-title-row.csv',
    bytes: () => encodeText('客户列表（2024年3月）,,\r\n客户名称,电话,城市\r\n张三,13800138000,广州\r\n', 'gbk'),
    outcome: { check: (r) => (expect(r.headers).toEqual(['客户名称', '电话', '城市']), expect(r.issues).toMatchObject([{ code: 'title_row_skipped', row: 1, text: '客户列表（2024年3月）' }]), expect(r.rows).toHaveLength(1)) },
  },
  { file: 'one-column.csv', bytes: () => 'name\nA\nB\n', outcome: { check: (r) => (expect(r.headers).toEqual(['name']), expect(cellsOf(r)).toEqual([['A'], ['B']])) } },

  // Files that are not importable text.
  { file: 'zero-bytes.csv', bytes: () => new Uint8Array(), outcome: { error: 'empty_file' } },
  { file: 'only-blank-lines.csv', bytes: () => '\r\n\r\n  \r\n', outcome: { error: 'no_header' } },
  { file: 'garbage.bin', bytes: () => garbage(8192), outcome: { error: 'binary_file' } },
  { file: 'png-renamed.csv', bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...garbage(500)]), outcome: { error: 'binary_file' } },
  { file: 'control-chars.txt', bytes: () => new Uint8Array(400).map((_, i) => (i % 7 === 0 ? 0x02 : 0x61)), outcome: { error: 'binary_file' } },

  // Size.
  {
    file: 'single-10mb-line.csv',
    bytes: () => `id,blob\n1,"${'汉字,"", and more '.repeat(600_000)}"\n`,
    outcome: { check: (r) => (expect(r.rows).toHaveLength(1), expect((r.rows[0]!.cells[1] as string).length).toBe('汉字,", and more '.length * 600_000)) },
  },

  // Dates written by Excel.
  {
    file: 'excel-serial-dates.csv',
    bytes: () => '客户,日期,金额\nA,45356,100\nB,45357.5,200\n',
    outcome: { check: (r) => expect(validated(r, 'orders').records.map((x) => x.record.orderDate)).toEqual(['2024-03-05', '2024-03-06']) },
  },
  {
    file: 'full-width.csv',
    bytes: () => '客户，日期，金额\n甲，２０２４年３月５日，￥１，２３４．５０\n',
    outcome: {
      check: (r) => {
        // Full-width commas are not delimiters: the whole line is one column.
        expect(r.headers).toHaveLength(1);
        const v = validateRows('orders', ['c', 'd', 'a'], [{ row: 2, line: 2, cells: ['甲', '２０２４年３月５日', '￥１，２３４．５０'] }], ['customerName', 'date', 'amount'], { homeCountry: 'CN', defaultCurrency: 'CNY' });
        expect(v.records[0]!.record).toMatchObject({ orderDate: '2024-03-05', amountMinor: 123450 });
      },
    },
  },

  // Workbooks, recognised by content rather than name.
  {
    file: 'typed-cells.xlsx',
    bytes: () =>
      makeXlsx((wb) => {
        const s = wb.addWorksheet('订单');
        s.addRow(['客户名称', '订单日期', '金额', '电话']);
        s.addRow(['张三', new Date(Date.UTC(2024, 2, 5)), 1234.5, 13800138000]);
        s.addRow(['李四', new Date(Date.UTC(2024, 2, 6)), { formula: 'C2*2', result: 2469 }, '0086 139 1234 5678']);
      }),
    outcome: {
      check: (r) => {
        expect(xlsx(r).sheetName).toBe('订单');
        expect(cellsOf(r)).toEqual([
          ['张三', '2024-03-05', 1234.5, 13800138000],
          ['李四', '2024-03-06', 2469, '0086 139 1234 5678'],
        ]);
        const v = validated(r, 'orders');
        expect(v.records.map((x) => [x.record.amountMinor, x.record.customer.phone])).toEqual([
          [123450, '+8613800138000'],
          [246900, '+8613912345678'],
        ]);
      },
    },
  },
  {
    file: 'serial-number-dates.xlsx',
    bytes: () =>
      makeXlsx((wb) => {
        const s = wb.addWorksheet('Sheet1');
        s.addRow(['customer', 'date', 'amount']);
        s.addRow(['A', 45356, 5]);
      }),
    outcome: { check: (r) => expect(validated(r, 'orders').records[0]!.record.orderDate).toBe('2024-03-05') },
  },
  {
    file: 'ragged.xlsx',
    bytes: () =>
      makeXlsx((wb) => {
        const s = wb.addWorksheet('S');
        s.addRow(['a', 'b']);
        s.getRow(3).values = [1, 2, 3];
        s.getRow(6).values = [4];
      }),
    // In a workbook a value past the header's columns cannot shift the others: it is cut off, the row kept; a row
    // ending early is one whose last cells are empty (Excel stores none), padded without an issue.
    outcome: { check: (r) => (expect(r.rows.map((x) => [x.row, x.cells, x.extraCells])).toEqual([[3, [1, 2], undefined], [6, [4, ''], undefined]]), expect(codesOf(r)).toEqual(['extra_columns'])) },
  },
  {
    file: 'report-title-merged.xlsx',
    bytes: () =>
      makeXlsx((wb) => {
        const s = wb.addWorksheet('报表');
        s.addRow(['2024年3月 订单汇总']);
        s.mergeCells('A1:C1');
        s.addRow([]);
        s.addRow(['客户', '日期', '金额']);
        s.addRow(['张三', new Date(Date.UTC(2024, 2, 5)), 88]);
      }),
    outcome: { check: (r) => (expect(r).toMatchObject({ headers: ['客户', '日期', '金额'], headerRow: 3 }), expect(cellsOf(r)).toEqual([['张三', '2024-03-05', 88]])) },
  },
  { file: 'old.xls', bytes: () => fakeXls(), outcome: { error: 'xls_not_supported' } },
  { file: 'old-xls-renamed.xlsx', bytes: () => fakeXls(), outcome: { error: 'xls_not_supported' } },
  { file: 'old-xls-renamed.csv', bytes: () => fakeXls(), outcome: { error: 'xls_not_supported' } },
  {
    file: 'workbook-renamed.csv',
    bytes: () => makeXlsx((wb) => wb.addWorksheet('S').addRow(['name'])),
    outcome: { check: (r) => expect(r.format).toBe('xlsx') },
  },
  { file: 'csv-renamed.xlsx', bytes: () => 'name\nA\n', outcome: { check: (r) => expect(r.format).toBe('csv') } },
  { file: 'damaged.xlsx', bytes: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage(300)]), outcome: { error: 'xlsx_unreadable' } },
];

describe('import corpus', () => {
  it('has at least 40 files', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.file, c] as const))('%s', async (_, c) => {
    const path = files.write(c.file, await c.bytes());
    if ('error' in c.outcome) {
      await expect(readImportFile(path)).rejects.toMatchObject({ name: 'ImportError', code: c.outcome.error });
    } else {
      c.outcome.check(await readImportFile(path));
    }
  });
});
