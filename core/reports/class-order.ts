import { LOYALTY_CLASSES, PYRAMID_CLASSES, VALUE_CLASSES } from '../../shared/segmentation/schemes';
import { classRanks } from '../segmentation/class-list';

/**
 * Which class is better, for the schemes where that has a meaning. "Upgraded" and "downgraded" need an
 * order of worth; a region or an industry has none, so those schemes report moves as sideways only.
 * - pyramid, value, loyalty: their own lists, best first ('none' — no order in the window — below all);
 * - rfm: the sum R + F + M of the code (555 best, 111 worst, 'none' below), so 515 → 551 is sideways.
 */
const LISTED: Record<string, readonly string[]> = {
  pyramid: [...PYRAMID_CLASSES, 'none'],
  value: [...VALUE_CLASSES, 'none'],
  loyalty: LOYALTY_CLASSES,
};

/** A class's level within its scheme, higher is better; null where the scheme has no order (or the class is not in it). */
export function levelOf(scheme: string, classKey: string): number | null {
  const listed = LISTED[scheme];
  if (listed) {
    const i = listed.indexOf(classKey);
    return i < 0 ? null : listed.length - 1 - i;
  }
  if (scheme === 'rfm') {
    if (classKey === 'none') return 0;
    return /^[1-5]{3}$/.test(classKey) ? Number(classKey[0]) + Number(classKey[1]) + Number(classKey[2]) : null;
  }
  return null;
}

export const isOrderedScheme = (scheme: string): boolean => scheme === 'rfm' || Object.hasOwn(LISTED, scheme);

export type Direction = 'stayed' | 'upgraded' | 'downgraded' | 'sideways' | 'entered' | 'left';

/** How a customer moved between two days' classes (null: in no class that day). */
export function directionOf(scheme: string, from: string | null, to: string | null): Direction {
  if (from === null) return 'entered';
  if (to === null) return 'left';
  if (from === to) return 'stayed';
  const [a, b] = [levelOf(scheme, from), levelOf(scheme, to)];
  if (a === null || b === null || a === b) return 'sideways';
  return b > a ? 'upgraded' : 'downgraded';
}

/**
 * The classes to show, best first: the scheme's own order (the tier list's, core/segmentation/class-list.ts),
 * 'unknown' and 'none' last. rank: 0 for the best level, counting down the distinct levels; null when the
 * scheme has no order of worth.
 */
export function orderedClasses(scheme: string, present: Iterable<string>): { key: string; rank: number | null }[] {
  const seen = new Set(present);
  const ranks = classRanks(scheme, seen);
  const keys = [...seen].sort((a, b) => (ranks.get(a) ?? ranks.size) - (ranks.get(b) ?? ranks.size) || (a < b ? -1 : a > b ? 1 : 0));
  if (!isOrderedScheme(scheme)) return keys.map((key) => ({ key, rank: null }));
  const levels = [...new Set(keys.map((k) => levelOf(scheme, k)).filter((l): l is number => l !== null))].sort((a, b) => b - a);
  return keys.map((key) => {
    const level = levelOf(scheme, key);
    return { key, rank: level === null ? null : levels.indexOf(level) };
  });
}
