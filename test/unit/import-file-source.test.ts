import { afterEach, describe, expect, it } from 'vitest';
import { FileTooLarge, pickImportFile, sourceOf, UPLOAD_LIMIT_BYTES } from '../../renderer/features/import/file-data';

const g = globalThis as unknown as { window?: unknown };
afterEach(() => delete g.window);

describe('the import screen’s file source', () => {
  it('in the app, the Choose file button asks the main process’s dialog and sends its handle, never a path', async () => {
    const asked: unknown[] = [];
    g.window = { tierbook: { pickOpenFile: async (o: unknown) => (asked.push(o), { handle: 'h'.repeat(32), name: '客户.csv' }) } };
    expect(await pickImportFile()).toEqual({ fileName: '客户.csv', source: { handle: 'h'.repeat(32) } });
    expect(asked).toEqual([expect.objectContaining({ purpose: 'import' })]);
    g.window = { tierbook: { pickOpenFile: async () => null } };
    expect(await pickImportFile()).toBeNull(); // cancelled
  });

  it('a file the page holds (picked in a browser, dropped in the app) travels as base64 bytes', async () => {
    g.window = { tierbook: {} };
    const bytes = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7]); // 客户 in GBK: bytes, not text, must survive
    expect(await sourceOf(new File([bytes], 'gbk.csv'))).toEqual({ fileName: 'gbk.csv', source: { base64: Buffer.from(bytes).toString('base64'), fileName: 'gbk.csv' } });
    g.window = {};
    expect((await sourceOf(new File([bytes], 'x.csv'))).source).toEqual({ base64: 'v827pw==', fileName: 'x.csv' });
  });

  it('refuses bytes over the limit of the transport, so the screen can point to the right way', async () => {
    const big = new File([new Uint8Array(UPLOAD_LIMIT_BYTES.browser + 1)], 'big.csv');
    g.window = { tierbook: {} };
    await expect(sourceOf(big)).rejects.toEqual(new FileTooLarge(big.size, UPLOAD_LIMIT_BYTES.browser));
    g.window = { tierbook: { pickOpenFile: async () => null } }; // the app takes more: IPC has no 20 MB body limit
    expect((await sourceOf(big)).fileName).toBe('big.csv');
    await expect(sourceOf(new File([new Uint8Array(UPLOAD_LIMIT_BYTES.app + 1)], 'huge.csv'))).rejects.toBeInstanceOf(FileTooLarge);
  });
});
