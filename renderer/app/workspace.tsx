import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../shared/contract/settings';
import { api } from '../api/client';

interface Workspace {
  settings: Settings;
  /** Customers on Today's list, for the navigation badge. */
  todayCount: number;
  /** Bumped after every change so screens that show derived figures reload them. */
  version: number;
  refresh(): void;
  setSettings(settings: Settings): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const [version, setVersion] = useState(0);
  const [todayCount, setTodayCount] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    api('today:count', {})
      .then((c) => !cancelled && setTodayCount(c.total))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [version]);

  return (
    <WorkspaceContext.Provider value={{ settings, setSettings, version, refresh, todayCount }}>{children}</WorkspaceContext.Provider>
  );
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
