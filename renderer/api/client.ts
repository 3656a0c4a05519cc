import type { AppErrorBody, Channel, InputOf, OutputOf, Result } from '../../shared/contract';
import { installBridgeTransport } from './bridge-transport';

/** What the preload (Electron) or the bridge shim (browser) puts on window: the only door to the data. */
export interface TierbookTransport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /**
   * Electron only: the system's save / open dialog, for one purpose; null when the user cancelled. The
   * answer is an opaque handle that contract calls take instead of a path (the page never sees paths).
   */
  pickSaveFile?(options: { purpose: 'export' | 'backup'; defaultName?: string; filters?: FileFilter[] }): Promise<PickedFile | null>;
  pickOpenFile?(options: { purpose: 'import' | 'restore'; filters?: FileFilter[] }): Promise<PickedFile | null>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** A file the user chose in a dialog: the handle to send, and its name to show. */
export interface PickedFile {
  handle: string;
  name: string;
}

declare global {
  interface Window {
    tierbook?: TierbookTransport;
  }
}

export class ApiError extends Error {
  constructor(readonly body: AppErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

function transport(): TierbookTransport {
  if (!window.tierbook) installBridgeTransport();
  return window.tierbook!;
}

/** Typed call of a contract channel; resolves with the output or rejects with an ApiError. */
export async function api<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await transport().invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OutputOf<C>;
}
