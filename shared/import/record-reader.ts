import Papa from 'papaparse';
import { ImportError } from './errors';
import { MAX_COLUMNS, MAX_RECORD_CHARS } from './limits';
import type { RawRecord } from './table';

export interface RecordReaderOptions {
  delimiter: string;
  /**
   * A single record or physical line longer than this (a stray quote swallowing the rest of the file,
   * or a hostile one-line file) aborts the read. Default MAX_RECORD_CHARS.
   */
  maxRecordChars?: number;
  /** A record with more cells aborts the read. Default MAX_COLUMNS; delimiter sniffing lifts it. */
  maxColumns?: number;
}

/**
 * Splits CSV text into records incrementally, so the same code serves a pasted string and a 1 GB file
 * read in chunks. Papaparse's low-level Parser does the quote handling; this class adds what it lacks:
 * mixed line endings (normalised to \n first, so a file with \r\n and stray \n still splits right),
 * 1-based line and record numbers, and chunk boundaries that fall inside a record.
 */
export class CsvRecordReader {
  private pending = '';
  private heldCR = false;
  private started = false;
  /** Re-parse only once the buffer has doubled while no record completes: keeps a 10 MB line linear. */
  private nextParseAt = 0;
  private line = 1;
  private row = 0;
  private out: RawRecord[] = [];
  private consumed = 0;
  private readonly parser: Papa.Parser;
  private readonly maxRecordChars: number;
  private readonly maxColumns: number;
  /** Physical lines seen so far, and the length of the current one, for the line-length limit. */
  private physicalLine = 1;
  private lineChars = 0;

  constructor(options: RecordReaderOptions) {
    this.maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
    this.maxColumns = options.maxColumns ?? MAX_COLUMNS;
    this.parser = new Papa.Parser({
      delimiter: options.delimiter,
      newline: '\n',
      step: (results: Papa.ParseStepResult<string[][]>) => this.onStep(results),
    } as Papa.ParseConfig);
  }

  push(chunk: string): RawRecord[] {
    this.append(chunk);
    if (this.pending.length < this.nextParseAt) return [];
    const records = this.parse(true);
    if (records.length === 0) {
      if (this.pending.length > this.maxRecordChars) {
        throw new ImportError('record_too_large', `The record starting on line ${this.line} is longer than ${this.maxRecordChars.toLocaleString('en')} characters; is a quote left open?`, { line: this.line, limit: this.maxRecordChars });
      }
      this.nextParseAt = this.pending.length * 2;
    } else {
      this.nextParseAt = 0;
    }
    return records;
  }

  end(): RawRecord[] {
    if (this.heldCR) this.pending += '\n';
    this.heldCR = false;
    return this.parse(false);
  }

  private append(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.heldCR) text = `\r${text}`;
    // A \r at the end may be the first half of \r\n; decide when the next chunk arrives.
    this.heldCR = text.endsWith('\r');
    if (this.heldCR) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, '\n');
    this.checkLineLengths(text);
    this.pending += text;
  }

  /**
   * Refuses a physical line past the limit before the parser sees it: a 30 MB line of commas would
   * otherwise become millions of cells before any other check could run.
   */
  private checkLineLengths(text: string): void {
    let from = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
      this.lineChars += at - from;
      if (this.lineChars > this.maxRecordChars) throw this.lineTooLong();
      this.lineChars = 0;
      this.physicalLine++;
      from = at + 1;
    }
    this.lineChars += text.length - from;
    if (this.lineChars > this.maxRecordChars) throw this.lineTooLong();
  }

  private lineTooLong(): ImportError {
    return new ImportError('record_too_large', `Line ${this.physicalLine} is longer than ${this.maxRecordChars.toLocaleString('en')} characters.`, { line: this.physicalLine, limit: this.maxRecordChars });
  }

  private parse(ignoreLastRow: boolean): RawRecord[] {
    this.out = [];
    this.consumed = 0;
    if (this.pending.length > 0) this.parser.parse(this.pending, 0, ignoreLastRow);
    this.pending = this.pending.slice(this.consumed);
    return this.out;
  }

  private onStep(results: Papa.ParseStepResult<string[][]>): void {
    // The low-level Parser hands over a one-row array per step (the high-level API unwraps it).
    const cells = results.data[0] ?? [];
    if (cells.length > this.maxColumns) {
      throw new ImportError('too_many_columns', `The record on line ${this.line} has ${cells.length.toLocaleString('en')} columns, more than the ${this.maxColumns.toLocaleString('en')} a spreadsheet can hold.`, {
        line: this.line,
        columns: cells.length,
        limit: this.maxColumns,
      });
    }
    const end = results.meta.cursor;
    const start = this.consumed;
    const record: RawRecord = { row: ++this.row, line: this.line, cells };
    const quoteError = results.errors.find((e) => e.type === 'Quotes');
    if (quoteError) record.quoteProblem = quoteError.code === 'MissingQuotes' ? 'unterminated_quote' : 'malformed_quote';
    this.out.push(record);
    this.line += countNewlines(this.pending, start, end);
    this.consumed = end;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
