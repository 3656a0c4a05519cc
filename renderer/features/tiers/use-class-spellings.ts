import { useEffect, useState } from 'react';
import type { ClassSpellings } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';

/**
 * One read per change for the whole screen: every component showing free-text classes asks, the first asks
 * the app. Kept per workspace (its refresh function) so another workspace never sees these names.
 */
const asked = new WeakMap<() => void, { version: number; answer: Promise<ClassSpellings> }>();

/**
 * The spelling each free-text class (industry, income, size) is shown by, reloaded after every change
 * (an edited industry can change it); undefined until read, when classes show by their key.
 */
export function useClassSpellings(): ClassSpellings | undefined {
  const { version, refresh } = useWorkspace();
  const [spellings, setSpellings] = useState<ClassSpellings | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    let entry = asked.get(refresh);
    if (!entry || entry.version !== version) {
      entry = { version, answer: api('segments:classSpellings', {}) };
      asked.set(refresh, entry);
      // A failed read is asked again by the next screen rather than kept.
      entry.answer.catch(() => asked.delete(refresh));
    }
    entry.answer.then((s) => !cancelled && setSpellings(s)).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [version, refresh]);
  return spellings;
}
