import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../shared/contract/team';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { TEAM_SETTINGS_HASH } from './TeamPanel';

const POLL_MS = 10_000;

/**
 * One line under the navigation while this laptop is in a team: when it last synced, what waits, or that
 * the last sync failed; a link to Settings → Team. It reads the local status only, so it never waits for
 * the network; outside a team it shows nothing.
 */
export function TeamSyncIndicator() {
  const { t, i18n } = useTranslation('team');
  const [status, setStatus] = useState<TeamStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void api('team:status', {}).then(
        (next) => !cancelled && setStatus(next),
        () => undefined,
      );
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, []);
  if (!status?.joined) return null;

  const [text, tone] = status.lastErrorKey
    ? [t('indicator.failed'), 'danger' as const]
    : status.paused
      ? [t('indicator.paused'), 'warning' as const]
      : status.pendingChanges > 0
        ? [t('indicator.pending', { count: status.pendingChanges }), 'secondary' as const]
        : status.lastSyncAt
          ? [t('indicator.synced', { time: formatDateTime(status.lastSyncAt, i18n.language) }), 'secondary' as const]
          : [t('status.never'), 'secondary' as const];
  return (
    <a href={TEAM_SETTINGS_HASH} data-testid="team-indicator" style={{ display: 'block', padding: '4px 20px', fontSize: 12 }}>
      <Typography.Text type={tone} style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    </a>
  );
}
