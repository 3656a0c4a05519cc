import { useCallback, useEffect, useRef, useState } from 'react';
import type { TeamStatus } from '../../../shared/contract/team';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';

/** How often the screen re-reads the sync state: often while a sync runs, calmly otherwise. */
const POLL_SYNCING_MS = 1_000;
const POLL_IDLE_MS = 4_000;

/**
 * The team sync state, read from the local database and re-read on a timer while the screen is open.
 * Reading it never waits for the network: sync runs in the background and only reports here.
 * When a sync brings changes in, the other screens are told to reload their figures.
 */
export function useTeamStatus() {
  const { refresh } = useWorkspace();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const lastSync = useRef<string | null | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const next = await api('team:status', {});
      if (lastSync.current !== undefined && next.lastSyncAt !== lastSync.current) refresh();
      lastSync.current = next.lastSyncAt;
      setStatus(next);
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    }
  }, [refresh]);

  const syncing = status?.syncing ?? false;
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), syncing ? POLL_SYNCING_MS : POLL_IDLE_MS);
    return () => window.clearInterval(timer);
  }, [load, syncing]);

  return { status, setStatus, loadError, reload: load };
}
