import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/dispatch';

export const INVOKE_CHANNEL = 'tierbook:invoke';

/**
 * The only file that touches ipcMain. Calls are accepted only from our own page (the renderer shipped with
 * the app, served at app://tierbook/); anything else gets an error envelope and never reaches a handler.
 */
export function registerIpc(dispatch: Dispatch, isOwnPage: (url: string) => boolean): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isOwnPage(url)) return { ok: false, error: { code: 'internal', message: `Refused a call from ${url || 'an unknown frame'}` } };
    return dispatch(String(channel), input);
  });
}
