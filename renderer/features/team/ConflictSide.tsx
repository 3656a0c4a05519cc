import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { UserText } from '../../components/UserText';
import './team-conflicts.css';

/** Long values (notes) are cut for the table; the customer's history has them whole. */
const SHOWN_CHARS = 80;

/**
 * One side of a resolved conflict: the value kept or overwritten, who made that edit, and when, each on its own
 * line. The person is a name someone typed on their laptop: kept to one line (whole on hover) and in its own
 * direction, apart from the time. Set inside a sentence, an Arabic name ending in a digit took the date's year to
 * its side, and a 120-character one filled the cell with six lines.
 */
export function ConflictSide({ value, person, at, overwritten }: { value: string | null; person: string | null; at: string; overwritten?: boolean }) {
  const { t, i18n } = useTranslation('team');
  const cut = value && value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
  return (
    <div>
      {cut ? (
        <div className="user-paragraph" dir="auto" title={cut !== value ? value! : undefined}>
          {overwritten ? <del>{cut}</del> : cut}
        </div>
      ) : (
        <Typography.Text type="secondary">{t('conflicts.emptyValue')}</Typography.Text>
      )}
      <div className="team-conflict-who">
        <UserText text={person ?? t('conflicts.unknownPerson')} />
      </div>
      <div className="team-conflict-who">{formatDateTime(at, i18n.language)}</div>
    </div>
  );
}
