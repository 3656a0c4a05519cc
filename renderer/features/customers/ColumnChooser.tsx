import { SettingOutlined } from '@ant-design/icons';
import type { VisibilityState } from '@tanstack/react-table';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemeOfColumn } from './customer-columns';

const STORAGE_KEY = 'tierbook.customer-columns';

/** The user's saved choices; columns they never touched are absent and follow the defaults. */
export function savedVisibility(): VisibilityState {
  try {
    return (JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as VisibilityState | null) ?? {};
  } catch {
    // A damaged preference is not worth an error: fall back to the defaults.
    return {};
  }
}

/**
 * Visibility of every column. Resolved again whenever the column set changes, because custom-segment
 * columns arrive after the first render: a column missing from the map would count as visible.
 */
export function visibilityOf(all: readonly string[], saved: VisibilityState, defaults: readonly string[]): VisibilityState {
  return Object.fromEntries(all.map((id) => [id, saved[id] ?? defaults.includes(id)]));
}

export interface ChooserColumn {
  id: string;
  label: string;
}

export function ColumnChooser({ columns, value, onChange }: { columns: readonly ChooserColumn[]; value: VisibilityState; onChange(next: VisibilityState): void }) {
  const { t } = useTranslation('customers');
  const set = (id: string, visible: boolean) => {
    const next = { ...value, [id]: visible };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    onChange(next);
  };
  const boxes = (list: readonly ChooserColumn[]) => (
    <Space orientation="vertical" style={{ maxHeight: '70vh', overflowY: 'auto' }}>
      {list.map(({ id, label }) => (
        <Checkbox key={id} data-testid={`column-toggle-${id}`} checked={value[id] !== false} disabled={id === 'name'} onChange={(e) => set(id, e.target.checked)}>
          {label}
        </Checkbox>
      ))}
    </Space>
  );
  const schemes = columns.filter((c) => schemeOfColumn(c.id) !== undefined);
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        // Profile fields and tiers side by side: one list of 35+ boxes would not fit the window.
        <div style={{ display: 'flex', gap: 32 }}>
          {boxes(columns.filter((c) => schemeOfColumn(c.id) === undefined))}
          <div>
            <div style={{ color: 'rgba(0, 0, 0, 0.62)', marginBottom: 8 }}>{t('tiers:tab')}</div>
            {boxes(schemes)}
          </div>
        </div>
      }
    >
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('common:actions.columns')}
      </Button>
    </Popover>
  );
}
