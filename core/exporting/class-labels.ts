import type Database from 'better-sqlite3';
import type { Language } from '../../shared/contract/enums';
import { classSpellings } from '../../db/repos/class-spellings';
import { spellingOf, type ClassSpellings } from '../../shared/segmentation';
import { common } from '../../renderer/i18n/resources/common';
import { tiers } from '../../renderer/i18n/resources/tiers';
import { tierSettings } from '../../renderer/i18n/resources/tier-settings';
import { configOverridesOf } from '../../db/repos/segmentation';

/**
 * Scheme and class names in the export's language, from the same resources the screens use, so a
 * spreadsheet reads "客户金字塔: 黄金" where the app shows it, never `pyramid` / `gold`. Custom segments
 * are named by the user, free-text classes (industry …) by their customers' spelling; both come from the database.
 */
export interface ClassLabels {
  scheme(scheme: string): string;
  classOf(scheme: string, classKey: string): string;
}

type Words = Record<string, string>;

/**
 * Country names in one language, each looked up once: a DisplayNames made per cell cost 0.45 s of a 100k
 * customer export.
 */
function countryNames(language: Language): (code: string) => string {
  let display: Intl.DisplayNames | null | undefined;
  const names = new Map<string, string>();
  return (code) => {
    let name = names.get(code);
    if (name !== undefined) return name;
    try {
      display ??= new Intl.DisplayNames([language], { type: 'region' });
      name = display.of(code.toUpperCase()) ?? code;
    } catch {
      name = code;
    }
    names.set(code, name);
    return name;
  };
}

/** Interpolation left in a resource string (a window length, say) is dropped rather than shown raw. */
const plain = (text: string) => text.replace(/\s*\{\{[^}]*\}\}\s*/g, ' ').trim();

/** Whether the settings rank the pyramid by predicted value (an unreadable setting ranks by revenue, the default). */
function pyramidRanksByPrediction(client: Database.Database): boolean {
  try {
    const pyramid = configOverridesOf(client).pyramid as { basis?: unknown } | undefined;
    return pyramid?.basis === 'predicted';
  } catch {
    return false;
  }
}

/** `spellings` is read here unless the caller, naming classes in both languages, read it once for both. */
export function classLabels(client: Database.Database, language: Language, spellings: ClassSpellings = classSpellings(client)): ClassLabels {
  const schemes = tiers[language].schemes as Words;
  const classes = tiers[language].classes as Words;
  const vocab = common[language] as unknown as Record<string, Words>;
  const countryName = countryNames(language);
  const pyramidByPrediction = pyramidRanksByPrediction(client);
  const unranked = tierSettings[language].predicted.unranked;
  const customNames = new Map(
    (client.prepare(`SELECT id, name FROM custom_segments WHERE deleted_at IS NULL`).all() as { id: string; name: string }[]).map((s) => [s.id, s.name]),
  );
  return {
    scheme: (scheme) => (scheme.startsWith('custom:') ? (customNames.get(scheme.slice('custom:'.length)) ?? schemes.custom ?? scheme) : (schemes[scheme] ?? scheme)),
    classOf: (scheme, classKey) => {
      // Ranked by predicted value, the pyramid's 'none' is everyone without one, buyers of today among them (as
      // the screens say: renderer/features/tiers/labels.ts); the value scheme's 'none' is still "no orders".
      if (classKey === 'none' && scheme === 'pyramid' && pyramidByPrediction) return unranked;
      if (classKey === 'none' || classKey === 'unknown') return plain(classes[classKey] ?? classKey);
      switch (scheme) {
        case 'rfm':
          return classKey;
        case 'industry':
        case 'income':
        case 'size':
          // By the spelling their customers use most, as the screens show them; the key is lower-cased.
          return spellingOf(spellings, scheme, classKey) ?? classKey;
        case 'country':
          return countryName(classKey);
        case 'type':
          return vocab.customerType?.[classKey] ?? classKey;
        case 'locality':
        case 'needs':
        case 'intent':
          return vocab[scheme]?.[classKey] ?? classKey;
        default:
          return plain(classes[classKey] ?? classKey);
      }
    },
  };
}
