/** Public surface of the segmentation engine. Pure: no I/O, no clock; asOf is an input. */
export { segmentActivity, segmentActivityInSteps, segmentAll, type SegmentedRun, type SegmentOptions } from './segment-all';
export { reclassifyOne, type Reclassified } from './reclassify';
export type { Run } from './run';
export { ActivityColumnsBuilder, activityOf, activityTable, columnsOf, positionIn, relaidInSteps, ORDER_DAY_FIELDS, type ActivityColumns, type ActivityTable, type HeldActivity } from './activity';
export { dayNumberOfCivil } from './day-number';
export { segmentOne, type LocalSegmentation } from './segment-one';
export {
  buildConfig,
  CONFIG_SECTIONS,
  DEFAULT_CONFIG,
  engineConfigSchema,
  PARTITION_FIELDS,
  partitionSchema,
  TIER_BASES,
  type ConfigOverrides,
  type EngineConfig,
  type Partition,
  type PartitionField,
  type TierBasis,
} from './config';
export { ALL_GROUP } from './partition';
export { codeColumn, codedColumnOf, differingCodes, differingPositions, rememberCoding, sameClasses, sameCodes, type ClassCodes, type CodedColumn } from './class-codes';
export {
  classKeysOf,
  CLOSED_SCHEME_KEYS,
  customSchemeKey,
  isClosedScheme,
  isSchemeKey,
  LOCAL_SCHEME_KEYS,
  OPEN_SCHEME_KEYS,
  SCHEME_KEYS,
  type ClosedSchemeKey,
  type LocalSchemeKey,
  type OpenSchemeKey,
  type SchemeKey,
} from './schemes';
export * from './custom-rules';
export { CONTINENTS, CONTINENT_OF_COUNTRY, COUNTRY_CODES, type Continent } from './continents';
export { textKey, normalizeText } from './attributes';
export { FREE_TEXT_SCHEMES, classSpellingsOf, isFreeTextScheme, shownText, spellingOf, type ClassSpellings, type FreeTextScheme } from './class-spellings';
export { RF_GRID, rfSegmentOf } from './rfm';
export { CLASS_TONES, classTone, type ClassTone } from './class-tone';
export type * from './types';
