import { App, Button, Divider, Empty, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { MergeSummary } from '../../../shared/contract/merges';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { errorContent, namedMessage } from '../../components/named-message';
import { DuplicateGroupCard } from './DuplicateGroupCard';
import { MergeHistory } from './MergeHistory';

const PAGE = 20;

/**
 * Duplicate customers: every group with why it is one, merged one group at a time. A merge is confirmed
 * first and can be undone from its success message or, later, from the list of recent merges.
 */
export function DuplicatesPage() {
  const { t } = useTranslation('merge');
  const { message } = App.useApp();
  const { version, refresh } = useWorkspace();
  const [limit, setLimit] = useState(PAGE);
  const [found, setFound] = useState<OutputOf<'customers:duplicates'> | null>(null);
  const [merges, setMerges] = useState<MergeSummary[]>([]);

  const load = useCallback(() => {
    let cancelled = false;
    Promise.all([api('customers:duplicates', { limit }), api('customers:merges', {})]).then(
      ([d, m]) => !cancelled && (setFound(d), setMerges(m.merges)),
      (e: unknown) => !cancelled && void message.error(errorText(e, t)),
    );
    return () => {
      cancelled = true;
    };
  }, [limit, message, t]);
  // The workspace version changes after every merge or undo (and any other edit), so the groups follow.
  useEffect(() => load(), [load, version]);

  const undo = async (mergeId: string) => {
    try {
      const result = await api('customers:unmerge', { mergeId });
      message.destroy(mergeId);
      const fields = result.editedSince.map((column) => t(`field.${column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}`, { defaultValue: column }));
      void message.success(fields.length ? t('undoneEdited', { fields: fields.join('、') }) : t('undone'));
      refresh();
    } catch (error) {
      void message.error(errorContent(error, t));
    }
  };

  const merged = (result: OutputOf<'customers:merge'>) => {
    void message.success({
      key: result.mergeId,
      duration: 10,
      content: (
        <Space>
          {namedMessage(t, 'merged', { name: result.customer.name, ...result.moved }, 'merge-done')}
          <Button size="small" data-testid="merge-undo" onClick={() => void undo(result.mergeId)}>
            {t('undo')}
          </Button>
        </Space>
      ),
    });
    refresh();
  };

  return (
    <div style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>
        {t('intro')}
      </Typography.Paragraph>
      {found === null ? (
        <Spin />
      ) : found.groups.length === 0 ? (
        <Empty description={t('empty')} data-testid="duplicates-empty" />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="duplicates-count">
            {t('count', { total: found.total })}
          </Typography.Text>
          {found.groups.map((group) => (
            <DuplicateGroupCard key={group.key} group={group} onMerged={merged} />
          ))}
          {found.total > found.groups.length ? <Button onClick={() => setLimit((l) => l + PAGE)}>{t('more')}</Button> : null}
        </>
      )}
      <Divider titlePlacement="start">{t('history.title')}</Divider>
      <MergeHistory merges={merges} onUndo={(id) => void undo(id)} />
    </div>
  );
}
