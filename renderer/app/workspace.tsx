import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../shared/contract/settings';
import { api } from '../api/client';
import { useDayRollover } from './use-day-rollover';
import { askUntilSettled } from './until-settled';

interface Workspace {
  settings: Settings;
  /** Customers on Today's list, for the navigation badge. */
  todayCount: number;
  /** Bumped after every change so screens that show derived figures reload them. */
  version: number;
  /**
   * Bumped when tiers answered as provisional after a change (placed on the last full run's cuts) are settled
   * by the background run that follows it: Today and the tier lists reload them.
   */
  tiersSettled: number;
  refresh(): void;
  setSettings(settings: Settings): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const [version, setVersion] = useState(0);
  const [todayCount, setTodayCount] = useState(0);
  const [tiersSettled, setTiersSettled] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // A new day (midnight with the app open) changes what is due: the same reload as after a change.
  useDayRollover(refresh);

  // The badge after each change, asked again until the background run that follows the change has placed
  // everyone on fresh cuts (an import's undo can move the count by a fifth).
  useEffect(
    () =>
      askUntilSettled(() => api('today:count', {}), {
        answer: (c) => setTodayCount(c.total),
        settled: () => setTiersSettled((n) => n + 1),
      }),
    [version],
  );

  return (
    <WorkspaceContext.Provider value={{ settings, setSettings, version, tiersSettled, refresh, todayCount }}>{children}</WorkspaceContext.Provider>
  );
}

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
