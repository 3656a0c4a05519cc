import { App, Button, Descriptions, Space, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../shared/contract/team';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { UserText } from '../../components/UserText';
import './team-status.css';

/**
 * Where this laptop stands with its team: server, last sync, what waits to upload, the last error in
 * words, and the controls (sync now, pause or resume, leave). Syncing runs in the background; "sync now"
 * only asks for one more round and shows what moved.
 */
export function TeamStatusView({ status, onChange }: { status: TeamStatus; onChange(status: TeamStatus): void }) {
  const { t, i18n } = useTranslation('team');
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<null | 'sync' | 'pause' | 'leave'>(null);

  const run = async (which: 'sync' | 'pause' | 'leave', action: () => Promise<void>) => {
    setBusy(which);
    try {
      await action();
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };

  const syncNow = () =>
    run('sync', async () => {
      const result = await api('team:sync-now', {});
      void message.success(t('actions.synced', result));
      onChange(await api('team:status', {}));
    });
  const pauseOrResume = () =>
    run('pause', async () => {
      const next = status.paused ? await api('team:resume', {}) : await api('team:pause', {});
      void message.success(t(status.paused ? 'actions.resumed' : 'actions.paused'));
      onChange(next);
    });
  const leave = () =>
    modal.confirm({
      title: t('actions.leaveTitle'),
      content: <span data-testid="team-leave-content">{t('actions.leaveContent')}</span>,
      okText: t('actions.leaveOk'),
      okButtonProps: { danger: true, 'data-testid': 'team-leave-confirm' } as ButtonProps,
      cancelText: t('common:actions.cancel'),
      onOk: () =>
        run('leave', async () => {
          onChange(await api('team:leave', {}));
          void message.success(t('actions.left'));
        }),
    });

  const state = status.syncing ? <Tag color="processing">{t('status.syncing')}</Tag> : status.paused ? <Tag color="warning">{t('status.paused')}</Tag> : <Tag color="success">{t('status.live')}</Tag>;
  return (
    <div data-testid="team-status">
      <Descriptions
        className="team-status-table"
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 200 } }}
        items={[
          { key: 'server', label: t('status.server'), children: <ServerAddress url={status.serverUrl ?? ''} database={status.database ?? ''} /> },
          { key: 'user', label: t('status.user'), children: status.user ? <UserText text={status.user} testId="team-status-user" /> : null },
          { key: 'state', label: t('status.state'), children: <span data-testid="team-status-state">{state}</span> },
          {
            key: 'last',
            label: t('status.lastSync'),
            children: <span data-testid="team-status-last-sync">{status.lastSyncAt ? formatDateTime(status.lastSyncAt, i18n.language) : t('status.never')}</span>,
          },
          {
            key: 'pending',
            label: t('status.pending'),
            children: <span data-testid="team-status-pending">{status.pendingChanges > 0 ? t('status.pendingCount', { count: status.pendingChanges }) : t('status.noPending')}</span>,
          },
          ...(status.refusedCount > 0
            ? [
                {
                  key: 'refused',
                  label: t('status.refused'),
                  children: (
                    <Typography.Text type="danger" data-testid="team-status-refused">
                      {t('errors:issue.team_document_refused')}
                      {t('status.refusedCount', { count: status.refusedCount, reason: status.refusedReason ?? '' })}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          // A refusal is shown on its own line above; this one is for rounds that failed.
          ...(status.lastErrorKey && status.lastErrorKey !== 'team_document_refused'
            ? [
                {
                  key: 'error',
                  label: t('status.error'),
                  children: (
                    <Typography.Text type="danger" data-testid="team-status-error">
                      {t(`errors:issue.${status.lastErrorKey}`, { defaultValue: t('errors:issue.team_server_error') })}
                      {status.lastErrorAt ? t('status.errorAt', { time: formatDateTime(status.lastErrorAt, i18n.language) }) : null}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('status.offlineNote')}
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" onClick={() => void syncNow()} loading={busy === 'sync'} disabled={status.paused} data-testid="team-sync-now">
          {t('actions.syncNow')}
        </Button>
        <Button onClick={() => void pauseOrResume()} loading={busy === 'pause'} data-testid="team-pause">
          {t(status.paused ? 'actions.resume' : 'actions.pause')}
        </Button>
        <Button danger onClick={leave} loading={busy === 'leave'} data-testid="team-leave">
          {t('actions.leave')}
        </Button>
      </Space>
    </div>
  );
}

/**
 * The team's server address on one line: an address may be 500 characters, and wrapped it filled ten lines of the
 * card. It ends in … where the line does, whole on hover (with the database after it), and the button beside it
 * copies the address whole.
 */
function ServerAddress({ url, database }: { url: string; database: string }) {
  return (
    <span style={{ display: 'flex', alignItems: 'baseline', gap: 4, minWidth: 0 }}>
      <UserText text={`${url} · ${database}`} testId="team-status-server" />
      <Typography.Text copyable={{ text: url }} style={{ flex: 'none' }} data-testid="team-status-server-copy" />
    </span>
  );
}
