import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';

export const PICK_SAVE_CHANNEL = 'tierbook:pickSavePath';
export const PICK_OPEN_CHANNEL = 'tierbook:pickOpenPath';

interface PickOptions {
  defaultName?: string;
  /** e.g. [{ name: 'Excel', extensions: ['xlsx'] }] */
  filters?: { name: string; extensions: string[] }[];
}

/**
 * The operating system's save/open dialogs, for the renderer to choose where an export or a backup goes.
 * A shell capability, not a contract call: the handlers behind the contract never show windows. The path
 * chosen by the user then goes through the contract like any other input.
 */
export function registerFileDialogs(isOwnPage: (url: string) => boolean): void {
  const window = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);
  const options = (raw: unknown): PickOptions => {
    const o = (raw ?? {}) as PickOptions;
    return { defaultName: typeof o.defaultName === 'string' ? o.defaultName.slice(0, 200) : undefined, filters: Array.isArray(o.filters) ? o.filters.slice(0, 5) : undefined };
  };
  ipcMain.handle(PICK_SAVE_CHANNEL, async (event, raw: unknown) => {
    if (!isOwnPage(event.senderFrame?.url ?? '')) return null;
    const { defaultName, filters } = options(raw);
    const parent = window(event);
    const picked = parent
      ? await dialog.showSaveDialog(parent, { defaultPath: defaultName, filters })
      : await dialog.showSaveDialog({ defaultPath: defaultName, filters });
    return picked.canceled || !picked.filePath ? null : picked.filePath;
  });
  ipcMain.handle(PICK_OPEN_CHANNEL, async (event, raw: unknown) => {
    if (!isOwnPage(event.senderFrame?.url ?? '')) return null;
    const { filters } = options(raw);
    const parent = window(event);
    const picked = parent
      ? await dialog.showOpenDialog(parent, { properties: ['openFile'], filters })
      : await dialog.showOpenDialog({ properties: ['openFile'], filters });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  });
}
