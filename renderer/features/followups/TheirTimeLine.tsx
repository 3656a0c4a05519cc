import { Button, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';
import { ownTimeFor, ownZone, theirTimeOf, THEIR_CALL_TIME } from '../../../shared/domain/their-hours';
import { weekdayText } from '../../components/local-time-view';

const NOTE_COLOR = '#ad4e00';
const QUIET = 'rgba(0, 0, 0, 0.62)';

/**
 * Under the next-contact day and time, for a client whose clock is not the user's: what the time set will be for
 * them (flagged in their night or weekend), and one click that sets the user's day and time to 09:00 on their day.
 * Nothing for a client at home or not placed. The zone comes with the customer from the main process.
 */
export function TheirTimeLine({ timeZone }: { timeZone: CustomerTimeZone | null | undefined }) {
  const { t, i18n } = useTranslation('localTime');
  const form = Form.useFormInstance();
  const date = Form.useWatch('nextContactDate', form) as Dayjs | null | undefined;
  const time = Form.useWatch('nextContactTime', form) as Dayjs | null | undefined;
  if (!timeZone || timeZone.status !== 'known' || !date) return null;
  const userZone = ownZone();
  const picked = { date: date.format('YYYY-MM-DD'), time: time ? time.format('HH:mm') : null };
  const theirs = picked.time ? theirTimeOf({ date: picked.date, time: picked.time }, timeZone, userZone) : null;
  const target = ownTimeFor(picked, timeZone, userZone);
  // Offered only where their 09:00 is not the user's 09:00 (a client on the user's clock needs no conversion).
  const offered = target !== null && !(target.date === picked.date && target.time === THEIR_CALL_TIME);
  if (!theirs && !offered) return null;
  const notes = theirs ? [theirs.night ? t('night') : null, theirs.weekend ? t('weekend') : null].filter(Boolean).join(' · ') : '';
  return (
    // A line of its own under the day, the time and the shortcuts, which fill the dialog's width.
    <div data-testid="their-time" data-zone={timeZone.zone} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 6, fontSize: 13, color: QUIET, fontVariantNumeric: 'tabular-nums' }}>
      {theirs ? (
        <span data-testid="their-time-text">
          {t('theirTime', { time: theirs.time, weekday: weekdayText(theirs.zone, theirs.ms, i18n.language) })}
          {notes ? (
            <span data-testid="their-time-note" style={{ color: NOTE_COLOR, fontWeight: 500 }}>
              {' · '}
              {notes}
            </span>
          ) : null}
        </span>
      ) : null}
      {offered && target ? (
        <Button
          size="small"
          data-testid="their-call-time"
          title={t('theirCallTimeTitle', { time: THEIR_CALL_TIME, zone: timeZone.zone })}
          onClick={() => {
            // The time field is a time on any day: only its hours and minutes are read.
            form.setFieldsValue({ nextContactDate: dayjs(target.date), nextContactTime: dayjs(`${target.date}T${target.time}`) });
          }}
        >
          {t('theirCallTime', { time: THEIR_CALL_TIME })}
        </Button>
      ) : null}
    </div>
  );
}
