import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../shared/contract/settings';
import { api } from '../api/client';

interface Workspace {
  settings: Settings;
  /** Overdue + due today, for the navigation badge. */
  dueNow: number;
  dueSoon: number;
  /** Bumped after every change so screens that show derived figures reload them. */
  version: number;
  refresh(): void;
  setSettings(settings: Settings): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const [version, setVersion] = useState(0);
  const [due, setDue] = useState({ now: 0, soon: 0 });
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    void api('followups:due', { limit: 1 }).then((d) => {
      if (!cancelled) setDue({ now: d.counts.overdue + d.counts.today, soon: d.counts.upcoming });
    });
    return () => {
      cancelled = true;
    };
  }, [version]);

  return (
    <WorkspaceContext.Provider value={{ settings, setSettings, version, refresh, dueNow: due.now, dueSoon: due.soon }}>{children}</WorkspaceContext.Provider>
  );
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
