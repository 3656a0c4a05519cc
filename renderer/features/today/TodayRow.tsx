import { CheckOutlined, EditOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayItemRow } from '../../../shared/contract/today';
import type { TodayKind } from '../../../shared/today/types';
import { RescheduleButton } from './RescheduleButton';
import '../../components/row-action.css';
import { reasonLabel } from './reason-label';
import { useClassLabelEnv } from '../tiers/use-tier-settings';
import { UserText } from '../../components/UserText';
import { CustomerLocalTime } from '../../components/CustomerLocalTime';
import { scoreText } from '../prediction/chance-text';

export const ROW_HEIGHT = 60;

/** Colours by meaning: broken promises red, today's promises orange, valuables slipping gold, routine grey-blue; each 5:1 or more on white. */
export const KIND_COLORS: Record<TodayKind, string> = { overdue: '#cf1322', payment: '#c41d7f', due_today: '#ad4e00', slipping: '#876800', policy: '#1d39c4', new_customer: '#237804' };

interface Props {
  item: TodayItemRow;
  asOf: string;
  selected: boolean;
  busy: boolean;
  onSelect(): void;
  onOpen(): void;
  onLog(): void;
  onDone(): void;
  onReschedule(date: string): void;
}

/**
 * One customer on Today: name, every reason (the first is why the row is where it is), and the actions.
 * Plain elements and a handful of buttons: a visible screen holds ~12 of these, rebuilt as it scrolls.
 */
export const TodayRow = memo(function TodayRow({ item, asOf, selected, busy, onSelect, onOpen, onLog, onDone, onReschedule }: Props) {
  const { t, i18n } = useTranslation('today');
  const labelEnv = useClassLabelEnv();
  const reasons = item.reasons.map((r) => reasonLabel(t, r, asOf, i18n.language, labelEnv));
  const hasReminder = item.followUpIds.length > 0;
  return (
    <div
      role="row"
      data-testid="today-item"
      data-customer-id={item.customerId}
      data-kind={item.kind}
      aria-selected={selected}
      // A row can hold the focus (not Tab's: −1), for it to come back there when the follow-up opened from it closes.
      tabIndex={-1}
      onClick={onSelect}
      onDoubleClick={onOpen}
      style={{ height: ROW_HEIGHT, display: 'flex', alignItems: 'center', gap: 12, padding: '0 12px', borderBottom: '1px solid #f0f0f0', background: selected ? '#e6f4ef' : '#fff', cursor: 'pointer' }}
    >
      <div role="gridcell" style={{ minWidth: 0, flex: 1 }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {/* Name, company and owner each give way with an ellipsis (whole on hover) and keep their own direction. */}
          <a href={`#/customers/${encodeURIComponent(item.customerId)}`} data-testid="today-customer-link" style={{ fontWeight: 600, display: 'flex', minWidth: 0, maxWidth: '55%', flex: '0 1 auto' }} onClick={(e) => e.stopPropagation()}>
            <UserText text={item.customerName} />
          </a>
          {item.company ? <UserText text={item.company} style={{ color: 'rgba(0, 0, 0, 0.62)', flex: '0 2 auto' }} /> : null}
          {item.owner ? <span style={{ color: 'rgba(0, 0, 0, 0.62)', display: 'flex', minWidth: 0, flex: '0 2 auto' }}>·&nbsp;<UserText text={item.owner} /></span> : null}
          {item.likelihood !== null ? <span style={{ color: '#1f6f5c', flex: 'none' }}>· {t('likelihood', { percent: scoreText(Math.round(item.likelihood * 100), t, i18n.language) })}</span> : null}
        </div>
        <div style={{ marginTop: 2, display: 'flex', alignItems: 'baseline', gap: 4, minWidth: 0 }}>
          <div data-testid="today-reasons" title={reasons.join('\n')} style={{ minWidth: 0, flex: '0 1 auto', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: 13 }}>
            {item.reasons.map((r, i) => (
              <span key={i} data-testid="today-reason" data-reason={r.key} style={{ color: KIND_COLORS[r.kind], marginRight: 12 }}>
                {reasons[i]}
              </span>
            ))}
          </div>
          {/* The client's own time, when it is not the user's: whether to call now or later. */}
          <CustomerLocalTime timeZone={item.timeZone} variant="row" />
        </div>
      </div>
      <div role="gridcell" style={{ display: 'flex', gap: 4 }} onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
        <button type="button" className="row-action row-action-primary" data-testid="today-log" onClick={onLog}>
          <EditOutlined />
          {t('actions.log')}
        </button>
        {hasReminder ? (
          <>
            <button type="button" className="row-action" disabled={busy} data-testid="today-done" onClick={onDone}>
              <CheckOutlined />
              {t('actions.done')}
            </button>
            <RescheduleButton today={asOf} dueDate={item.dueDate} busy={busy} onPick={onReschedule} />
          </>
        ) : null}
        <button type="button" className="row-action" data-testid="today-open" onClick={onOpen} title={t('actions.open')} aria-label={t('actions.open')}>
          <FolderOpenOutlined />
        </button>
      </div>
    </div>
  );
});
