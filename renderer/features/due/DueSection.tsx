import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../shared/contract/followups';
import { DueItemRow, type DueKind } from './DueItemRow';

const COLORS: Record<DueKind, string> = { overdue: 'red', today: 'orange', upcoming: 'blue' };

interface Props {
  kind: DueKind;
  items: DueItem[];
  /** All reminders of this kind; `items` may be only the first of them. */
  total: number;
  today: string;
  onLog(customer: { id: string; name: string }): void;
  onChanged(): void;
}

/** A titled group of reminders with its count, or a short empty note. */
export function DueSection({ kind, items, total, today, onLog, onChanged }: Props) {
  const { t } = useTranslation('due');
  return (
    <Card
      data-testid={`due-section-${kind}`}
      data-count={total}
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingTop: items.length ? 4 : 12, paddingBottom: items.length ? 4 : 12 } }}
      title={
        <Space>
          {t(`section.${kind}`)}
          <Tag color={total ? COLORS[kind] : 'default'} data-testid="due-count">
            {total}
          </Tag>
        </Space>
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`empty.${kind}`)} style={{ margin: 0 }} />
      ) : (
        items.map((item) => <DueItemRow key={item.followUpId} item={item} kind={kind} today={today} onLog={onLog} onChanged={onChanged} />)
      )}
      {total > items.length ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="due-more">
          {t('more', { shown: items.length, total })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
