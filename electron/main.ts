import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import { join } from 'node:path';
import { openApp, type OpenedApp } from '../core/app';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { teamSync } from '../core/sync/service';
import { runAutomaticBackups } from '../core/backup';
import { call } from '../core/dispatch';
import { FileHandles } from '../core/files';
import { APP_VERSION, appRoot, migrationsFolder } from '../core/paths';
import { keepDailySnapshots } from '../core/segmentation/daily';
import { startupFailureText } from '../core/startup-failure';
import { recoverFromOpenFailure, type RecoveryDialogs } from '../core/startup-recovery';
import { warmReports } from '../core/reports/warm-up';
import { warmToday } from '../core/today/warm';
import { localDateOf } from '../shared/domain/dates';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createRendererHandler, isOwnPage } from './app-protocol';
import { registerFileDialogs } from './file-dialogs';
import { utilityImportWorker } from './import-process';
import { registerIpc } from './ipc';
import { rearmingDispatch, startReminders } from './notifications';
import type { ReminderScheduler } from '../shared/reminders/scheduler';
import { openExternalLink, type ShellLanguage } from './open-external';
import { mainWindowOptions } from './window-options';
import { askBeforeDiscardingEdits } from './unsaved-close';
import { readSettings } from '../db/repos/settings';

const root = appRoot();
// Before `ready`: only then can a scheme become standard and secure (see app-protocol.ts for why not file://).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

// Tests point the app at a throwaway database; users get one file in their profile folder.
const dbPath = process.env.TIERBOOK_DB ?? join(app.getPath('userData'), 'tierbook.sqlite');

/** Filled in once the database is open: the confirm dialog for outside links speaks the user's language. */
let userLanguage: () => Promise<ShellLanguage> = async () => systemLanguage();

function systemLanguage(): ShellLanguage {
  return app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function openOutside(url: string): void {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
  openExternalLink(url, { language: () => userLanguage(), parent }).catch((error: unknown) => console.error('Opening a link failed:', error));
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // No new windows ever; a link meant for the browser goes through openExternalLink's checks.
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (isOwnPage(url)) return;
      event.preventDefault();
      openOutside(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.protocol.handle(APP_SCHEME, createRendererHandler(join(root, 'dist', 'renderer')));

  let opened: OpenedApp | undefined;
  // This process holds the tiers for as long as the window is open: its heap sized for that before the first read.
  tuneHeapForTiers();
  // The renderer never names a file: the dialogs below register what the user picks and hand it a handle.
  const fileHandles = new FileHandles();
  while (!opened) {
    try {
      // Migrations run before any window exists; a failure stops here with the reason, never half-migrated.
      opened = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: APP_VERSION, files: { mode: 'handles', handles: fileHandles }, importWorker: utilityImportWorker() });
    } catch (error) {
      // A damaged or unreadable workspace: a backup restored from a dialog, then the start begins again.
      const recovery = await recoverFromOpenFailure(error, dbPath, systemLanguage(), migrationsFolder(), recoveryDialogs);
      if (recovery.kind === 'restored') continue;
      // The database's language setting cannot be read: the system's language words it.
      const text = startupFailureText(error, systemLanguage(), dbPath);
      if (recovery.kind === 'not_offered') dialog.showErrorBox(text.title, text.detail);
      app.exit(1);
      return;
    }
  }
  userLanguage = async () => (await call(opened.dispatch, 'settings:get', {})).language ?? systemLanguage();
  // Desktop reminders (electron/notifications.ts): saving a reminder time or a follow-up re-arms them at once.
  let reminders: ReminderScheduler | undefined;
  registerIpc(rearmingDispatch(opened.dispatch, () => reminders), isOwnPage);
  registerFileDialogs(isOwnPage, fileHandles);
  void runAutomaticBackups(opened.db.$client, dbPath, new Date(), opened.importRunner.backupCopier(dbPath)).catch((error: unknown) => console.error('Automatic backup failed:', error));
  // Team sync runs here in the background with back-off (docs/team.md); no screen waits for it.
  teamSync(opened.db, dbPath, () => new Date()).startLive();
  // Today, the home screen, made while the window and its page load (core/today/warm.ts); then the dashboard's months,
  // read in small steps so that its first open finds them in memory (docs/evaluation.md §8).
  const todayWarm = warmToday(opened.dispatch);
  todayWarm.catch((error: unknown) => console.error("Making Today's list at start failed:", error));
  const warmUp = warmReports(opened.db, { today: localDateOf(new Date()), after: todayWarm });
  warmUp.done.catch((error: unknown) => console.error('Warming the reports failed:', error));
  let dailySnapshots: { stop(): void } | undefined;
  app.on('will-quit', () => {
    reminders?.stop();
    warmUp.stop();
    // Quit within a second of start, or at midnight: the day's recompute must not wake on a closed database.
    dailySnapshots?.stop();
    opened.close();
  });

  const window = new BrowserWindow(mainWindowOptions(join(root, 'dist', 'main', 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  askBeforeDiscardingEdits(window, () => readSettings(opened.db).language ?? systemLanguage());
  await window.loadURL(APP_PAGE_URL);
  reminders = startReminders({ dispatch: opened.dispatch, language: () => userLanguage(), window: () => window });
  // Today's tiers a moment after the first screen is up, and again at each midnight while the app stays open.
  dailySnapshots = keepDailySnapshots(opened, { delayMs: DAILY_RECOMPUTE_DELAY_MS, onError: (error) => console.error('Daily tier snapshot failed:', error) });
}

const DAILY_RECOMPUTE_DELAY_MS = 1000;

/** Electron's message box and open dialog for the recovery (core/startup-recovery.ts); no window exists yet. */
const recoveryDialogs: RecoveryDialogs = {
  async ask(text) {
    const buttons = text.buttons.map((button) => button.label);
    const { response } = await dialog.showMessageBox({ type: 'warning', title: text.title, message: text.message, detail: text.detail, buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true });
    return text.buttons[response]?.choice ?? 'quit';
  },
  async pickBackup(text, backupsFolder) {
    const picked = await dialog.showOpenDialog({ title: text.pickTitle, defaultPath: backupsFolder, properties: ['openFile'], filters: [{ name: text.pickFilter, extensions: ['sqlite'] }] });
    return picked.canceled ? undefined : picked.filePaths[0];
  },
};

hardenWebContents();
app.on('window-all-closed', () => app.quit());
start().catch((error: unknown) => {
  const text = startupFailureText(error, app.isReady() ? systemLanguage() : 'en', dbPath, 'start');
  dialog.showErrorBox(text.title, text.detail);
  app.exit(1);
});
