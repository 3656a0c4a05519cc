import type Database from 'better-sqlite3';
import type { Language } from '../../shared/contract/enums';
import { common } from '../../renderer/i18n/resources/common';
import { tiers } from '../../renderer/i18n/resources/tiers';

/**
 * Scheme and class names in the export's language, from the same resources the screens use, so a
 * spreadsheet reads "客户金字塔: 黄金" where the app shows it, never `pyramid` / `gold`. Custom segments
 * are named by the user; their names come from the database.
 */
export interface ClassLabels {
  scheme(scheme: string): string;
  classOf(scheme: string, classKey: string): string;
}

type Words = Record<string, string>;

function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Interpolation left in a resource string (a window length, say) is dropped rather than shown raw. */
const plain = (text: string) => text.replace(/\s*\{\{[^}]*\}\}\s*/g, ' ').trim();

export function classLabels(client: Database.Database, language: Language): ClassLabels {
  const schemes = tiers[language].schemes as Words;
  const classes = tiers[language].classes as Words;
  const vocab = common[language] as unknown as Record<string, Words>;
  const customNames = new Map(
    (client.prepare(`SELECT id, name FROM custom_segments WHERE deleted_at IS NULL`).all() as { id: string; name: string }[]).map((s) => [s.id, s.name]),
  );
  return {
    scheme: (scheme) => (scheme.startsWith('custom:') ? (customNames.get(scheme.slice('custom:'.length)) ?? schemes.custom ?? scheme) : (schemes[scheme] ?? scheme)),
    classOf: (scheme, classKey) => {
      if (classKey === 'none' || classKey === 'unknown') return plain(classes[classKey] ?? classKey);
      switch (scheme) {
        case 'rfm':
        case 'industry':
        case 'income':
        case 'size':
          return classKey;
        case 'country':
          return countryName(classKey, language);
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
