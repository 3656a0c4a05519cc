import { useEffect, useState } from 'react';
import type { Partition } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import type { GroupNames } from './cut-text';

/**
 * The partition in effect and what its group names need (the tag, the custom segment's name), reloaded after
 * every change so the lists and explanations follow a new setting at once; undefined until read.
 */
export function useTierPartition(): GroupNames | undefined {
  const { version } = useWorkspace();
  const [names, setNames] = useState<GroupNames | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    Promise.all([api('segments:config:get', {}), api('segments:custom:list', {})])
      .then(([{ effective }, { segments }]) => {
        const partition = (effective.partition as Partition | undefined) ?? { kind: 'none' };
        const segmentName = partition.kind === 'segment' ? (segments.find((s) => s.id === partition.segmentId)?.name ?? partition.segmentId) : undefined;
        if (!cancelled) setNames({ partition, tag: partition.kind === 'tag' ? partition.tag : undefined, segmentName });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [version]);
  return names;
}
