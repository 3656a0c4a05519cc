import { Button, Table, Tag } from 'antd';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { formatDateTime } from '../../components/format';

type Batch = OutputOf<'import:batches'>['batches'][number];

/** Recent imports, each undoable as a whole while it stands. */
export function BatchList({ batches, onUndo }: { batches: Batch[]; onUndo: (id: string) => void }) {
  const { t, i18n } = useTranslation('importing');
  return (
    <Table<Batch>
      rowKey="id"
      size="small"
      dataSource={batches}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('batches.empty') }}
      onRow={(b) => ({ 'data-testid': 'import-batch', 'data-status': b.status }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('batches.when'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d, i18n.language) },
        { title: t('batches.file'), dataIndex: 'fileName' },
        { title: t('batches.kind'), dataIndex: 'kind', render: (k: Batch['kind']) => t(`kind.${k}`) },
        { title: t('batches.result'), key: 'result', render: (_: unknown, b) => t('done', b) },
        {
          title: t('batches.status'),
          key: 'status',
          render: (_: unknown, b) =>
            b.status === 'undone' ? (
              <Tag>{t('batches.undoneStatus')}</Tag>
            ) : (
              <KeyboardPopconfirm title={t('confirmUndo')} onConfirm={() => onUndo(b.id)} okText={t('undo')} cancelText={t('common:actions.cancel')}>
                <Button size="small" data-testid="import-batch-undo">
                  {t('undo')}
                </Button>
              </KeyboardPopconfirm>
            ),
        },
      ]}
    />
  );
}
