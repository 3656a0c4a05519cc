import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/import/csv';
import { sniffDelimiter } from '../../../shared/import/delimiter';
import { isImportError } from '../../../shared/import/errors';
import { CsvRecordReader } from '../../../shared/import/record-reader';
import { describeIssue } from '../../../shared/import/table';

describe('sniffDelimiter', () => {
  it.each([
    [',', 'name,phone,city\nA,1,X\nB,2,Y\n'],
    [';', 'Name;Betrag;Datum\nA;1.234,50;05.03.2024\nB;12,00;06.03.2024\n'],
    ['\t', 'name\tnote\nA\tsold 1,000 pcs, paid\nB\tnone\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j', (delimiter, text) => {
    expect(sniffDelimiter(text).delimiter).toBe(delimiter);
  });

  it('ignores delimiters inside quotes', () => {
    const text = 'name;note\n"Li, Wei";"a,b,c,d"\n"Wang";"x,y"\n';
    expect(sniffDelimiter(text)).toMatchObject({ delimiter: ';', columns: 2, confidence: 1 });
  });

  it('falls back to comma with zero confidence for a single column', () => {
    expect(sniffDelimiter('name\nA\nB\n')).toEqual({ delimiter: ',', confidence: 0, columns: 1 });
  });
});

describe('parseCsv', () => {
  it('handles quoted delimiters, doubled quotes and newlines, keeping line and row numbers', () => {
    const text = 'name,note\r\n"Li, Wei","said ""hi"""\r\n"Wang","two\r\nlines"\r\nZhao,plain\r\n';
    const table = parseCsv(text);
    expect(table.headers).toEqual(['name', 'note']);
    expect(table.rows).toEqual([
      { row: 2, line: 2, cells: ['Li, Wei', 'said "hi"'] },
      { row: 3, line: 3, cells: ['Wang', 'two\nlines'] },
      { row: 4, line: 5, cells: ['Zhao', 'plain'] },
    ]);
    expect(table.issues).toEqual([]);
  });

  it('skips blank lines (also all-empty rows) but keeps original numbering', () => {
    const table = parseCsv('\n\nname,city\n\nA,X\n,\n   \nB,Y');
    expect(table.headerRow).toBe(3);
    expect(table.rows.map((r) => [r.row, r.line, r.cells[0]])).toEqual([
      [5, 5, 'A'],
      [8, 8, 'B'],
    ]);
  });

  it('handles mixed and old-Mac line endings', () => {
    expect(parseCsv('a,b\r1,2\n3,4\r\n5,6').rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('renames duplicate and blank headers and reports them', () => {
    const table = parseCsv('Phone,Name,Phone,,Phone\n1,2,3,4,5\n');
    expect(table.headers).toEqual(['Phone', 'Name', 'Phone (2)', 'Column 4', 'Phone (3)']);
    expect(table.issues.map((i) => i.code)).toEqual(['duplicate_header', 'blank_header', 'duplicate_header']);
    expect(describeIssue(table.issues[0]!)).toContain('Phone (2)');
  });

  it('pads missing columns and cuts extra columns, reporting each row', () => {
    const table = parseCsv('a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', '2', ''],
      ['1', '2', '3'],
      ['1', '2', '3'],
    ]);
    expect(table.issues).toEqual([
      { code: 'missing_columns', row: 2, line: 2, expected: 3, actual: 2 },
      { code: 'extra_columns', row: 3, line: 3, expected: 3, actual: 4, extra: ['4'] },
    ]);
    // The row whose values run past the header keeps them, for the validator to refuse it; a trailing delimiter does not count.
    expect(table.rows.map((r) => r.extraCells)).toEqual([undefined, ['4'], undefined]);
  });

  it('drops trailing empty header cells', () => {
    expect(parseCsv('a,b,,\n1,2,,\n').headers).toEqual(['a', 'b']);
  });

  it('accepts a header-only file as an empty table and refuses a blank one', () => {
    expect(parseCsv('name,phone\n')).toMatchObject({ headers: ['name', 'phone'], rows: [] });
    expect(() => parseCsv('\n \n')).toThrow(expect.objectContaining({ code: 'no_header' }));
  });

  it('refuses a file with an unterminated quote, naming the line the quote opens on (not where its record starts)', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(expect.objectContaining({ code: 'unterminated_quote', details: { line: 2, text: 'open' } }));
    // The record starts on line 2; its first cell spans two lines, so the unclosed quote opens on line 3.
    expect(() => parseCsv('a,b,c\n"x\ny",1,"他说 好的\n2,3,4\n5,6,7\n')).toThrow(
      expect.objectContaining({ code: 'unterminated_quote', details: { line: 3, text: '他说 好的' }, message: expect.stringContaining('opening on line 3 is never closed') }),
    );
    // A closed quote spanning lines is an ordinary cell.
    expect(parseCsv('a,b\n1,"two\nlines"\n2,3\n').rows.map((r) => r.cells)).toEqual([['1', 'two\nlines'], ['2', '3']]);
  });

  it('strips a BOM left in the text', () => {
    expect(parseCsv('\uFEFFname,phone\nA,1').headers).toEqual(['name', 'phone']);
  });
});

describe('CsvRecordReader', () => {
  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'a,b\r\n"x\r\ny","q""q"\r\n1,2\r\n\r\n"3",4';
    const whole = new CsvRecordReader({ delimiter: ',' });
    const expected = [...whole.push(text), ...whole.end()];
    for (let size = 1; size <= 7; size++) {
      const reader = new CsvRecordReader({ delimiter: ',' });
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...reader.push(text.slice(i, i + size)));
      got.push(...reader.end());
      expect(got).toEqual(expected);
    }
    expect(expected.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('refuses a record larger than the limit', () => {
    const reader = new CsvRecordReader({ delimiter: ',', maxRecordChars: 1000 });
    let error: unknown;
    try {
      reader.push('a,b\n"');
      for (let i = 0; i < 100; i++) reader.push('x'.repeat(100));
    } catch (e) {
      error = e;
    }
    expect(isImportError(error, 'record_too_large')).toBe(true);
  });
});

describe('parseCsv properties', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'Z', '中', ' ', ',', ';', '"', '\n', '\r\n', '\t', '1', '.', '|') }),
    fc.string(),
  );
  const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
    fc.tuple(
      fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: width, maxLength: width }),
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
    ),
  );

  it('reads back what a CSV writer wrote, with any delimiter and line ending (property)', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom('\n', '\r\n'), ([headers, rows], delimiter, newline) => {
        // Rows that are blank once written are skipped by design, so only rows with content are expected.
        const dataRows = rows.filter((r) => r.some((c) => c.trim() !== ''));
        const text = Papa.unparse([headers, ...rows], { delimiter, newline, quotes: true });
        const parsed = parseCsv(text, { delimiter: delimiter as ',' });
        expect(parsed.headers).toEqual(headers);
        // Line breaks inside values come back as \n: line endings are normalised before parsing.
        expect(parsed.rows.map((r) => r.cells)).toEqual(dataRows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same records for any chunking (property)', () => {
    fc.assert(
      fc.property(table, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }), ([headers, rows], sizes) => {
        const text = Papa.unparse([headers, ...rows], { newline: '\r\n' });
        const whole = new CsvRecordReader({ delimiter: ',' });
        const expected = [...whole.push(text), ...whole.end()];
        const reader = new CsvRecordReader({ delimiter: ',' });
        const got = [];
        let at = 0;
        for (let i = 0; at < text.length; i++) {
          const size = sizes[i % sizes.length]!;
          got.push(...reader.push(text.slice(at, at + size)));
          at += size;
        }
        got.push(...reader.end());
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
