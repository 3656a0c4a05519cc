import { api } from '../../api/client';

/**
 * Saves a chart's PNG the way the app saves every export: in the app the system's save dialog picks the
 * file (the call carries its handle, never a path); in a browser the file goes to the `exports` folder
 * beside the database. Resolves with where it went, or null when the user cancelled the dialog.
 */
export async function saveChartPng(dataUrl: string, name: string): Promise<string | null> {
  const picker = window.tierbook?.pickSaveFile;
  const picked = picker ? await picker({ purpose: 'export', defaultName: name, filters: [{ name: 'PNG', extensions: ['png'] }] }) : undefined;
  if (picked === null) return null;
  const image = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const saved = await api('charts:save-png', { image, name, ...(picked ? { handle: picked.handle } : {}) });
  return saved.path;
}

/** "evaluation-sizes-pyramid-2026-12-02.png": a name that says what and when, safe on every file system. */
export function chartFileName(what: string, scheme: string, day: string): string {
  return `evaluation-${what}-${scheme.replace(/[^\w-]+/g, '-')}-${day}.png`;
}
