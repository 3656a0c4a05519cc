import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { invalidInput, notFound } from '../../shared/contract';
import type { HandlerContext } from '../context';
import { classLabels } from '../exporting/class-labels';
import { writeTarget } from '../files/transfer-files';
import { assertFileTarget } from '../files/write-target';
import { evaluationInTurns } from '../reports/evaluation-ahead';
import { writeReportXlsx } from '../reports/export-xlsx';
import { writeWhole } from '../files/write-whole';
import { migration, migrationMembers } from '../reports/migration';
import type { HandlerMap } from './types';

/** The evaluation dashboard's reads and its export (core/reports; figures defined in docs/evaluation.md). */
export function reportHandlers(ctx: HandlerContext): HandlerMap<'reports'> {
  return {
    'reports:evaluation': (input) => evaluationInTurns(ctx, throughToday(knownScheme(ctx, input), ctx.clock.today())),
    'reports:migration': (input) => migration(ctx, knownScheme(ctx, input)),
    'reports:migration-members': (input) => migrationMembers(ctx, knownScheme(ctx, input)),
    'reports:export-xlsx': async (input) => {
      knownScheme(ctx, input);
      // Computed before the file is resolved, so a refused report does not spend a save dialog's handle.
      const report = await evaluationInTurns(ctx, throughToday(input, ctx.clock.today()));
      const moves = input.migrationFrom && input.migrationTo ? await migration(ctx, { scheme: input.scheme, from: input.migrationFrom, to: input.migrationTo }) : undefined;
      const path = writeTarget(ctx.files, input, 'export') ?? defaultReportPath(ctx.dbPath, input.scheme, ctx.clock.today());
      assertFileTarget(ctx.db.$client, path);
      const written = await writeWhole(ctx.db.$client, path, (temp) => writeReportXlsx(temp, report, moves, input.language, classLabels(ctx.db.$client, input.language)));
      return { path, ...written };
    },
  };
}

/**
 * The contract checks the shape of `custom:<id>`; a segment never saved has no history and would be reported
 * as an empty "member / non-member" table. One deleted since keeps its stored history, so it is still reported.
 */
function knownScheme<T extends { scheme: string }>(ctx: HandlerContext, input: T): T {
  const id = input.scheme.startsWith('custom:') ? input.scheme.slice('custom:'.length) : null;
  if (id !== null && !ctx.db.$client.prepare('SELECT 1 FROM custom_segments WHERE id = ?').pluck().get(id)) throw notFound('scheme', input.scheme);
  return input;
}

/**
 * A range reaching past today is reported up to today (the report's `to` says so): a period that has not
 * begun has no customers, orders or contacts yet, and its figures read as if everyone had left (retention
 * 0%, growth −100%). A range that starts after today has nothing to report.
 */
function throughToday<T extends { from: string; to: string }>(input: T, today: string): T {
  if (input.from > today) throw invalidInput([{ path: ['from'], key: 'report_starts_after_today', params: { today } }]);
  return input.to > today ? { ...input, to: today } : input;
}

/** `<database folder>/exports/report-pyramid-2026-11-23.xlsx` when no file was chosen (the browser has no save dialog). */
function defaultReportPath(dbPath: string, scheme: string, today: string): string {
  const folder = join(dirname(dbPath), 'exports');
  mkdirSync(folder, { recursive: true });
  return join(folder, `report-${scheme}-${today}.xlsx`.replace(/[^\w.-]+/g, '_'));
}
