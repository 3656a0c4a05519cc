import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDateOf } from '../../shared/domain/dates';
import { ROOT, tempDir } from '../support/test-app';

/** Electron replaced by recorders, so main.ts's wiring runs here for real (database included). */
const fake = vi.hoisted(() => {
  const state = {
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    errorBoxes: [] as [string, string][],
    exits: [] as number[],
    opened: [] as string[],
    ipc: new Map<string, unknown>(),
    saveAs: '',
  };
  return state;
});

vi.mock('electron', () => ({
  app: {
    on: (event: string, handler: (...args: unknown[]) => void) => fake.appHandlers.set(event, handler),
    whenReady: () => Promise.resolve(),
    getPath: () => '/nonexistent',
    exit: (code: number) => fake.exits.push(code),
    quit: () => undefined,
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.permissionRequest) => (fake.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof fake.permissionCheck) => (fake.permissionCheck = h),
    },
  },
  BrowserWindow: class {
    static fromWebContents() {
      return null;
    }
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      fake.windows.push(this);
    }
    once() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  },
  dialog: {
    showErrorBox: (title: string, body: string) => fake.errorBoxes.push([title, body]),
    // The user "chooses" a file in the save dialog: where the test says.
    showSaveDialog: async () => ({ canceled: false, filePath: fake.saveAs }),
  },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  ipcMain: { handle: (channel: string, handler: unknown) => fake.ipc.set(channel, handler) },
}));

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const pageUrl = pathToFileURL(join(ROOT, 'dist', 'renderer', 'index.html')).toString();

beforeEach(() => {
  vi.resetModules();
  fake.appHandlers.clear();
  fake.windows.length = 0;
  fake.errorBoxes.length = 0;
  fake.exits.length = 0;
  fake.opened.length = 0;
  fake.ipc.clear();
});
afterEach(() => {
  delete process.env.TIERBOOK_DB;
  fake.appHandlers.get('will-quit')?.();
});

describe('electron/main.ts', () => {
  it('migrates the database first, then opens one hardened window on the bundled page', async () => {
    process.env.TIERBOOK_DB = join(tempDir(), 'app.sqlite');
    await import('../../electron/main');
    await settle();
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loaded).toEqual([pageUrl]);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(ROOT, 'dist', 'main', 'preload.cjs') });
    expect([...fake.ipc.keys()].sort()).toEqual(['tierbook:invoke', 'tierbook:pickOpenFile', 'tierbook:pickSaveFile']);
    const db = new Database(process.env.TIERBOOK_DB, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM settings`).pluck().get()).toBe(1);
    db.close();

    // A second later, today's tiers are stored once (the day changed since the app last ran: never).
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const stored = new Database(process.env.TIERBOOK_DB, { readonly: true });
    expect(stored.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get()).toBe(localDateOf(new Date()));
    stored.close();

    let granted: boolean | undefined;
    fake.permissionRequest!(null, 'geolocation', (ok) => (granted = ok));
    expect([granted, fake.permissionCheck!()]).toEqual([false, false]);
  });

  it('denies new windows, hands only https/mailto to the system, and blocks navigation away', async () => {
    process.env.TIERBOOK_DB = join(tempDir(), 'app.sqlite');
    await import('../../electron/main');
    await settle();
    let openHandler: (d: { url: string }) => { action: string } = () => ({ action: 'unset' });
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    fake.appHandlers.get('web-contents-created')!({}, {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (event: string, h: (e: { preventDefault(): void }, url?: string) => void) => listeners.set(event, h),
    });
    expect(openHandler({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.com/help']);
    const navigate = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate(`${pageUrl}#/due`)).toBe(false);
  });

  it('gives the renderer file access by dialog handles only: a raw path is refused, the dialog’s handle works once', async () => {
    process.env.TIERBOOK_DB = join(tempDir(), 'app.sqlite');
    await import('../../electron/main');
    await settle();
    type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
    const event = { senderFrame: { url: pageUrl }, sender: {} };
    const invoke = (channel: string, input: unknown) => (fake.ipc.get('tierbook:invoke') as Handler)(event, channel, input) as Promise<{ ok: boolean; value?: { path: string }; error?: { issues?: { key: string }[] } }>;
    fake.saveAs = join(tempDir(), 'chosen.csv');

    const refused = await invoke('export:customers', { path: fake.saveAs });
    expect(refused.error?.issues?.[0]?.key).toBe('path_not_allowed');
    const picked = (await (fake.ipc.get('tierbook:pickSaveFile') as Handler)(event, { purpose: 'export' })) as { handle: string; name: string };
    expect(picked.name).toBe('chosen.csv');
    expect(await invoke('export:customers', { handle: picked.handle })).toMatchObject({ ok: true, value: { path: fake.saveAs } });
    expect((await invoke('export:customers', { handle: picked.handle })).error?.issues?.[0]?.key).toBe('handle_unknown');
  });

  it('stops with a clear message, and no window, when the database is from a newer version', async () => {
    const file = join(tempDir(), 'future.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    process.env.TIERBOOK_DB = file;
    await import('../../electron/main');
    await settle();
    expect(fake.windows).toEqual([]);
    expect(fake.exits).toEqual([1]);
    expect(fake.errorBoxes[0]![0]).toBe('TierBook cannot open its database');
    expect(fake.errorBoxes[0]![1]).toContain('written by a newer version of TierBook');
  });
});
