import { Alert, Card, Divider, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { TeamConflicts } from './TeamConflicts';
import { TeamIdentityForm } from './TeamIdentityForm';
import { TeamJoinForm } from './TeamJoinForm';
import { TeamStatusView } from './TeamStatusView';
import { useTeamStatus } from './use-team-status';

/** The address that opens Settings scrolled to this card. */
export const TEAM_SETTINGS_HASH = '#/settings/team';

/** Settings → Team: who uses this laptop, then either joining a team or the team's sync state and conflicts. */
export function TeamPanel() {
  const { t } = useTranslation('team');
  const { status, setStatus, loadError } = useTeamStatus();
  const [userName, setUserName] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void api('team:identity-get', {}).then(
      (identity) => setUserName(identity.userName),
      () => setUserName(null),
    );
  }, []);

  // "#/settings/team" (the navigation's sync line links there) opens Settings at this card, once it has content.
  const card = useRef<HTMLDivElement>(null);
  const loaded = status !== null;
  useEffect(() => {
    if (!loaded) return;
    const reveal = () => window.location.hash === TEAM_SETTINGS_HASH && card.current?.scrollIntoView({ block: 'start' });
    reveal();
    // Also when the link is followed while Settings is already open (same screen, no new mount).
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, [loaded]);

  return (
    <div ref={card}>
      <Card title={t('title')} data-testid="settings-team" style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        {userName !== undefined ? <TeamIdentityForm userName={userName} onSaved={setUserName} /> : null}
        {loadError && !status ? <Alert type="error" showIcon title={errorText(loadError, t)} /> : null}
        {status && !status.joined ? <TeamJoinForm identityMissing={!userName} onJoined={setStatus} /> : null}
        {status?.joined ? (
          <>
            <Divider titlePlacement="start">{t('status.heading')}</Divider>
            <TeamStatusView status={status} onChange={setStatus} />
            <Divider />
            <TeamConflicts reloadKey={status.lastSyncAt} />
          </>
        ) : null}
      </Card>
    </div>
  );
}
