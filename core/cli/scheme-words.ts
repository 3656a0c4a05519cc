import { resources } from '../../renderer/i18n/resources';
import { groupText } from '../../renderer/features/tiers/cut-text';
import type { Caller } from './commands';
import { asTranslator, type Words } from './words';

/**
 * What the lines for people need to name a scheme and a group of a partition as the screens do: the tag or custom
 * segment a partition is by ("Tagged "VIP""), and each custom segment's name (its scheme is `custom:<id>`).
 */
export interface SchemeNaming {
  /** The partition the ranked schemes are grouped by, as groupText takes it ('market', 'country', 'tag'…). */
  partition: string;
  tag?: string;
  segmentName?: string;
  customNames: ReadonlyMap<string, string>;
}

/** Naming that reads nothing: for --json, which prints keys. */
export const KEYS_ONLY: SchemeNaming = { partition: 'none', customNames: new Map() };

/** The naming for a command's human output; nothing is read under --json. */
export async function schemeNamingFor(values: { json?: unknown }, call: Caller): Promise<SchemeNaming> {
  if (values.json === true) return KEYS_ONLY;
  const [config, custom] = await Promise.all([call('segments:config:get', {}), call('segments:custom:list', {})]);
  const partition = (config.effective as { partition?: { kind?: string; field?: string; tag?: string; segmentId?: string } }).partition;
  const customNames = new Map(custom.segments.map((s) => [`custom:${s.id}`, s.name]));
  return {
    partition: (partition?.kind === 'field' ? partition.field : partition?.kind) ?? 'none',
    tag: partition?.kind === 'tag' ? partition.tag : undefined,
    segmentName: partition?.kind === 'segment' && partition.segmentId !== undefined ? customNames.get(`custom:${partition.segmentId}`) : undefined,
    customNames,
  };
}

/** A scheme as the screens name it ('pyramid' → 客户金字塔 / Customer pyramid; a custom segment by its name); else its key. */
export function schemeWord(scheme: string, w: Words, naming: SchemeNaming = KEYS_ONLY): string {
  const custom = naming.customNames.get(scheme);
  if (custom !== undefined) return custom;
  return Object.hasOwn(resources.tiers[w.language].schemes, scheme) ? w(`tiers:schemes.${scheme}`) : scheme;
}

/**
 * A group of a partition in words ('market', 'overseas' → 外贸 / Overseas), as the Tiers screen names it; the
 * partition is the configured one unless the explanation names its own.
 */
export const groupWord = (key: string, w: Words, naming: SchemeNaming = KEYS_ONLY, partition: string = naming.partition): string =>
  groupText(asTranslator(w), partition, key, { tag: naming.tag, segmentName: naming.segmentName }, w.language);
