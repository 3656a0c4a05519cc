import { CalendarOutlined } from '@ant-design/icons';
import { Button, DatePicker, Popover, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain/dates';

const SHORTCUTS = [1, 3, 7];

/**
 * "Reschedule": a date picker plus one-click shortcuts, relative to the day the list was computed for.
 * The popover is built on first click only: every row has this button, few rows ever open it.
 */
export function RescheduleButton({ today, dueDate, busy, onPick }: { today: string; dueDate: string; busy: boolean; onPick(date: string): void }) {
  const { t } = useTranslation('today');
  const [open, setOpen] = useState(false);
  const [armed, setArmed] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pick = (date: string) => {
    setOpen(false);
    onPick(date);
  };
  const button = (
    <button
      ref={buttonRef}
      type="button"
      className="row-action"
      disabled={busy}
      data-testid="today-reschedule"
      onClick={() => {
        setArmed(true);
        setOpen(true);
      }}
    >
      <CalendarOutlined />
      {t('actions.reschedule')}
    </button>
  );
  if (!armed) return button;
  const content = (
    <Space orientation="vertical" data-testid="today-reschedule-popover">
      <DatePicker
        data-testid="today-reschedule-date"
        defaultPickerValue={dayjs(dueDate < today ? today : dueDate)}
        placeholder={t('pickDate')}
        allowClear={false}
        disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') < today}
        onChange={(d: Dayjs | null) => d && pick(d.format('YYYY-MM-DD'))}
      />
      <Space wrap size={4}>
        {SHORTCUTS.map((days, i) => (
          // The popover is portalled to the end of the page, out of Tab's reach from the row: opened by the
          // keyboard, the cursor has to start inside it, on the quickest choice (Shift+Tab reaches the date).
          <Button key={days} size="small" autoFocus={i === 0} data-testid={`today-reschedule-in-${days}`} onClick={() => pick(addDays(today, days))}>
            {days === 1 ? t('tomorrow') : t('inDays', { count: days })}
          </Button>
        ))}
      </Space>
    </Space>
  );
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Closed with Escape from inside (the popover lives at the end of the page): back to the row's button.
        if (!next && buttonRef.current && document.activeElement?.closest('[data-testid="today-reschedule-popover"]')) buttonRef.current.focus();
      }}
      destroyOnHidden
      title={<Typography.Text strong>{t('rescheduleTitle')}</Typography.Text>}
      content={content}
    >
      {button}
    </Popover>
  );
}
