import { Alert, Button, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { formatDate } from '../../components/format';
import { QuickFollowUp } from '../followups/QuickFollowUp';
import { DueSection } from './DueSection';
import type { DueKind } from './DueItemRow';

type DueList = OutputOf<'followups:due'>;
const KINDS: DueKind[] = ['overdue', 'today', 'upcoming'];

/** Who to contact: overdue reminders, today's, and the next 7 days'. */
export function DuePage() {
  const { t, i18n } = useTranslation('due');
  const { version, refresh } = useWorkspace();
  const [list, setList] = useState<DueList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [logging, setLogging] = useState<{ id: string; name: string } | null>(null);

  // Reloads whenever the workspace changes (refresh() bumps `version`) or on retry.
  useEffect(() => {
    let cancelled = false;
    api('followups:due', { horizonDays: 7 })
      .then((next) => {
        if (cancelled) return;
        setList(next);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [version, reloads, t]);

  /** After any action: reload this list and let the navigation badge recount. */
  const changed = () => {
    setReloads((n) => n + 1);
    refresh();
  };

  return (
    <div style={{ maxWidth: 1080, padding: 24 }} data-testid="due-page">
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('subtitle')}
        {list ? ` ${t('asOf', { date: formatDate(list.asOf, i18n.language) })}` : ''}
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('loadFailed', { message: error })}
          action={<Button size="small" onClick={() => setReloads((n) => n + 1)}>{t('retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {list ? (
        KINDS.map((kind) => <DueSection key={kind} kind={kind} items={list[kind]} total={list.counts[kind]} today={list.asOf} onLog={setLogging} onChanged={changed} />)
      ) : error ? null : (
        <Spin description={t('common:loading')}>
          <div style={{ height: 200 }} />
        </Spin>
      )}
      <QuickFollowUp
        customer={logging}
        onClose={() => setLogging(null)}
        onSaved={() => {
          setLogging(null);
          changed();
        }}
      />
    </div>
  );
}
