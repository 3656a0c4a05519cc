import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HandlerContext } from '../context';
import { classLabels } from '../exporting/class-labels';
import { writeTarget } from '../files/transfer-files';
import { evaluationInTurns } from '../reports/evaluation-ahead';
import { writeReportXlsx } from '../reports/export-xlsx';
import { migration, migrationMembers } from '../reports/migration';
import type { HandlerMap } from './types';

/** The evaluation dashboard's reads and its export (core/reports; figures defined in docs/evaluation.md). */
export function reportHandlers(ctx: HandlerContext): HandlerMap<'reports'> {
  return {
    'reports:evaluation': (input) => evaluationInTurns(ctx, input),
    'reports:migration': (input) => migration(ctx, input),
    'reports:migration-members': (input) => migrationMembers(ctx, input),
    'reports:export-xlsx': async (input) => {
      // Computed before the file is resolved, so a refused report does not spend a save dialog's handle.
      const report = await evaluationInTurns(ctx, input);
      const moves = input.migrationFrom && input.migrationTo ? await migration(ctx, { scheme: input.scheme, from: input.migrationFrom, to: input.migrationTo }) : undefined;
      const path = writeTarget(ctx.files, input, 'export') ?? defaultReportPath(ctx.dbPath, input.scheme, ctx.clock.today());
      const written = await writeReportXlsx(path, report, moves, input.language, classLabels(ctx.db.$client, input.language));
      return { path, ...written };
    },
  };
}

/** `<database folder>/exports/report-pyramid-2026-11-23.xlsx` when no file was chosen (the browser has no save dialog). */
function defaultReportPath(dbPath: string, scheme: string, today: string): string {
  const folder = join(dirname(dbPath), 'exports');
  mkdirSync(folder, { recursive: true });
  return join(folder, `report-${scheme}-${today}.xlsx`.replace(/[^\w.-]+/g, '_'));
}
