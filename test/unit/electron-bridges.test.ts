import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron modules are replaced by recorders: these tests check what our two files do with them.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler) },
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: 'from main' })) },
  webUtils: { getPathForFile: (file: { name: string }) => `/home/user/${file.name}` },
}));

describe('ipc.ts (main process)', () => {
  beforeEach(() => handlers.clear());

  it('dispatches calls from our own page and refuses any other frame', async () => {
    const { registerIpc, INVOKE_CHANNEL } = await import('../../electron/ipc');
    const dispatched: unknown[][] = [];
    const own = 'app://tierbook/index.html';
    registerIpc(async (name, input) => (dispatched.push([name, input]), { ok: true, value: 1 }), (url) => url === own);
    const handler = handlers.get(INVOKE_CHANNEL)!;
    expect(await handler({ senderFrame: { url: own } }, 'customers:list', { search: 'zs' })).toEqual({ ok: true, value: 1 });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'customers:list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Refused a call from https://evil.example/' },
    });
    expect(await handler({ senderFrame: null }, 'customers:list', {})).toMatchObject({ ok: false });
    expect(dispatched).toEqual([['customers:list', { search: 'zs' }]]);
  });
});

describe('preload.ts (sandboxed renderer side)', () => {
  it('exposes one name with its few functions, and only forwards contract channels', async () => {
    await import('../../electron/preload');
    expect([...exposed.keys()]).toEqual(['tierbook']);
    const api = exposed.get('tierbook') as { invoke(channel: string, input: unknown): Promise<unknown>; pathForFile(file: unknown): string };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'pathForFile', 'pickOpenPath', 'pickSavePath']);
    expect(api.pathForFile({ name: '客户.csv' })).toBe('/home/user/客户.csv');
    expect(await api.invoke('customers:list', { limit: 1 })).toEqual({ ok: true, value: 'from main' });
    expect(invoked).toEqual([['tierbook:invoke', 'customers:list', { limit: 1 }]]);
    expect(await api.invoke('shell:openExternal', 'file:///etc/passwd')).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel: shell:openExternal' } });
    expect(invoked).toHaveLength(1);
  });
});
