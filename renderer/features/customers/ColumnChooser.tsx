import { SettingOutlined } from '@ant-design/icons';
import type { VisibilityState } from '@tanstack/react-table';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const STORAGE_KEY = 'tierbook.customer-columns';

export function loadVisibility(all: string[], defaults: string[]): VisibilityState {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as VisibilityState | null;
    if (saved) return Object.fromEntries(all.map((id) => [id, saved[id] ?? defaults.includes(id)]));
  } catch {
    // A damaged preference is not worth an error: fall back to the defaults.
  }
  return Object.fromEntries(all.map((id) => [id, defaults.includes(id)]));
}

export function ColumnChooser({ all, value, onChange }: { all: string[]; value: VisibilityState; onChange(next: VisibilityState): void }) {
  const { t } = useTranslation('customers');
  const set = (id: string, visible: boolean) => {
    const next = { ...value, [id]: visible };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    onChange(next);
  };
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        <Space orientation="vertical">
          {all.map((id) => (
            <Checkbox key={id} checked={value[id] !== false} disabled={id === 'name'} onChange={(e) => set(id, e.target.checked)}>
              {t(`columns.${id}`)}
            </Checkbox>
          ))}
        </Space>
      }
    >
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('common:actions.columns')}
      </Button>
    </Popover>
  );
}
