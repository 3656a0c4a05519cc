import type { TFunction } from 'i18next';
import type { Explanation } from '../../../shared/contract/segmentation';
import type { Partition } from '../../../shared/segmentation';
import { countryName, formatMoney, formatPercent } from '../../components/format';
import { classLabel, type HintEnv } from './labels';

/** What a group key needs to be read: the partition, and the tag or custom segment it names. */
export interface GroupNames {
  partition: Partition;
  tag?: string;
  segmentName?: string;
}

/** A partition's name in words ("内贸 / 外贸", "Owner", "With or without a tag"). */
export function partitionText(t: TFunction, partition: Partition | string): string {
  const name = typeof partition === 'string' ? partition : partition.kind === 'field' ? partition.field : partition.kind;
  return t(`tierSettings:partition.${name}`);
}

/** A group key in words: 'domestic' → 内贸, 'local' → 本地, 'cn' → 中国, 'with' → 有标签「外贸」; free text as stored. */
export function groupText(t: TFunction, partitionName: string, key: string, names: Omit<GroupNames, 'partition'>, language: string): string {
  if (key === 'unknown') return t('tierSettings:groups.unknown');
  switch (partitionName) {
    case 'market':
      return t(`tierSettings:groups.${key}`, { defaultValue: key });
    case 'locality':
      return t(`common:locality.${key}`, { defaultValue: key });
    case 'type':
      return t(`common:customerType.${key}`, { defaultValue: key });
    case 'country':
      return countryName(key.toUpperCase(), language);
    case 'tag':
      return t(`tierSettings:groups.${key}`, { tag: names.tag ?? '' });
    case 'segment':
      return t(`tierSettings:groups.${key}`, { segment: names.segmentName ?? '' });
    case 'none':
      return t('tierSettings:groups.all');
    default:
      return key;
  }
}

const PYRAMID_TIERS = ['platinum', 'gold', 'iron'] as const;

interface GroupNote {
  partition: string;
  key: string;
  size: number;
}

/** Top share of a tier: its own share plus every share above it, as a fraction ("gold" → 1% + 4% = 0.05). */
function topShare(shares: Record<string, number>, classKey: string): number {
  let cumulative = 0;
  for (const tier of PYRAMID_TIERS) {
    cumulative += shares[tier] ?? 0;
    if (tier === classKey) break;
  }
  return cumulative;
}

/**
 * The sentences that say where a customer's class comes from, for pyramid and value ("铂金（内贸）：
 * 210 位参与排名的客户中前 1%，营收 ≥ ¥48,000"), the basis they were ranked by (and a fall-back to revenue),
 * and for every other ranked scheme the group it was ranked in. Empty for unranked schemes and 'none'.
 */
export function cutLines(t: TFunction, scheme: string, classKey: string, e: Explanation, env: HintEnv, names: Omit<GroupNames, 'partition'> = {}): string[] {
  const language = env.language;
  const group = (e.group ?? null) as GroupNote | null;
  const groupName = group ? groupText(t, group.partition, group.key, names, language) : undefined;
  const lines: string[] = [];
  const cls = classLabel(t, scheme, classKey, language, env);
  const money = (minor: number) => formatMoney(minor, env.currency, language);
  const suffix = group ? '' : 'NoGroup';
  if ((scheme === 'pyramid' || scheme === 'value') && typeof e.basis === 'string') {
    const basis = t(`tierSettings:basis.${e.basis}`);
    lines.push(e.fellBackToRevenue ? `${t('tierSettings:cut.basis', { basis })} · ${t('tierSettings:cut.fallback')}` : t('tierSettings:cut.basis', { basis }));
  }
  if (scheme === 'pyramid' && classKey !== 'none') {
    const basis = t(`tierSettings:basis.${e.fellBackToRevenue ? 'revenue' : String(e.basis)}`);
    const cuts = e.cuts as Record<string, number | null>;
    const ranked = e.ranked as number;
    if (classKey === 'lead') lines.push(t(`tierSettings:cut.rest${suffix}`, { class: cls, group: groupName, ranked }));
    else if (cuts[classKey] === null || cuts[classKey] === undefined) lines.push(t('tierSettings:cut.empty', { class: cls }));
    else if (e.mode === 'thresholds') lines.push(t(`tierSettings:cut.thresholds${suffix}`, { class: cls, group: groupName, basis, amount: money(cuts[classKey]!) }));
    else {
      // To two decimals, as the settings take a share (steps of 0.5%, a sum such as 33.33%).
      const top = formatPercent(topShare((e.shares ?? {}) as Record<string, number>, classKey), language, { digits: 2 });
      const reached = (e.reached ?? null) as { count: number; target: number | null } | null;
      // Equal amounts never split, so a tie at the cut can fill the tier past its share (everyone equal:
      // everyone in it); "top 20%" would then be false, so the sentence says how many reached the cut.
      const tied = reached !== null && reached.target !== null && reached.count > reached.target;
      const key = tied ? 'sharesTied' : 'shares';
      lines.push(t(`tierSettings:cut.${key}${suffix}`, { class: cls, group: groupName, ranked, top, basis, amount: money(cuts[classKey]!), reached: reached?.count }));
    }
    if (typeof e.rankValue === 'number') lines.push(t('tierSettings:cut.rank', { rank: e.rank, basis, amount: money(e.rankValue) }));
  } else if (scheme === 'value' && classKey !== 'none') {
    const cuts = e.cuts as { high: number | null; medium: number | null };
    const mode = t(`tierSettings:cut.mode.${String(e.mode)}`);
    const cut = classKey === 'high' ? cuts.high : classKey === 'medium' ? cuts.medium : (cuts.medium ?? cuts.high);
    if (cut === null) lines.push(t('tierSettings:cut.empty', { class: cls }));
    else lines.push(t(`tierSettings:cut.${classKey === 'low' ? 'valueBelow' : 'value'}${suffix}`, { class: cls, group: groupName, score: cut, mode }));
  } else if (group) {
    lines.push(t('tierSettings:cut.group', { group: groupName, size: group.size }));
  }
  return lines;
}
