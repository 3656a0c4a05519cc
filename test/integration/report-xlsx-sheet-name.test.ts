import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportFixture, FIXTURE_TODAY } from '../support/report-fixture';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The Evaluation's .xlsx names its class sheet after the scheme exported: it was "客户金字塔" / "Pyramid"
 * whatever the scheme, and a custom segment whose name Excel forbids as a sheet name failed the export.
 */
let app: TestApp;
beforeAll(async () => {
  app = openTestApp(FIXTURE_TODAY);
  await buildReportFixture(app);
});
afterAll(() => app.cleanup());

const RULE = { kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'orderCount', op: 'gte', value: 1 }] } as const;

async function sheetsOf(scheme: string, language: 'en' | 'zh-CN', file: string) {
  const path = join(app.dir, file);
  const out = await app.call('reports:export-xlsx', { scheme, from: '2026-01-01', to: '2026-04-30', language, path });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const written = book.worksheets.map((w) => w.name);
  expect(written).toEqual(out.sheets);
  return { written, second: book.worksheets[1]! };
}

describe('reports:export-xlsx sheet names', () => {
  it('names the class sheet after a built-in scheme, in the chosen language', async () => {
    expect((await sheetsOf('value', 'en', 'value-en.xlsx')).written).toEqual(['Periods', 'Value tiers', 'Pareto']);
    expect((await sheetsOf('value', 'zh-CN', 'value-zh.xlsx')).written).toEqual(['各期指标', '价值分层', '帕累托曲线']);
    expect((await sheetsOf('pyramid', 'zh-CN', 'pyramid-zh.xlsx')).written).toEqual(['各期指标', '客户金字塔', '帕累托曲线']);
  });

  it('names it after a custom segment, made into a name Excel accepts', async () => {
    const plain = await app.call('segments:custom:save', { name: '华东 重点客户', rule: RULE });
    const { written, second } = await sheetsOf(`custom:${plain.id}`, 'en', 'plain.xlsx');
    expect(written).toEqual(['Periods', '华东 重点客户', 'Pareto']);
    expect((second.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['Class', 'Responsible']);

    const awkward = await app.call('segments:custom:save', { name: "'Key: A/B [north] * ? \\ accounts of the eastern region'", rule: RULE });
    const name = (await sheetsOf(`custom:${awkward.id}`, 'en', 'awkward.xlsx')).written[1]!;
    expect(name).toBe('Key A B north accounts of the e');
    expect(name.length).toBeLessThanOrEqual(31);

    const clash = await app.call('segments:custom:save', { name: 'periods', rule: RULE });
    expect((await sheetsOf(`custom:${clash.id}`, 'en', 'clash.xlsx')).written).toEqual(['Periods', 'periods (2)', 'Pareto']);
  });
});
