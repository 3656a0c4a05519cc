import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../shared/contract';
import { isolate } from '../../components/bidi';
import { formatDateTime } from '../../components/format';
import { UserParagraph } from '../../components/UserParagraph';

type Summary = OutputOf<'backup:restore'>['summary'];

/**
 * What the user now has after a restore: the file, its date and its customers. The file's name is theirs and may
 * run to 255 characters without a space, or right to left: it wraps inside the dialog (UserParagraph breaks it
 * anywhere rather than drawing it past the edge), isolated in its own direction so the date and count stay put.
 */
export function RestoreSummary({ t, summary, leftTeam, language }: { t: TFunction; summary: Summary; leftTeam: boolean; language: string }) {
  const text = t('comfort:restore.content', { file: isolate(summary.fileName), date: formatDateTime(summary.fileDate, language), count: summary.customers });
  return (
    <>
      <UserParagraph text={text} testId="restore-summary" />
      {/* A backup from before the join took the laptop out of its team: say so, and where to join again. */}
      {leftTeam ? <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 0 }} data-testid="restore-left-team">{t('comfort:restore.leftTeam')}</Typography.Paragraph> : null}
    </>
  );
}
