import { app, BrowserWindow, Notification } from 'electron';
import { call, type Dispatch } from '../core/dispatch';
import { reminders as reminderTexts } from '../renderer/i18n/resources/reminders';
import { noticeContent } from '../shared/reminders/notice-text';
import { createReminderScheduler, type ReminderNotice, type ReminderScheduler } from '../shared/reminders/scheduler';
import { contractReminderSource, type ContractCall } from '../shared/reminders/source';
import type { ShellLanguage } from './open-external';

/**
 * Desktop reminders in the app: the shared scheduler, fed by this process's own dispatch (nothing leaves
 * the machine), showing native notifications in the user's language. A click brings the window forward
 * and opens Today or the reminded customer's file.
 */
export function startReminders(options: {
  dispatch: Dispatch;
  language: () => Promise<ShellLanguage>;
  window: () => BrowserWindow | null;
}): ReminderScheduler {
  // Windows shows an app's notifications only under its AppUserModelID: the appId of electron-builder.yml.
  if (process.platform === 'win32') app.setAppUserModelId(WINDOWS_APP_ID);
  const typedCall: ContractCall = (channel, input) => call(options.dispatch, channel, input);
  // Held until clicked or closed: a notification nobody references can be collected, and its click lost.
  const live = new Set<Notification>();
  const show = async (notice: ReminderNotice) => {
    if (!Notification.isSupported()) return;
    const language = await options.language();
    const content = noticeContent(notice, reminderTexts[language].notice, language);
    const notification = new Notification({ title: content.title, body: content.body });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      openInWindow(options.window(), content.target);
    });
    notification.on('close', () => live.delete(notification));
    notification.show();
  };
  const scheduler = createReminderScheduler({
    timer: { now: () => new Date(), setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    source: contractReminderSource(typedCall),
    notify: show,
    onError: (error) => console.error('Reminders:', error),
  });
  void scheduler.start();
  return scheduler;
}

const WINDOWS_APP_ID = 'app.tierbook.desktop';

/** Routes a notification may open: Today, or one customer's file (ids are URL-encoded by customerRoute). */
const OPENABLE = /^#\/(today|customers\/[A-Za-z0-9%._~-]+)$/;

export function openInWindow(window: BrowserWindow | null, target: string): void {
  if (!window || window.isDestroyed() || !OPENABLE.test(target)) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  // A hash change inside the page: no reload, so nothing open in the window is lost on the way.
  void window.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(target)}`).catch((error: unknown) => console.error('Opening a reminder failed:', error));
}

/**
 * The writes after which the reminders are read again at once (a new time, a reminder logged or moved).
 * Anything else (the CLI writing to the same file, an import) is picked up at the next wake, within the hour.
 */
const REARMING_CHANNELS = /^(settings:update|followups:(create|update|markDone|reschedule)|customers:(archive|delete|restore)|backup:restore|workspace:(startEmpty|loadDemo))$/;

export function rearmingDispatch(dispatch: Dispatch, scheduler: () => ReminderScheduler | undefined): Dispatch {
  return async (name, rawInput) => {
    const result = await dispatch(name, rawInput);
    if (result.ok && REARMING_CHANNELS.test(name)) void scheduler()?.refresh();
    return result;
  };
}

