import type { AppErrorBody, Channel, InputOf, OutputOf, Result } from '../../shared/contract';
import { installBridgeTransport } from './bridge-transport';

/** What the preload (Electron) or the bridge shim (browser) puts on window: the only door to the data. */
export interface TierbookTransport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Electron only: where a file the user picked lives on disk ('' when it has no path). */
  pathForFile?(file: File): string;
  /** Electron only: the system's save / open dialog; null when the user cancelled. */
  pickSavePath?(options: { defaultName?: string; filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
  pickOpenPath?(options: { filters?: { name: string; extensions: string[] }[] }): Promise<string | null>;
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
