import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTimeZone } from '../../shared/domain/customer-time-zone-types';
import { countryName } from './format';
import { localTimeView, type LocalTimeView } from './local-time-view';
import { useMinute } from './use-minute';

type Variant = 'header' | 'row';

interface Props {
  timeZone: CustomerTimeZone | null;
  variant: Variant;
  /** For the hint of a country with several times (the header's): its name and the city typed. */
  country?: string | null;
  city?: string | null;
}

/** Orange for a call that can wait: night or the weekend there. Both 4.5:1 or more on white. */
const NOTE_COLOR = '#ad4e00';
const QUIET = 'rgba(0, 0, 0, 0.62)';

/** The words for a view, at a minute given: the screens pass the current one, the tests a fixed one. */
export function LocalTimeText({ view, variant, country = null, city = null }: { view: LocalTimeView | null; variant: Variant; country?: string | null; city?: string | null }) {
  const { t, i18n } = useTranslation('localTime');
  if (!view) return null;
  if (view.kind === 'hint') {
    // A row has no room for advice: the file's header gives it.
    if (variant === 'row') return null;
    return (
      <span data-testid="customer-local-time-hint" style={{ color: QUIET, fontSize: 13 }}>
        {t(`several.${view.reason}`, { country: countryName(country, i18n.language), city: city ?? '' })}
      </span>
    );
  }
  const notes = [view.night ? t('night') : null, view.weekend ? t('weekend') : null].filter(Boolean).join(' · ');
  const words = variant === 'header' ? t('line', view) : t('short', view);
  return (
    <span
      data-testid={variant === 'header' ? 'customer-local-time' : 'today-local-time'}
      data-zone={view.zone}
      title={t('zoneTitle', { zone: view.zone, offset: view.offset })}
      style={{ color: QUIET, fontSize: variant === 'header' ? 13 : 12, whiteSpace: 'nowrap', flex: 'none', fontVariantNumeric: 'tabular-nums' }}
    >
      {words}
      {notes ? (
        <span data-testid="local-time-note" style={{ color: NOTE_COLOR, fontWeight: 500 }}>
          {' · '}
          {notes}
        </span>
      ) : null}
    </span>
  );
}

/** A customer's local time, kept current: it alone re-renders as the minute turns. */
export const CustomerLocalTime = memo(function CustomerLocalTime({ timeZone, variant, country, city }: Props) {
  const minute = useMinute();
  const { i18n } = useTranslation('localTime');
  return <LocalTimeText view={localTimeView(timeZone, minute, i18n.language)} variant={variant} country={country} city={city} />;
});
