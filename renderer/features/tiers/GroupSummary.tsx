import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { classLabel } from './labels';
import { useClassLabelEnv } from './use-tier-settings';

interface Props {
  overview: OutputOf<'segments:overview'>;
  partitionName: string;
  groupText(key: string): string;
  selected: string | undefined;
  onSelect(group: string | undefined): void;
}

/**
 * A ranked scheme under a partition: one line per group with its size and the customers in each class, so
 * "the stall has its own platinum customers" is visible at a glance; a click narrows the list to the group.
 */
export function GroupSummary({ overview, partitionName, groupText, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const labelEnv = useClassLabelEnv();
  if (!overview.groups) return null;
  return (
    <div data-testid="tier-groups">
      <Typography.Text type="secondary">{t('tierSettings:list.partitioned', { partition: partitionName })}</Typography.Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 4 }}>
        {overview.groups.map((g) => (
          <Tag.CheckableTag
            key={g.group}
            checked={selected === g.group}
            onChange={(checked) => onSelect(checked ? g.group : undefined)}
            data-testid={`tier-group-${g.group}`}
            style={{ border: '1px solid #d9d9d9', padding: '2px 8px' }}
          >
            <strong>{t('tierSettings:list.groupSummary', { group: groupText(g.group), count: g.customers })}</strong>
            {' · '}
            {classesLine(g.classes, (c) => `${classLabel(t, overview.scheme, c.classKey, i18n.language, labelEnv)} (${c.count})`, (more) => t('tierSettings:list.moreClasses', { count: more }))}
          </Tag.CheckableTag>
        ))}
      </div>
    </div>
  );
}

const CLASSES_NAMED = 6;
type ClassCount = { classKey: string; count: number };

/**
 * A group's classes on one line: all of a short scheme, in its order; of a long one (RFM's 125 cells) the
 * largest, then how many more — the first six codes alone read as if the whole group were hibernating.
 */
export function classesLine(classes: readonly ClassCount[], named: (c: ClassCount) => string, more: (count: number) => string): string {
  const held = classes.filter((c) => c.count > 0);
  if (held.length <= CLASSES_NAMED) return held.map(named).join(' · ');
  const largest = [...held].sort((a, b) => b.count - a.count).slice(0, CLASSES_NAMED - 1);
  return [...largest.map(named), more(held.length - largest.length)].join(' · ');
}
