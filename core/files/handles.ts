import { randomBytes } from 'node:crypto';
import type { FilePurpose } from './folders';
import { refuse } from './refusals';

export const HANDLE_LIFETIME_MS = 60 * 60 * 1000;

interface Grant {
  path: string;
  purpose: FilePurpose;
  expiresAt: number;
}

/**
 * The main process's record of files the user chose in a system dialog. The renderer only ever holds
 * an opaque random handle: it cannot name a file, only use one the user picked, for the purpose it
 * was picked for, within an hour, and (once spent) never again. Handles live in memory: a restart
 * forgets them all, which is the point.
 */
export class FileHandles {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly options: { now?: () => number; lifetimeMs?: number } = {}) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Registers a path the user chose (only the main process calls this) and returns its handle. */
  register(path: string, purpose: FilePurpose): string {
    this.sweep();
    const handle = randomBytes(24).toString('base64url');
    this.grants.set(handle, { path, purpose, expiresAt: this.now() + (this.options.lifetimeMs ?? HANDLE_LIFETIME_MS) });
    return handle;
  }

  /** The path behind a live handle picked for `purpose`; the handle stays valid (a preview reads it again). */
  resolve(handle: string, purpose: FilePurpose, field: string[]): string {
    const grant = this.grants.get(handle);
    if (!grant || grant.expiresAt <= this.now()) {
      this.grants.delete(handle);
      throw refuse.handleUnknown(field);
    }
    if (grant.purpose !== purpose) throw refuse.handleWrongPurpose(field, purpose);
    return grant.path;
  }

  /** Spends a handle: any later use is refused as unknown. */
  consume(handle: string): void {
    this.grants.delete(handle);
  }

  /** Expired grants are dropped as new ones arrive, so a long session does not accumulate them. */
  private sweep(): void {
    const now = this.now();
    for (const [handle, grant] of this.grants) if (grant.expiresAt <= now) this.grants.delete(handle);
  }
}
