import { dialog, type BrowserWindow } from 'electron';
import { comfort } from '../renderer/i18n/resources/comfort';

export type DialogLanguage = 'zh-CN' | 'en';

/**
 * A screen with unsaved edits cancels unloading (useUnsavedChangesPrompt's beforeunload). A browser then
 * asks "leave this page?"; Electron asks nothing and simply refuses to close or reload, which would leave
 * the user with a window that will not close. So the main process asks, in the user's language: leaving
 * goes ahead (preventDefault here overrides the page's refusal), staying keeps the edits on screen.
 * `language` must answer synchronously: the decision is taken inside the event.
 */
export function askBeforeDiscardingEdits(window: BrowserWindow, language: () => DialogLanguage): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const text = comfort[language()].unsaved;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [text.leave, text.stay],
      defaultId: 1,
      cancelId: 1,
      title: text.title,
      message: text.title,
      detail: text.content,
    });
    if (choice === 0) event.preventDefault();
  });
}
