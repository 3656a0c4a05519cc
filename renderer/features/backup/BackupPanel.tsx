import { App, Button, Card, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { localDateOf } from '../../../shared/domain/dates';
import { api, type PickedFile } from '../../api/client';
import { ActionLink } from '../../components/ActionLink';
import { errorText } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';
import { UserParagraph } from '../../components/UserParagraph';
import { pickRestoreFile, restoreFileQuestion, restoreFromFile } from './restore-from-file';
import { restoreAskingInTeam, teamRestoreQuestion } from './restore-in-team';
import { RestoreSummary } from './RestoreSummary';

type Backup = OutputOf<'backup:list'>['backups'][number];

/**
 * Back up now (to a chosen file in the app, to the backups folder in a browser), and restore a backup:
 * one of the list by its name (in the backups folder), or in the app any file chosen in the open dialog.
 * Either way the user says yes to replacing the data before anything changes.
 */
export function BackupPanel() {
  const { t, i18n } = useTranslation('transfer');
  const { message, modal } = App.useApp();
  const [list, setList] = useState<OutputOf<'backup:list'> | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => void api('backup:list', {}).then(setList, () => setList(null)), []);
  useEffect(load, [load]);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(false);
      load();
    }
  };

  const backUp = () =>
    act(async () => {
      const picker = window.tierbook?.pickSaveFile;
      const picked = picker ? await picker({ purpose: 'backup', defaultName: `tierbook-backup-${localDateOf(new Date())}.sqlite`, filters: [{ name: 'TierBook', extensions: ['sqlite'] }] }) : undefined;
      if (picked === null) return;
      const made = await api('backup:create', picked ? { handle: picked.handle } : {});
      void message.success({ content: t('backup.done', { path: made.path }), duration: 8 });
    });

  // On a laptop in a team the handler refuses until the user has read what the next sync does to the restore.
  const askBeforeRestoringInTeam = () =>
    new Promise<boolean>((resolve) => {
      const question = teamRestoreQuestion(t);
      modal.confirm({
        title: question.title,
        content: <Typography.Paragraph data-testid="team-restore-question">{question.content}</Typography.Paragraph>,
        okText: question.okText,
        cancelText: question.cancelText,
        width: 520,
        okButtonProps: { danger: true, 'data-testid': 'team-restore-confirm' } as ButtonProps,
        cancelButtonProps: { 'data-testid': 'team-restore-cancel' } as ButtonProps,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  // Everything on screen came from the old data: start the page over on the restored file.
  const restore = (from: InputOf<'backup:restore'>) =>
    act(async () => {
      const result = await restoreAskingInTeam(from, { restore: (input) => api('backup:restore', input), askInTeam: askBeforeRestoringInTeam });
      if (!result) return;
      // Say what the user now has (they can check the count against what they expected) before the page starts over.
      modal.success({
        title: t('comfort:restore.title'),
        content: <RestoreSummary t={t} summary={result.summary} leftTeam={result.leftTeam} language={i18n.language} />,
        okText: t('comfort:restore.ok'),
        onOk: () => window.location.reload(),
      });
    });

  // The file's name may run to 255 characters without a space: it wraps inside the question (UserParagraph).
  const askBeforeRestoring = (file: PickedFile) =>
    new Promise<boolean>((resolve) => {
      const question = restoreFileQuestion(t, file.name);
      modal.confirm({
        title: question.title,
        content: <UserParagraph text={question.content} testId="restore-file-question" />,
        okText: question.okText,
        cancelText: question.cancelText,
        okButtonProps: { danger: true, 'data-testid': 'restore-file-confirm' } as ButtonProps,
        cancelButtonProps: { 'data-testid': 'restore-file-cancel' } as ButtonProps,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const restoreFromFileAsked = () =>
    restoreFromFile({ pick: async () => pickRestoreFile(), ask: askBeforeRestoring, restore }).catch((error: unknown) => void message.error(errorText(error, t)));

  return (
    <Card title={t('backup.title')} data-testid="backup-panel" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" loading={busy} onClick={() => void backUp()} data-testid="backup-now">
          {t('backup.now')}
        </Button>
        {window.tierbook?.pickOpenFile ? <Button onClick={() => void restoreFromFileAsked()} data-testid="backup-restore-file">{t('backup.restoreFile')}</Button> : null}
      </Space>
      {list ? <Typography.Paragraph type="secondary">{t('backup.folder', { folder: list.folder })}</Typography.Paragraph> : null}
      <Table<Backup>
        rowKey="path"
        size="small"
        data-testid="backup-list"
        dataSource={list?.backups ?? []}
        locale={{ emptyText: t('backup.empty') }}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        onRow={(b) => ({ 'data-testid': 'backup-row', 'data-name': b.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          // A file's name may run to 255 characters without a space: it wraps inside its column instead of pushing
          // the table, its Restore and the question Restore asks a screen to the right.
          { title: t('backup.columns.name'), dataIndex: 'name', render: (name: string) => <UserParagraph text={name} /> },
          { title: t('backup.columns.kind'), dataIndex: 'kind', render: (kind: Backup['kind']) => <Tag>{t(`backup.kind.${kind}`)}</Tag> },
          { title: t('backup.columns.size'), dataIndex: 'bytes', align: 'right', render: (bytes: number) => <span className="figure-text">{`${(bytes / 1024 / 1024).toFixed(1)} MB`}</span> },
          { title: t('backup.columns.created'), dataIndex: 'createdAt', render: (at: string) => <span className="figure-text">{formatDateTime(at, i18n.language)}</span> },
          {
            title: '',
            render: (_: unknown, b) => (
              // A button and a question the keyboard can answer: a bare link was skipped by Tab and deaf to Enter.
              <KeyboardPopconfirm title={t('backup.confirmRestore')} onConfirm={() => void restore({ name: b.name })} okText={t('backup.restore')} cancelText={t('common:actions.cancel')}>
                <ActionLink data-testid="backup-restore">{t('backup.restore')}</ActionLink>
              </KeyboardPopconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
