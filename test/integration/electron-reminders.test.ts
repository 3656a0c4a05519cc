import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../core/app';
import { call } from '../../core/dispatch';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { localInstant } from '../../shared/reminders/wall-clock';
import { MIGRATIONS, tempDir } from '../support/test-app';

/** Electron replaced by recorders (as in electron-main.test.ts), with notifications this time. */
const fake = vi.hoisted(() => ({
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  ipc: new Map<string, unknown>(),
  notifications: [] as { options: { title: string; body: string }; handlers: Map<string, () => void>; shown: boolean; shownAt: number }[],
  windows: [] as { calls: string[]; scripts: string[] }[],
}));

vi.mock('electron', () => ({
  app: {
    on: (event: string, handler: (...args: unknown[]) => void) => fake.appHandlers.set(event, handler),
    whenReady: () => Promise.resolve(),
    getPath: () => '/nonexistent',
    getLocale: () => 'zh-CN',
    exit: () => undefined,
    quit: () => undefined,
  },
  protocol: { registerSchemesAsPrivileged: () => undefined },
  session: { defaultSession: { protocol: { handle: () => undefined }, setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
  BrowserWindow: class {
    static getFocusedWindow = () => null;
    static getAllWindows = () => fake.windows;
    calls: string[] = [];
    scripts: string[] = [];
    webContents = { executeJavaScript: async (script: string) => void this.scripts.push(script), on: () => undefined };
    constructor() {
      fake.windows.push(this);
    }
    once() {}
    async loadURL() {}
    isDestroyed = () => false;
    isMinimized = () => (this.calls.push('isMinimized'), true);
    restore = () => void this.calls.push('restore');
    show = () => void this.calls.push('show');
    focus = () => void this.calls.push('focus');
  },
  Notification: class {
    static isSupported = () => true;
    handlers = new Map<string, () => void>();
    shown = false;
    shownAt = Number.NaN;
    constructor(readonly options: { title: string; body: string }) {
      fake.notifications.push(this);
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
    }
    show() {
      this.shown = true;
      this.shownAt = Date.now();
    }
  },
  dialog: { showErrorBox: () => undefined, showMessageBox: async () => ({ response: 1 }), showSaveDialog: async () => ({ canceled: true }) },
  shell: { openExternal: async () => undefined },
  ipcMain: { handle: (channel: string, handler: unknown) => fake.ipc.set(channel, handler) },
}));

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
/** The start-up summary reads the Today list, which computes the day's tiers first: wait for it, not a fixed pause. */
const summaryShown = () => vi.waitFor(() => expect(fake.notifications.length).toBeGreaterThan(0), { timeout: 15_000, interval: 50 });
const pageUrl = 'app://tierbook/index.html';
/** Taken before any test fakes the timers: real pauses while the test's clock stands still. */
const realSetTimeout = globalThis.setTimeout;
const realPause = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

/**
 * Moves the test's clock on a second at a time until `done` or `ms` have passed, with a real pause after each
 * second: a wake reads the database through the contract, and at midnight the next day's summary computes the
 * day's tiers in steps (real turns of the event loop) before the next minute is armed. Jumping the whole span at
 * once would pass that minute before it is armed.
 */
async function runClock(ms: number, done: () => boolean) {
  for (let passed = 0; passed < ms && !done(); passed += 1000) {
    await vi.advanceTimersByTimeAsync(1000);
    await realPause(20);
  }
}

const hhmm = (at: Date) => `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

/** A database with work due today, prepared the way a user would have left it (English, 00:00 summary). */
async function prepareDatabase(language: 'en' | 'zh-CN') {
  const dbPath = join(tempDir(), 'app.sqlite');
  const prep = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
  const today = localDateOf(new Date());
  const create = (name: string) => call(prep.dispatch, 'customers:create', { name }).then((r) => r.customer.id);
  const ids = { wang: await create('王芳'), li: await create('Li Lei'), later: await create('Later') };
  const at = new Date(Date.now() - 3 * 86_400_000).toISOString();
  await call(prep.dispatch, 'followups:create', { customerId: ids.wang, occurredAt: at, nextContactDate: addDays(today, -2) });
  await call(prep.dispatch, 'followups:create', { customerId: ids.li, occurredAt: at, nextContactDate: today });
  await call(prep.dispatch, 'followups:create', { customerId: ids.later, occurredAt: at, nextContactDate: addDays(today, 3) });
  // No service policies: the summary is then the follow-up reminders alone, countable in plain SQL below.
  for (const p of (await call(prep.dispatch, 'policies:list', {})).policies) await call(prep.dispatch, 'policies:delete', { scheme: p.scheme, classKey: p.classKey });
  await call(prep.dispatch, 'settings:update', { language, reminderTime: '00:00' });
  const count = (op: string) => prep.db.$client.prepare(`SELECT count(*) FROM follow_ups WHERE done = 0 AND next_contact_date ${op} ?`).pluck().get(today) as number;
  const expected = { total: count('<='), overdue: count('<') };
  // The summary is the Today list; with no policies and everyone followed up, that list is exactly these reminders.
  const listed = await call(prep.dispatch, 'today:count', {});
  expect({ total: listed.total, overdue: listed.overdue }).toEqual(expected);
  prep.close();
  return { dbPath, ids, expected };
}

beforeEach(() => {
  vi.resetModules();
  fake.appHandlers.clear();
  fake.ipc.clear();
  fake.notifications.length = 0;
  fake.windows.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  fake.appHandlers.get('will-quit')?.();
  delete process.env.TIERBOOK_DB;
});

describe('desktop reminders in the Electron main process', () => {
  it('shows the day’s summary once at start-up, in English, and a click opens Today in the window', async () => {
    const { dbPath, expected } = await prepareDatabase('en');
    expect(expected).toEqual({ total: 2, overdue: 1 });
    process.env.TIERBOOK_DB = dbPath;
    await import('../../electron/main');
    await summaryShown();
    expect(fake.notifications.map((n) => [n.options.title, n.options.body, n.shown])).toEqual([
      [`Today: ${expected.total} items to handle`, `${expected.overdue} is overdue.\nFirst: 王芳, Li Lei\nClick to open Today.`, true],
    ]);

    fake.notifications[0]!.handlers.get('click')!();
    const window = fake.windows[0]!;
    expect(window.calls).toEqual(['isMinimized', 'restore', 'show', 'focus']);
    expect(window.scripts).toEqual(['window.location.hash = "#/today"']);

    // Saving the settings re-arms, but the day's summary was shown: no second one.
    const invoke = fake.ipc.get('tierbook:invoke') as (event: { senderFrame: { url: string } }, channel: string, input: unknown) => Promise<{ ok: boolean }>;
    expect((await invoke({ senderFrame: { url: pageUrl } }, 'settings:update', { reminderTime: '00:01' })).ok).toBe(true);
    await settle();
    expect(fake.notifications).toHaveLength(1);
  });

  it('a timed reminder logged in the window is announced at its minute, in Chinese, and its click opens the customer', async () => {
    const { dbPath, ids } = await prepareDatabase('zh-CN');
    process.env.TIERBOOK_DB = dbPath;
    await import('../../electron/main');
    await summaryShown();
    expect(fake.notifications.map((n) => n.options.title)).toEqual(['今日待办：2 项']);
    expect(fake.notifications[0]!.options.body).toBe('其中 1 项已逾期。\n先联系：王芳、Li Lei\n点击打开“今日”。');

    // From here on the clock is the test's: two minutes ahead.
    vi.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const due = new Date(Date.now() + 2 * 60_000);
    const time = hhmm(due);
    const invoke = fake.ipc.get('tierbook:invoke') as (event: { senderFrame: { url: string } }, channel: string, input: unknown) => Promise<{ ok: boolean }>;
    const logged = await invoke({ senderFrame: { url: pageUrl } }, 'followups:create', { customerId: ids.later, content: '报价', nextContactDate: localDateOf(due), nextContactTime: time });
    expect(logged.ok).toBe(true);
    await runClock(1000, () => false);
    expect(fake.notifications).toHaveLength(1);
    const timed = () => fake.notifications.filter((n) => n.options.title.startsWith('跟进提醒'));
    await runClock(3 * 60_000, () => timed().length > 0);
    // (Run just before midnight, the next day's summary may join it: only the timed one is looked at.)
    expect(timed().map((n) => [n.options.title, n.options.body])).toEqual([[`跟进提醒 · ${time}`, '现在联系 Later。点击打开客户档案。']]);
    expectWithinMinute(timed()[0]!.shownAt, localInstant(localDateOf(due), time));
    timed()[0]!.handlers.get('click')!();
    expect(fake.windows[0]!.scripts).toEqual([`window.location.hash = "#/customers/${ids.later}"`]);
  });

  it('a reminder for a minute past midnight, logged a minute before it, comes after the next day’s summary', async () => {
    const { dbPath, ids } = await prepareDatabase('zh-CN');
    process.env.TIERBOOK_DB = dbPath;
    await import('../../electron/main');
    await summaryShown();

    // The test's clock jumps to 23:59 (of tomorrow when the real one is already past it today).
    let eve = localInstant(localDateOf(new Date()), '23:59');
    if (eve.getTime() <= Date.now()) eve = localInstant(addDays(localDateOf(eve), 1), '23:59');
    vi.useFakeTimers({ now: eve, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const nextDay = addDays(localDateOf(eve), 1);
    const invoke = fake.ipc.get('tierbook:invoke') as (event: { senderFrame: { url: string } }, channel: string, input: unknown) => Promise<{ ok: boolean }>;
    const logged = await invoke({ senderFrame: { url: pageUrl } }, 'followups:create', { customerId: ids.later, content: '报价', nextContactDate: nextDay, nextContactTime: '00:01' });
    expect(logged.ok).toBe(true);
    const timed = () => fake.notifications.filter((n) => n.options.title.startsWith('跟进提醒'));
    await runClock(3 * 60_000, () => timed().length > 0);

    expect(timed().map((n) => [n.options.title, n.options.body])).toEqual([['跟进提醒 · 00:01', '现在联系 Later。点击打开客户档案。']]);
    expectWithinMinute(timed()[0]!.shownAt, localInstant(nextDay, '00:01'));
    // The summary set for 00:00 announced the next day at its minute, before the reminder.
    const summaries = fake.notifications.filter((n) => n.options.title.startsWith('今日待办'));
    expectWithinMinute(summaries.at(-1)!.shownAt, localInstant(nextDay, '00:00'));
  });
});

/** Shown in the minute that starts at `minute`: not before it, and not a minute late. */
function expectWithinMinute(shownAt: number, minute: Date) {
  expect(shownAt).toBeGreaterThanOrEqual(minute.getTime());
  expect(shownAt).toBeLessThan(minute.getTime() + 60_000);
}
