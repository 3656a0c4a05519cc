import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/contract';

const allowed = new Set<string>(CHANNELS);

// Exposes exactly one capability: calling contract channels. No Node, no ipcRenderer, no other names.
contextBridge.exposeInMainWorld('tierbook', {
  invoke: (channel: string, input: unknown) =>
    allowed.has(channel)
      ? ipcRenderer.invoke('tierbook:invoke', channel, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${channel}` } }),
});
