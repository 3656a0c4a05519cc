import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { hintLine } from '../../core/cli/commands-segmentation';
import { findCommand } from '../../core/cli/registry';
import { wordsIn } from '../../core/cli/words';
import { resources } from '../../renderer/i18n/resources';
import type { OutputOf } from '../../shared/contract';
import { cli, runCli } from '../support/cli';
import { MIGRATIONS, tempDir } from '../support/test-app';

/**
 * The command line's words as the screens say them, in the language asked for: the report's workbook, the chance a
 * customer is still active, a custom segment by its name, counts with their proper plural.
 */
let dir: string;
let db: string;
let segmentId: string;
beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'book.sqlite');
  expect(cli('demo', '--db', db, '--customers', '40', '--seed', '7').code).toBe(0);
  const app = openApp({ dbPath: db, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
  try {
    const saved = await app.dispatch('segments:custom:save', { name: '广州客户', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'city', op: 'contains', value: '广' }] } });
    if (!saved.ok) throw new Error(saved.error.message);
    segmentId = (saved.value as { id: string }).id;
  } finally {
    app.close();
  }
  for (const asOf of ['2026-09-30', '2026-10-31']) expect(cli('segment', '--db', db, '--as-of', asOf).code).toBe(0);
}, 120_000);

async function sheetNames(path: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((sheet) => sheet.name);
}

const REPORT = ['report', '--scheme', 'pyramid', '--from', '2026-09-30', '--to', '2026-10-31'];

describe('report --xlsx', () => {
  it('writes the workbook in the language of --lang', async () => {
    const path = join(dir, 'english.xlsx');
    expect(runCli([...REPORT, '--db', db, '--xlsx', path, '--lang', 'en']).code).toBe(0);
    const asked = join(dir, 'asked-english.xlsx');
    expect(runCli([...REPORT, '--db', db, '--xlsx', asked, '--language', 'en']).code).toBe(0);
    expect(await sheetNames(path)).toEqual(await sheetNames(asked));
    expect((await sheetNames(path))[0]).toBe(resources.reportFigures.en.sheets.periods);
  });

  it('without --lang, in the workspace language; --language still decides when given', async () => {
    expect(cli('settings', 'set', '--db', db, '--language', 'en').code).toBe(0);
    try {
      const path = join(dir, 'workspace.xlsx');
      expect(runCli([...REPORT, '--db', db, '--xlsx', path], dir, { LANG: 'zh_CN.UTF-8' }).code).toBe(0);
      expect((await sheetNames(path))[0]).toBe(resources.reportFigures.en.sheets.periods);
      const chosen = join(dir, 'chosen.xlsx');
      expect(runCli([...REPORT, '--db', db, '--xlsx', chosen, '--lang', 'en', '--language', 'zh-CN']).code).toBe(0);
      expect((await sheetNames(chosen))[0]).toBe(resources.reportFigures['zh-CN'].sheets.periods);
    } finally {
      expect(cli('settings', 'set', '--db', db, '--language', 'zh-CN').code).toBe(0);
    }
  });
});

describe('words', () => {
  it('migration names a custom segment by its name, in either language', () => {
    for (const lang of ['en', 'zh-CN']) {
      const run = runCli(['migration', '--db', db, '--scheme', `custom:${segmentId}`, '--from', '2026-09-30', '--to', '2026-10-31', '--lang', lang]);
      expect(run.code).toBe(0);
      const title = run.stdout.split('\n')[0]!;
      expect(title).toContain('广州客户');
      expect(title).not.toContain('custom:');
    }
  });

  it('predict in Chinese calls the chance that a customer is still buying as the Predictions screen does', () => {
    const run = runCli(['predict', '--db', db, '--limit', '3', '--lang', 'zh-CN']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(` ${resources.prediction['zh-CN'].pAlive} `);
    expect(run.stdout).not.toContain('仍在购买的概率');
  });

  it('tier hints count orders and days with the proper plural in English', () => {
    const en = wordsIn('en');
    const money = (minor: number | null | undefined) => String(minor);
    expect(hintLine({ kind: 'order_more', orders: 1, by: null, toClass: 'gold' }, money, en)).toBe('1 more order → gold');
    expect(hintLine({ kind: 'order_more', orders: 3, by: '2026-12-31', toClass: 'gold' }, money, en)).toBe('3 more orders by 2026-12-31 → gold');
    expect(hintLine({ kind: 'order_within', days: 1, by: '2026-12-08', keeps: 'gold' }, money, en)).toBe('an order within 1 day (by 2026-12-08) keeps them gold');
    expect(hintLine({ kind: 'order_more', orders: 2, by: null, toClass: 'gold' }, money, wordsIn('zh-CN'))).toBe('再下 2 单 → gold');
  });

  it('the Chinese fallback basis is one bracket, as the tier settings screen says it', () => {
    const zh = wordsIn('zh-CN');
    const line = zh('cli:out.explain.basisFellBack', { basis: zh('tierSettings:basis.gross_profit') });
    expect(line).toBe(`排名依据 ${resources.tierSettings['zh-CN'].basis.gross_profit}；没有成本数据，按营收排名`);
    expect(line.match(/（/g)).toHaveLength(1);
  });

  it('team status counts refused changes with the proper plural in English', () => {
    const status = findCommand(['team', 'status'])!.command;
    const joined = {
      joined: true, serverUrl: 'http://127.0.0.1:5984', database: 'tierbook', user: 'admin', identity: '王芳', lastSyncAt: null, paused: false,
      pendingChanges: 1, lastErrorKey: null, lastErrorAt: null, refusedReason: 'forbidden',
    };
    const line = (refusedCount: number) => status.human({ ...joined, refusedCount } satisfies Omit<OutputOf<'team:status'>, 'syncing'> as never, () => '', wordsIn('en')).split('\n').at(-1);
    expect(line(1)).toBe('refused         1 change stays pending; first reason: forbidden');
    expect(line(2)).toBe('refused         2 changes stay pending; first reason: forbidden');
  });
});
