import { dialog, shell, type BrowserWindow } from 'electron';
import i18next from 'i18next';
import { shell as shellText } from '../renderer/i18n/resources/shell';
import { externalLinkDecision } from './external-links';

export type ShellLanguage = 'zh-CN' | 'en';

export interface OpenExternalDeps {
  /** The user's language as chosen in Settings (or the system's): the question must be one they read. */
  language(): Promise<ShellLanguage>;
  /** The window to attach the question to, when there is one. */
  parent(): BrowserWindow | null;
}

/**
 * Hands a link to the operating system as externalLinkDecision says: at once, after the user agreed
 * in a dialog shown by the main process (the renderer cannot answer it for the user), or never.
 * Resolves to whether the link was opened.
 */
export async function openExternalLink(url: string, deps: OpenExternalDeps): Promise<boolean> {
  const decision = externalLinkDecision(url);
  if (decision === 'refuse') return false;
  if (decision === 'confirm' && !(await userAgrees(url, deps))) return false;
  await shell.openExternal(url);
  return true;
}

async function userAgrees(url: string, deps: OpenExternalDeps): Promise<boolean> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { 'zh-CN': { shell: shellText['zh-CN'] }, en: { shell: shellText.en } }, lng: await deps.language(), ns: ['shell'], defaultNS: 'shell', fallbackLng: false, interpolation: { escapeValue: false } });
  const t = (key: string) => i18n.t(`openLink.${key}`, { host: new URL(url).hostname, url });
  const options = {
    type: 'question' as const,
    title: t('title'),
    message: t('message'),
    detail: t('detail'),
    buttons: [t('open'), t('cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const parent = deps.parent();
  const answer = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return answer.response === 0;
}
