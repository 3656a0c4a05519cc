import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../core/import/decode';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Client lists from Japan and Korea, and Western ones, in their legacy encodings: every one of them decodes as
 * GB18030 without an error, so a wrong guess stored names as Chinese nonsense. Each is read in its own encoding,
 * and a file read in the wrong one (the user's choice, or a guess that cannot tell) has its garbled rows refused.
 */
const JAPANESE = 'Name,Company,Country,City\r\n山田太郎,株式会社サクラ,JP,東京\r\n佐藤花子,有限会社ミドリ,JP,大阪\r\n鈴木一郎,東洋商事株式会社,JP,名古屋\r\n田中健,日本橋物産,JP,福岡\r\n';
const KOREAN = 'Name,Company,Country,City\r\n김민수,삼성상사,KR,서울\r\n이영희,대한무역,KR,부산\r\n박지훈,한빛물산,KR,대구\r\n';
const WESTERN = 'Name,Company,Country,City\r\nJosé Müller,Café Société,DE,München\r\nFrançois Pérez,Crème Brûlée SARL,FR,Besançon\r\n';
const names = (text: string) => text.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);

describe('detecting Japanese, Korean and Western encodings', () => {
  it.each([
    ['shift_jis', JAPANESE],
    ['euc-jp', JAPANESE],
    ['euc-kr', KOREAN],
    ['windows-1252', WESTERN],
  ] as const)('reads %s', (encoding, text) => {
    expect(decodeBytes(new Uint8Array(iconv.encode(text, encoding)))).toMatchObject({ encoding, text });
  });
});

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.cleanup());

const file = (name: string, text: string, encoding: string) => {
  const path = join(app.dir, name);
  writeFileSync(path, iconv.encode(text, encoding));
  return path;
};
const storedNames = () => app.db.$client.prepare('SELECT name FROM customers ORDER BY rowid').pluck().all();

describe('importing them', () => {
  it.each([
    ['shift_jis', JAPANESE],
    ['euc-jp', JAPANESE],
    ['euc-kr', KOREAN],
  ] as const)('stores the names of a %s file as written', async (encoding, text) => {
    const result = await app.call('import:commit', { kind: 'customers', source: { path: file('clients.csv', text, encoding) } });
    expect(result).toMatchObject({ encoding, added: names(text).length, rejected: 0 });
    expect(storedNames()).toEqual(names(text));
  });

  it('takes Shift_JIS when chosen by hand', async () => {
    const path = file('clients.csv', JAPANESE, 'shift_jis');
    const preview = await app.call('import:preview', { kind: 'customers', source: { path }, encoding: 'shift_jis' });
    expect(preview.sample.map((r) => r.cells[0])).toEqual(names(JAPANESE));
  });

  it('refuses a Shift_JIS file read as GB18030 all or nothing, saying why and storing nothing', async () => {
    const path = file('clients.csv', JAPANESE, 'shift_jis');
    const refused = await app.call('import:commit', { kind: 'customers', source: { path }, encoding: 'gb18030', onError: 'abort' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ key: 'import_rows_rejected', params: { rejected: 4, total: 4 } }] });
    const preview = await app.call('import:preview', { kind: 'customers', source: { path }, encoding: 'gb18030' });
    expect(preview.errors.map((e) => [e.row, e.reason, e.params?.encoding])).toEqual([2, 3, 4, 5].map((row) => [row, 'garbled_text', 'gb18030']));
    expect(preview.errors[0]!.message).toContain('shift_jis');
    expect(app.db.$client.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
  });

  it('skips the garbled rows of a file read in the wrong encoding and stores the rest', async () => {
    const path = file('clients.csv', `${JAPANESE}Smith Trading,Smith Trading,GB,London\r\n`, 'shift_jis');
    const result = await app.call('import:commit', { kind: 'customers', source: { path }, encoding: 'gb18030', onError: 'skip' });
    expect(result).toMatchObject({ added: 1, rejected: 4 });
    expect(storedNames()).toEqual(['Smith Trading']);
  });
});
