type ExcelJs = typeof import('exceljs');

let loading: Promise<ExcelJs> | undefined;

/**
 * exceljs, the .xlsx writer of the exports and the report's workbook, loaded on the first export rather than when
 * the process starts: with what it brings (jszip, archiver, their streams) it took about 240 ms to load, and the
 * app and every other command run without it. The one place it is loaded from; in the CommonJS bundles the
 * dynamic import is a deferred require of the bundled module.
 */
export function excelJs(): Promise<ExcelJs> {
  return (loading ??= import('exceljs').then((module) => module.default));
}
