import { contextBridge, ipcRenderer } from 'electron';
// Baked in at build time from the contract (scripts/build.mjs), so the sandboxed preload carries names, not zod.
declare const __CONTRACT_CHANNELS__: readonly string[];
const allowed = new Set<string>(__CONTRACT_CHANNELS__);

// Exposes exactly one capability: calling contract channels. No Node, no ipcRenderer, no other names.
contextBridge.exposeInMainWorld('tierbook', {
  invoke: (channel: string, input: unknown) =>
    allowed.has(channel)
      ? ipcRenderer.invoke('tierbook:invoke', channel, input)
      : Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${channel}` } }),
});
