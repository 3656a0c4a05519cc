import { afterEach, describe, expect, it } from 'vitest';
import { sourceOf } from '../../renderer/features/import/file-data';

const g = globalThis as unknown as { window?: unknown };
afterEach(() => delete g.window);

describe('the import screen’s file source', () => {
  it('in the app, sends the picked file’s path so the importer streams it from disk', async () => {
    g.window = { tierbook: { pathForFile: (f: File) => `/data/${f.name}` } };
    expect(await sourceOf(new File(['a,b\n'], '客户.csv'))).toEqual({ fileName: '客户.csv', source: { path: '/data/客户.csv' } });
  });
  it('in a browser (no path), sends the bytes as base64', async () => {
    g.window = { tierbook: { pathForFile: () => '' } };
    const bytes = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7]); // 客户 in GBK: bytes, not text, must survive
    expect(await sourceOf(new File([bytes], 'gbk.csv'))).toEqual({ fileName: 'gbk.csv', source: { base64: Buffer.from(bytes).toString('base64'), fileName: 'gbk.csv' } });
    g.window = {};
    expect((await sourceOf(new File([bytes], 'x.csv'))).source).toEqual({ base64: 'v827pw==', fileName: 'x.csv' });
  });
});
