import { contextBridge, ipcRenderer } from 'electron';
// Baked in at build time from the contract (scripts/build.mjs), so the sandboxed preload carries names, not zod.
declare const __CONTRACT_CHANNELS__: readonly string[];
const allowed = new Set<string>(__CONTRACT_CHANNELS__);

// Exposes calling contract channels, and the system's open/save dialogs. The dialogs answer with an opaque
// handle for the file the user chose (never its path), which contract calls take instead of a path.
// No Node, no ipcRenderer.
contextBridge.exposeInMainWorld('tierbook', {
  pickSaveFile: (options: unknown) => ipcRenderer.invoke('tierbook:pickSaveFile', options),
  pickOpenFile: (options: unknown) => ipcRenderer.invoke('tierbook:pickOpenFile', options),
  invoke: (channel: string, input: unknown) =>
    allowed.has(channel)
      ? ipcRenderer.invoke('tierbook:invoke', channel, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${channel}` } }),
});
