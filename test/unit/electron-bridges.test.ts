import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron modules are replaced by recorders: these tests check what our two files do with them.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
/** What the user "chooses" in the next system dialog (undefined: cancels). */
const nextChoice = vi.hoisted(() => ({ path: undefined as string | undefined, asked: [] as unknown[] }));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler) },
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: 'from main' })) },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async (options: unknown) => (nextChoice.asked.push(options), { canceled: !nextChoice.path, filePath: nextChoice.path }),
    showOpenDialog: async (options: unknown) => (nextChoice.asked.push(options), { canceled: !nextChoice.path, filePaths: nextChoice.path ? [nextChoice.path] : [] }),
  },
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
    const api = exposed.get('tierbook') as { invoke(channel: string, input: unknown): Promise<unknown>; pickSaveFile(options: unknown): Promise<unknown> };
    // No way to learn a file's path: only the dialogs, which answer with handles.
    expect(Object.keys(api).sort()).toEqual(['invoke', 'pickOpenFile', 'pickSaveFile']);
    expect(await api.invoke('customers:list', { limit: 1 })).toEqual({ ok: true, value: 'from main' });
    expect(invoked).toEqual([['tierbook:invoke', 'customers:list', { limit: 1 }]]);
    expect(await api.invoke('shell:openExternal', 'file:///etc/passwd')).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel: shell:openExternal' } });
    expect(invoked).toHaveLength(1);
    await api.pickSaveFile({ purpose: 'export' });
    expect(invoked[1]).toEqual(['tierbook:pickSaveFile', { purpose: 'export' }]);
  });
});

describe('file-dialogs.ts (main process)', () => {
  const own = 'file:///app/dist/renderer/index.html';
  const event = (url = own) => ({ senderFrame: { url }, sender: {} });

  it('registers the chosen file and gives the page a handle and a name, never the path', async () => {
    handlers.clear();
    const { registerFileDialogs, PICK_OPEN_CHANNEL, PICK_SAVE_CHANNEL } = await import('../../electron/file-dialogs');
    const { FileHandles } = await import('../../core/files');
    const files = new FileHandles();
    registerFileDialogs((url) => url === own, files);

    nextChoice.path = '/home/li/客户.csv';
    const picked = (await handlers.get(PICK_OPEN_CHANNEL)!(event(), { purpose: 'import', filters: [{ name: 'CSV', extensions: ['csv'] }] })) as { handle: string; name: string };
    expect(picked).toEqual({ handle: expect.stringMatching(/^[\w-]{32}$/), name: '客户.csv' });
    expect(JSON.stringify(picked)).not.toContain('/home/li');
    expect(files.resolve(picked.handle, 'import', ['handle'])).toBe('/home/li/客户.csv');
    expect(() => files.resolve(picked.handle, 'restore', ['handle'])).toThrow(/chosen for something else/);

    nextChoice.path = '/home/li/out.xlsx';
    const saved = (await handlers.get(PICK_SAVE_CHANNEL)!(event(), { purpose: 'export', defaultName: '../../etc/customers.xlsx' })) as { handle: string };
    expect(files.resolve(saved.handle, 'export', ['handle'])).toBe('/home/li/out.xlsx');
    expect(nextChoice.asked.at(-1)).toMatchObject({ defaultPath: 'customers.xlsx' }); // a suggested name only, no folder
  });

  it('answers null for a cancelled dialog, an unknown purpose, or a frame that is not our page', async () => {
    handlers.clear();
    const { registerFileDialogs, PICK_OPEN_CHANNEL, PICK_SAVE_CHANNEL } = await import('../../electron/file-dialogs');
    const { FileHandles } = await import('../../core/files');
    registerFileDialogs((url) => url === own, new FileHandles());
    nextChoice.path = undefined;
    expect(await handlers.get(PICK_SAVE_CHANNEL)!(event(), { purpose: 'backup' })).toBeNull();
    nextChoice.path = '/home/li/a.csv';
    expect(await handlers.get(PICK_OPEN_CHANNEL)!(event(), { purpose: 'export' })).toBeNull();
    expect(await handlers.get(PICK_SAVE_CHANNEL)!(event(), { purpose: 'import' })).toBeNull();
    expect(await handlers.get(PICK_OPEN_CHANNEL)!(event('https://evil.example/'), { purpose: 'import' })).toBeNull();
  });
});
