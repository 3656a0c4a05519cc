import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp, type OpenedApp } from '../core/app';
import { runAutomaticBackups } from '../core/backup';
import { APP_VERSION, appRoot, migrationsFolder } from '../core/paths';
import { recomputeIfDayChanged } from '../core/segmentation/daily';
import { localDateOf } from '../shared/domain/dates';
import { registerFileDialogs } from './file-dialogs';
import { utilityImportWorker } from './import-process';
import { registerIpc } from './ipc';
import { isAllowedExternalUrl, mainWindowOptions } from './window-options';

const root = appRoot();
const pageFile = join(root, 'dist', 'renderer', 'index.html');
const pageUrl = pathToFileURL(pageFile).toString();
const isOwnPage = (url: string) => url === pageUrl || url.startsWith(`${pageUrl}#`) || url.startsWith(`${pageUrl}?`);

// Tests point the app at a throwaway database; users get one file in their profile folder.
const dbPath = process.env.TIERBOOK_DB ?? join(app.getPath('userData'), 'tierbook.sqlite');

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  let opened: OpenedApp;
  try {
    // Migrations run before any window exists; a failure stops here with the reason, never half-migrated.
    opened = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: APP_VERSION, importWorker: utilityImportWorker() });
  } catch (error) {
    dialog.showErrorBox('TierBook cannot open its database', `${dbPath}\n\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
    return;
  }
  registerIpc(opened.dispatch, isOwnPage);
  registerFileDialogs(isOwnPage);
  void runAutomaticBackups(opened.db.$client, dbPath).catch((error: unknown) => console.error('Automatic backup failed:', error));
  app.on('will-quit', () => opened.close());

  const window = new BrowserWindow(mainWindowOptions(join(root, 'dist', 'main', 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(pageUrl);
  // After the first screen is up, so its own first calls are not kept waiting behind a recompute.
  setTimeout(() => {
    recomputeIfDayChanged(opened, localDateOf(new Date())).catch((error: unknown) => console.error('Daily tier snapshot failed:', error));
  }, DAILY_RECOMPUTE_DELAY_MS);
}

const DAILY_RECOMPUTE_DELAY_MS = 1000;

hardenWebContents();
app.on('window-all-closed', () => app.quit());
start().catch((error: unknown) => {
  dialog.showErrorBox('TierBook failed to start', error instanceof Error ? (error.stack ?? error.message) : String(error));
  app.exit(1);
});
