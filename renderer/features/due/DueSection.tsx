import { Card, Empty, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../shared/contract/followups';
import { DueItemRow, type DueKind } from './DueItemRow';

const COLORS: Record<DueKind, string> = { overdue: 'red', today: 'orange', upcoming: 'blue' };

interface Props {
  kind: DueKind;
  items: DueItem[];
  today: string;
  onLog(customer: { id: string; name: string }): void;
  onChanged(): void;
}

/** A titled group of reminders with its count, or a short empty note. */
export function DueSection({ kind, items, today, onLog, onChanged }: Props) {
  const { t } = useTranslation('due');
  return (
    <Card
      data-testid={`due-section-${kind}`}
      data-count={items.length}
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingTop: items.length ? 4 : 12, paddingBottom: items.length ? 4 : 12 } }}
      title={
        <Space>
          {t(`section.${kind}`)}
          <Tag color={items.length ? COLORS[kind] : 'default'} data-testid="due-count">
            {items.length}
          </Tag>
        </Space>
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`empty.${kind}`)} style={{ margin: 0 }} />
      ) : (
        items.map((item) => <DueItemRow key={item.followUpId} item={item} kind={kind} today={today} onLog={onLog} onChanged={onChanged} />)
      )}
    </Card>
  );
}
