import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDateOf } from '../../shared/domain/dates';
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { runAutomaticBackups } from '../../core/backup';
import { localDateTime } from '../../core/startup-failure';
import { knownSchemaVersion } from '../../db/open';
import { MIGRATIONS, openTestApp, ROOT, tempDir } from '../support/test-app';

/** Electron replaced by recorders, so main.ts's wiring runs here for real (database included). */
const fake = vi.hoisted(() => {
  const state = {
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as { options: Record<string, unknown>; loaded: string[]; contentsEvents: Map<string, (...args: unknown[]) => void> }[],
    permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    errorBoxes: [] as [string, string][],
    exits: [] as number[],
    opened: [] as string[],
    ipc: new Map<string, unknown>(),
    /** What happened in order: privileged schemes must be registered before the app is ready. */
    sequence: [] as string[],
    privileged: [] as unknown[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    questions: [] as { message: string; detail: string; buttons: string[] }[],
    answer: 1,
    saveAs: '',
  };
  return state;
});

vi.mock('electron', async () => ({
  // The app's import worker (imports, exports, a backup's copy), as test/integration/import-utility-process.test.ts plays it.
  utilityProcess: { fork: (await import('../support/utility-process-fork')).forkUtilityProcess },
  app: {
    on: (event: string, handler: (...args: unknown[]) => void) => fake.appHandlers.set(event, handler),
    whenReady: () => (fake.sequence.push('whenReady'), Promise.resolve()),
    getPath: () => '/nonexistent',
    getLocale: () => 'zh-CN',
    exit: (code: number) => fake.exits.push(code),
    quit: () => undefined,
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => (fake.sequence.push('registerSchemesAsPrivileged'), fake.privileged.push(...schemes)),
  },
  session: {
    defaultSession: {
      protocol: { handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocols.set(scheme, handler) },
      setPermissionRequestHandler: (h: typeof fake.permissionRequest) => (fake.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof fake.permissionCheck) => (fake.permissionCheck = h),
    },
  },
  BrowserWindow: class {
    static getFocusedWindow = () => null;
    static getAllWindows = () => fake.windows;
    static fromWebContents() {
      return null;
    }
    loaded: string[] = [];
    contentsEvents = new Map<string, (...args: unknown[]) => void>();
    webContents = { on: (event: string, listener: (...args: unknown[]) => void) => this.contentsEvents.set(event, listener) };
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
    // With a window to attach to, or alone (before any window exists: the recovery at start-up).
    showMessageBox: async (parentOrOptions: unknown, maybeOptions?: { message: string; detail: string; buttons: string[] }) => {
      const options = maybeOptions ?? (parentOrOptions as { message: string; detail: string; buttons: string[] });
      fake.questions.push({ message: options.message, detail: options.detail, buttons: options.buttons });
      return { response: fake.answer };
    },
    showMessageBoxSync: (_parent: unknown, options: { message: string; detail: string; buttons: string[] }) => {
      fake.questions.push({ message: options.message, detail: options.detail, buttons: options.buttons });
      return fake.answer;
    },
    // The user "chooses" a file in the save dialog: where the test says.
    showSaveDialog: async () => ({ canceled: false, filePath: fake.saveAs }),
  },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  ipcMain: { handle: (channel: string, handler: unknown) => fake.ipc.set(channel, handler) },
}));

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const fileUrl = pathToFileURL(join(ROOT, 'dist', 'renderer', 'index.html')).toString();
const pageUrl = 'app://tierbook/index.html';

beforeEach(() => {
  vi.resetModules();
  fake.appHandlers.clear();
  fake.windows.length = 0;
  fake.errorBoxes.length = 0;
  fake.exits.length = 0;
  fake.opened.length = 0;
  fake.ipc.clear();
  fake.sequence.length = 0;
  fake.privileged.length = 0;
  fake.protocols.clear();
  fake.questions.length = 0;
  fake.answer = 1;
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
    // The page's origin: a standard, secure scheme registered before ready, served by the renderer handler.
    expect(fake.sequence.slice(0, 2)).toEqual(['registerSchemesAsPrivileged', 'whenReady']);
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
    const serve = fake.protocols.get('app')!;
    expect((await serve(new Request('app://tierbook/index.html', { method: 'POST' }))).status).toBe(405);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(403);
    expect((await serve(new Request('app://tierbook/no-such-file.js'))).status).toBe(404);
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

  it('asks in the user\'s language before a close or reload drops unsaved edits, and goes only if told to', async () => {
    process.env.TIERBOOK_DB = join(tempDir(), 'app.sqlite');
    await import('../../electron/main');
    await settle();
    const invoke = fake.ipc.get('tierbook:invoke') as (event: { senderFrame: { url: string } }, channel: string, input: unknown) => Promise<{ ok: boolean }>;
    await invoke({ senderFrame: { url: pageUrl } }, 'settings:update', { language: 'en' });
    const willPreventUnload = fake.windows[0]!.contentsEvents.get('will-prevent-unload')!;
    const decide = (answer: number) => {
      fake.answer = answer;
      let left = false;
      willPreventUnload({ preventDefault: () => (left = true) });
      return left;
    };
    expect(decide(1)).toBe(false); // "Keep editing": the page's refusal stands, the edits stay on screen
    expect(decide(0)).toBe(true); // "Discard and leave": the close goes ahead
    expect(fake.questions.at(-1)).toEqual({ message: 'You have unsaved changes', detail: 'If you leave this page, the changes you just made will be lost.', buttons: ['Discard and leave', 'Keep editing'] });
    await invoke({ senderFrame: { url: pageUrl } }, 'settings:update', { language: 'zh-CN' });
    decide(1);
    expect(fake.questions.at(-1)!.buttons).toEqual(['放弃修改并离开', '继续编辑']);
  });

  it('takes IPC calls only from app://tierbook pages', async () => {
    process.env.TIERBOOK_DB = join(tempDir(), 'app.sqlite');
    await import('../../electron/main');
    await settle();
    const invoke = fake.ipc.get('tierbook:invoke') as (event: { senderFrame: { url: string } }, channel: string, input: unknown) => Promise<{ ok: boolean }>;
    const from = async (url: string) => (await invoke({ senderFrame: { url } }, 'settings:get', {})).ok;
    expect(await from(`${pageUrl}#/due`)).toBe(true);
    expect(await from('app://tierbook/')).toBe(true);
    for (const url of [fileUrl, 'http://127.0.0.1:5173/index.html', 'app://other/index.html', 'app://tierbook.evil/index.html']) expect([url, await from(url)]).toEqual([url, false]);
  });

  it('denies new windows; opens trusted links, asks (in the user\'s language) before other https hosts, refuses the rest', async () => {
    process.env.TIERBOOK_DB = join(tempDir(), 'app.sqlite');
    await import('../../electron/main');
    await settle();
    let openHandler: (d: { url: string }) => { action: string } = () => ({ action: 'unset' });
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    fake.appHandlers.get('web-contents-created')!({}, {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (event: string, h: (e: { preventDefault(): void }, url?: string) => void) => listeners.set(event, h),
    });
    const open = async (url: string) => {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
      await settle();
    };

    await open('https://wa.me/8613800138000');
    await open('mailto:a@b.co');
    await open('file:///etc/passwd');
    await open('http://example.com/');
    expect(fake.questions).toEqual([]);
    expect(fake.opened).toEqual(['https://wa.me/8613800138000', 'mailto:a@b.co']);

    // Another host: a question first, in the system's language (no language chosen yet); "cancel" opens nothing.
    await open('https://example.com/help');
    expect(fake.questions).toEqual([{ message: '在浏览器中打开 example.com？', detail: expect.stringContaining('https://example.com/help'), buttons: ['打开', '取消'] }]);
    expect(fake.opened).toHaveLength(2);
    fake.answer = 0;
    await open('https://example.com/help');
    expect(fake.opened).toEqual(['https://wa.me/8613800138000', 'mailto:a@b.co', 'https://example.com/help']);

    // Once the user picks English in Settings, the question is asked in English.
    const invoke = fake.ipc.get('tierbook:invoke') as (event: { senderFrame: { url: string } }, channel: string, input: unknown) => Promise<{ ok: boolean }>;
    expect((await invoke({ senderFrame: { url: pageUrl } }, 'settings:update', { language: 'en' })).ok).toBe(true);
    await open('https://example.org/');
    expect(fake.questions[2]).toMatchObject({ message: 'Open example.org in your browser?', buttons: ['Open', 'Cancel'] });

    const navigate = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    fake.answer = 1;
    expect(navigate('https://evil.example/')).toBe(true);
    await settle();
    expect(fake.questions[3]).toMatchObject({ message: 'Open evil.example in your browser?' });
    expect(fake.opened).not.toContain('https://evil.example/');
    expect(navigate(fileUrl)).toBe(true);
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
    // In the system's language (this fake system speaks Chinese): the database's own setting cannot be read.
    expect(fake.errorBoxes[0]![0]).toBe('TierBook 无法打开数据库');
    expect(fake.errorBoxes[0]![1]).toBe(`${file}\n\n这个数据库由更新版本的 TierBook 写入（数据结构版本 999，本软件最高认识 ${knownSchemaVersion(MIGRATIONS)}）。请先更新 TierBook 再打开它。`);
  });

  it('on a damaged workspace asks in the system\'s language, restores the backup offered, then starts on it', async () => {
    const workspace = openTestApp();
    const { dir, dbPath: file } = workspace;
    await workspace.call('customers:create', { name: '老主顾' });
    const taken = new Date();
    await runAutomaticBackups(workspace.db.$client, file, taken);
    workspace.close();
    // The schema page written over: the file will not open.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4000, 0xff), 0, 4000, 100);
    closeSync(fd);
    process.env.TIERBOOK_DB = file;
    fake.answer = 0;
    await import('../../electron/main');
    // The backups are checked and the chosen one restored before the window opens.
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.questions[0]).toMatchObject({ message: '数据库文件已损坏', buttons: [`恢复 ${localDateTime(taken)} 的备份`, '选择其他备份…', '退出'] });
    const restored = new Database(file, { readonly: true });
    expect(restored.prepare(`SELECT name FROM customers`).pluck().all()).toEqual(['老主顾']);
    restored.close();
    expect(readdirSync(dir).filter((name) => name.startsWith('tierbook.damaged-'))).toHaveLength(1);
  });
});
