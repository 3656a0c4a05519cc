import { contextBridge, ipcRenderer, webUtils } from 'electron';
// Baked in at build time from the contract (scripts/build.mjs), so the sandboxed preload carries names, not zod.
declare const __CONTRACT_CHANNELS__: readonly string[];
const allowed = new Set<string>(__CONTRACT_CHANNELS__);

// Exposes calling contract channels, and the path of a file the user picked (so a 1M-row import streams
// from disk in the main process instead of travelling through IPC). No Node, no ipcRenderer.
contextBridge.exposeInMainWorld('tierbook', {
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  // The system's save/open dialogs: where an export or backup goes, which backup to restore.
  pickSavePath: (options: unknown) => ipcRenderer.invoke('tierbook:pickSavePath', options),
  pickOpenPath: (options: unknown) => ipcRenderer.invoke('tierbook:pickOpenPath', options),
  invoke: (channel: string, input: unknown) =>
    allowed.has(channel)
      ? ipcRenderer.invoke('tierbook:invoke', channel, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${channel}` } }),
});
