import { useEffect, useState } from 'react';
import { useWorkspace } from './workspace';

/**
 * A hook for one read that many components of a screen need (the class spellings, the tier settings): the first
 * to ask reads, the others share its answer, and it is read again after every change to the workspace. Kept per
 * workspace (its refresh function), so another workspace never sees it; a failed read is asked again by the next
 * component rather than kept. Undefined until the answer arrives.
 */
export function sharedWorkspaceRead<T>(read: () => Promise<T>): () => T | undefined {
  const asked = new WeakMap<() => void, { version: number; answer: Promise<T> }>();
  return function useSharedRead(): T | undefined {
    const { version, refresh } = useWorkspace();
    const [value, setValue] = useState<T | undefined>(undefined);
    useEffect(() => {
      let cancelled = false;
      let entry = asked.get(refresh);
      if (!entry || entry.version !== version) {
        entry = { version, answer: read() };
        asked.set(refresh, entry);
        entry.answer.catch(() => asked.delete(refresh));
      }
      entry.answer.then((v) => !cancelled && setValue(v)).catch(() => undefined);
      return () => {
        cancelled = true;
      };
    }, [version, refresh]);
    return value;
  };
}
