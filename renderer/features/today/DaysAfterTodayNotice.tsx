import { Alert, App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { formatDate } from '../../components/format';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';

/** Days listed by name; past this many the notice says how many more. */
const DAYS_NAMED = 3;

/**
 * Tiers or predictions stored for a day after today (a computer whose clock once ran ahead) stop the tier
 * history and leave the predictions of that far day in the lists. Only the user knows whether the clock was
 * wrong then or is wrong now, so the notice says what it found and removes it only when asked.
 */
export function DaysAfterTodayNotice() {
  const { t, i18n } = useTranslation('today');
  const { message } = App.useApp();
  const { version, refresh } = useWorkspace();
  const [days, setDays] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api('segments:daysAfterToday', {}).then((o) => live && setDays(o.days), () => undefined);
    return () => {
      live = false;
    };
  }, [version]);

  if (days.length === 0) return null;
  const named = days.slice(0, DAYS_NAMED).map((d) => formatDate(d, i18n.language)).join(i18n.language.startsWith('zh') ? '、' : ', ');
  const more = days.length - DAYS_NAMED;
  const remove = async () => {
    setBusy(true);
    try {
      const { removed } = await api('segments:dropDaysAfterToday', {});
      message.success(t('daysAfterToday.removed', { count: removed.length }));
      setDays([]);
      refresh();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      data-testid="days-after-today"
      type="warning"
      showIcon
      title={t('daysAfterToday.title', { days: more > 0 ? t('daysAfterToday.andMore', { days: named, count: more }) : named })}
      description={t('daysAfterToday.why')}
      action={
        <KeyboardPopconfirm title={t('daysAfterToday.confirm')} onConfirm={() => void remove()} okText={t('daysAfterToday.remove')} cancelText={t('daysAfterToday.keep')}>
          <Button size="small" loading={busy} data-testid="days-after-today-remove">
            {t('daysAfterToday.remove')}
          </Button>
        </KeyboardPopconfirm>
      }
    />
  );
}
