import type { CustomerTimeZone } from '../../shared/domain/customer-time-zone-types';
import { countryName } from '../../renderer/components/format';
import { localTimeView } from '../../renderer/components/local-time-view';
import type { Words } from './words';

/**
 * A customer's local time as the screens word it, for the lines for people: the file's sentence ("Local time
 * 05:12 Tue (UTC+4) · night there") or Today's short one ("05:12 Tue there"); for a country of several times
 * (the long form only) what to add. Undefined when there is nothing to say: no country, or the user's own time.
 */
export function localTimeWords(
  w: Words,
  timeZone: CustomerTimeZone | null,
  form: 'line' | 'short',
  at: { now: number; ownOffset?: number },
  place: { country: string | null; city: string | null } = { country: null, city: null },
): string | undefined {
  const view = localTimeView(timeZone, at.now, w.language, at.ownOffset);
  if (!view) return undefined;
  if (view.kind === 'hint') return form === 'line' ? w(`localTime:several.${view.reason}`, { country: countryName(place.country, w.language), city: place.city ?? '' }) : undefined;
  const notes = [view.night ? w('localTime:night') : null, view.weekend ? w('localTime:weekend') : null].filter(Boolean);
  return [w(`localTime:${form}`, { time: view.time, weekday: view.weekday, offset: view.offset }), ...notes].join(' · ');
}
