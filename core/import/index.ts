/** The importer's Node half: bytes from disk to tables (whole files, .xlsx, or streamed huge CSVs). */
export { bomOf, decodeBytes, detectEncoding, ENCODINGS, SNIFF_BYTES, textSampleOf, type Decoded, type EncodingGuess, type EncodingName, type TextSample } from './decode';
export { sniffFileKind, type FileKind } from './file-kind';
export { readImportBytes, readImportFile, type ReadImportOptions, type ReadImportResult } from './read-file';
export { openCsvStream, type CsvStream, type CsvStreamBatch, type CsvStreamOptions } from './stream';
export { readXlsx, type XlsxTable } from './xlsx';
