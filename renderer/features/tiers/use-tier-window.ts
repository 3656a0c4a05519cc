import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import type { TierWindow } from './labels';

/** The analysis window in effect (reloaded after every change, so a new setting relabels at once); undefined until read. */
export function useTierWindow(): TierWindow | undefined {
  const { version } = useWorkspace();
  const [tierWindow, setTierWindow] = useState<TierWindow | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    api('segments:config:get', {})
      .then(({ effective }) => {
        const w = effective.window as TierWindow | undefined;
        if (!cancelled && w && (w.kind === 'all' || (w.kind === 'days' && typeof w.days === 'number'))) setTierWindow(w);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [version]);
  return tierWindow;
}
