import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { basename } from 'node:path';
import type { FileHandles, ReadPurpose, WritePurpose } from '../core/files';

export const PICK_SAVE_CHANNEL = 'tierbook:pickSaveFile';
export const PICK_OPEN_CHANNEL = 'tierbook:pickOpenFile';

interface PickOptions {
  defaultName?: string;
  /** e.g. [{ name: 'Excel', extensions: ['xlsx'] }] */
  filters?: { name: string; extensions: string[] }[];
}

/** What the renderer gets for a chosen file: a handle to pass to a contract call, and a name to show. */
export interface PickedFile {
  handle: string;
  name: string;
}

const SAVE_PURPOSES: readonly WritePurpose[] = ['export', 'backup'];
const OPEN_PURPOSES: readonly ReadPurpose[] = ['import', 'restore'];

/**
 * The operating system's save/open dialogs. A shell capability, not a contract call: the handlers behind
 * the contract never show windows. The path the user chose stays in this process, registered in `handles`;
 * the renderer gets an opaque handle bound to the purpose it asked for (core/files/handles.ts), so even a
 * compromised page can only touch files the user picked, for what they picked them for.
 */
export function registerFileDialogs(isOwnPage: (url: string) => boolean, handles: FileHandles): void {
  const window = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);
  const options = (raw: unknown): PickOptions & { purpose: unknown } => {
    const o = (raw ?? {}) as PickOptions & { purpose?: unknown };
    const filters = Array.isArray(o.filters)
      ? o.filters.slice(0, 5).filter((f) => typeof f?.name === 'string' && Array.isArray(f.extensions)).map((f) => ({ name: f.name.slice(0, 60), extensions: f.extensions.filter((e) => typeof e === 'string').slice(0, 10) }))
      : undefined;
    return { purpose: o.purpose, defaultName: typeof o.defaultName === 'string' ? basename(o.defaultName).slice(0, 200) : undefined, filters };
  };
  const picked = (path: string, purpose: ReadPurpose | WritePurpose): PickedFile => ({ handle: handles.register(path, purpose), name: basename(path) });

  ipcMain.handle(PICK_SAVE_CHANNEL, async (event, raw: unknown): Promise<PickedFile | null> => {
    if (!isOwnPage(event.senderFrame?.url ?? '')) return null;
    const { purpose, defaultName, filters } = options(raw);
    if (!SAVE_PURPOSES.includes(purpose as WritePurpose)) return null;
    const parent = window(event);
    const result = parent
      ? await dialog.showSaveDialog(parent, { defaultPath: defaultName, filters })
      : await dialog.showSaveDialog({ defaultPath: defaultName, filters });
    return result.canceled || !result.filePath ? null : picked(result.filePath, purpose as WritePurpose);
  });
  ipcMain.handle(PICK_OPEN_CHANNEL, async (event, raw: unknown): Promise<PickedFile | null> => {
    if (!isOwnPage(event.senderFrame?.url ?? '')) return null;
    const { purpose, filters } = options(raw);
    if (!OPEN_PURPOSES.includes(purpose as ReadPurpose)) return null;
    const parent = window(event);
    const result = parent
      ? await dialog.showOpenDialog(parent, { properties: ['openFile'], filters })
      : await dialog.showOpenDialog({ properties: ['openFile'], filters });
    const path = result.canceled ? undefined : result.filePaths[0];
    return path ? picked(path, purpose as ReadPurpose) : null;
  });
}
