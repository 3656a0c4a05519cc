import i18next from 'i18next';
import { noticeContent, type NoticeContent } from '../../../shared/reminders/notice-text';
import { createReminderScheduler, type ReminderNotice, type ReminderScheduler } from '../../../shared/reminders/scheduler';
import { contractReminderSource } from '../../../shared/reminders/source';
import { api } from '../../api/client';
import { reminders as reminderTexts } from '../../i18n/resources/reminders';

/**
 * Reminders in a plain browser (`npm run dev:web`): the same scheduler as the Electron main process, run
 * in the page, showing web notifications once the user has allowed them. In the app (Electron) the main
 * process shows native ones instead, so this stays off there.
 */
export function browserNotificationsApply(): boolean {
  // The preload's dialogs exist only in Electron; the loopback bridge transport has none.
  return !window.tierbook?.pickOpenFile && typeof window.Notification === 'function';
}

export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationPermission(): NotificationPermissionState {
  return typeof window.Notification === 'function' ? window.Notification.permission : 'unsupported';
}

/** Asks the browser (it shows its own prompt); called when the user switches reminders on. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof window.Notification !== 'function') return 'unsupported';
  return window.Notification.requestPermission();
}

function contentOf(notice: ReminderNotice): NoticeContent {
  const language = i18next.language === 'en' ? 'en' : 'zh-CN';
  return noticeContent(notice, reminderTexts[language].notice, language);
}

function show(notice: ReminderNotice): void {
  const content = contentOf(notice);
  // A tag per notice: two open tabs replace each other's notification instead of stacking a duplicate.
  const tag = notice.kind === 'summary' ? `tierbook-summary-${notice.date}` : `tierbook-timed-${notice.reminder.followUpId}-${notice.reminder.date}T${notice.reminder.time}`;
  const notification = new window.Notification(content.title, { body: content.body, tag });
  notification.onclick = () => {
    window.focus();
    window.location.hash = content.target;
    notification.close();
  };
}

let running: ReminderScheduler | null = null;

/** Starts the page's scheduler once; later calls re-arm it (settings saved, a follow-up logged). */
export function runBrowserReminders(): void {
  if (!browserNotificationsApply()) return;
  if (running) {
    void running.refresh();
    return;
  }
  const source = contractReminderSource(api);
  running = createReminderScheduler({
    timer: { now: () => new Date(), setTimeout: (run, ms) => window.setTimeout(run, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
    // Not allowed to notify: off, so the day's summary is not spent on a notification nobody sees.
    source: {
      ...source,
      settings: async () => {
        const settings = await source.settings();
        return { ...settings, enabled: settings.enabled && notificationPermission() === 'granted' };
      },
    },
    notify: show,
    onError: (error) => console.error('Reminders:', error),
  });
  void running.start();
}
