import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MergeSummary } from '../../../shared/contract/merges';
import { hrefOf } from '../../app/router';
import { isolate } from '../../components/bidi';
import { formatDateTime } from '../../components/format';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';

/** Recent merges, each undoable while it stands (the server refuses one a later merge built on, and says so). */
export function MergeHistory({ merges, onUndo }: { merges: MergeSummary[]; onUndo: (id: string) => void }) {
  const { t, i18n } = useTranslation('merge');
  return (
    <Table<MergeSummary>
      rowKey="id"
      size="small"
      dataSource={merges}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('history.empty') }}
      onRow={(m) => ({ 'data-testid': 'merge-record', 'data-status': m.status }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('history.when'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d, i18n.language) },
        { title: t('history.kept'), key: 'kept', render: (_: unknown, m) => <a href={hrefOf({ page: 'customer', id: m.kept.id })} dir="auto">{m.kept.name}</a> },
        // Each name isolated in its own direction: two named right to left side by side ran together, drawn in reverse.
        { title: t('history.merged'), key: 'merged', render: (_: unknown, m) => m.merged.map((c) => isolate(c.name)).join('、') },
        { title: t('history.moved'), key: 'moved', render: (_: unknown, m) => t('history.movedText', m.moved) },
        {
          title: t('history.status'),
          key: 'status',
          render: (_: unknown, m) =>
            m.status === 'undone' ? (
              <Tag>{t('history.undoneStatus')}</Tag>
            ) : (
              <KeyboardPopconfirm title={t('history.confirmUndo')} onConfirm={() => onUndo(m.id)} okText={t('undo')} cancelText={t('common:actions.cancel')}>
                <Button size="small" data-testid="merge-history-undo">
                  {t('undo')}
                </Button>
              </KeyboardPopconfirm>
            ),
        },
      ]}
    />
  );
}
