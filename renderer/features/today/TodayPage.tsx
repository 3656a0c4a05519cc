import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, App, Button, Empty, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayItemRow } from '../../../shared/contract/today';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { formatDate } from '../../components/format';
import { focusBackAfterClose } from '../../components/focus-back';
import { keyTargetOf } from '../../components/key-target';
import { useFocusFollowsSelection } from '../../components/use-focus-follows-selection';
import { useQuarterHour } from '../../components/use-minute';
import { QuickFollowUp } from '../followups/QuickFollowUp';
import { DaysAfterTodayNotice } from './DaysAfterTodayNotice';
import { TodayFilters, type TodayFilterValues } from './TodayFilters';
import { ROW_HEIGHT, TodayRow } from './TodayRow';
import './today-group.css';
import { rememberedOverdue } from './today-shape';
import { useToday, type TodayQuery } from './use-today';

const HEADER_HEIGHT = 40;
/** Rows drawn beyond the visible ones, each way. */
const OVERSCAN = 8;
/** Above this many overdue reminders the group starts collapsed, so today's work is on the first screen. */
const OPEN_OVERDUE_UP_TO = 3;

type Entry = { type: 'header'; group: 'overdue' | 'today'; count: number } | { type: 'item'; index: number };

/**
 * Today (今日), the home screen: one prioritised list of whom to serve and why. Overdue reminders come
 * first as a collapsible group; today's work follows. Only the rows on screen exist (virtualised), so the
 * list opens at once at any size.
 */
export function TodayPage() {
  const { t, i18n } = useTranslation('today');
  const { message } = App.useApp();
  const { version, tiersSettled, refresh } = useWorkspace();
  const [filters, setFilters] = useState<TodayFilterValues>({ rankBy: 'priority' });
  const [overdueOpen, setOverdueOpen] = useState<boolean | null>(null);
  const [selected, setSelected] = useState(-1);
  const [logging, setLogging] = useState<{ id: string; name: string; timeZone: TodayItemRow['timeZone'] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Who is at work changes with the clock: the list (and its count) are asked again each quarter hour.
  const quarterHour = useQuarterHour();
  // A list opened again whose overdue group was collapsed when last answered opens on today's rows, past the
  // overdue ones: those are asked for at once, not the first page and then them (today-shape.ts).
  const scrollRef = useRef<HTMLDivElement>(null);
  const openAt = useCallback(
    (query: TodayQuery) => {
      const remembered = rememberedOverdue(query);
      if (remembered === undefined || (overdueOpen ?? remembered <= OPEN_OVERDUE_UP_TO)) return undefined;
      const rowsOnScreen = Math.ceil((scrollRef.current?.clientHeight || window.innerHeight) / ROW_HEIGHT) + OVERSCAN;
      return { first: remembered, last: remembered + rowsOnScreen };
    },
    [overdueOpen],
  );
  const { rowAt, ensureRange, revision, total, summary, error } = useToday(filters, `${version}:${tiersSettled}:${quarterHour}`, openAt);

  const overdue = summary?.counts.overdue ?? 0;
  const count = total ?? 0;
  const open = overdueOpen ?? overdue <= OPEN_OVERDUE_UP_TO;
  // The list as shown: [overdue header, overdue rows if open, today header, today's rows]; headers only when there is an overdue group.
  const entryCount = overdue === 0 ? count : count - (open ? 0 : overdue) + 2;
  const entryAt = useCallback(
    (v: number): Entry => {
      if (overdue === 0) return { type: 'item', index: v };
      if (v === 0) return { type: 'header', group: 'overdue', count: overdue };
      const shownOverdue = open ? overdue : 0;
      if (v <= shownOverdue) return { type: 'item', index: v - 1 };
      if (v === shownOverdue + 1) return { type: 'header', group: 'today', count: count - overdue };
      return { type: 'item', index: v - 2 + (open ? 0 : overdue) };
    },
    [overdue, open, count],
  );
  const entryOf = useCallback((index: number) => (overdue === 0 ? index : index < overdue ? index + 1 : index + 2 - (open ? 0 : overdue)), [overdue, open]);

  const virtualizer = useVirtualizer({
    count: entryCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: (v) => (entryAt(v).type === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
    overscan: OVERSCAN,
    // Rows render in the same frame as their data arrives, not one resize observation later.
    initialRect: { width: 1100, height: 640 },
  });
  useEffect(() => virtualizer.measure(), [open, overdue, virtualizer]);
  const visible = virtualizer.getVirtualItems();
  const items = visible.map((v) => entryAt(v.index)).filter((e): e is { type: 'item'; index: number } => e.type === 'item');
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  // Nothing drawn yet, nothing to ask: the first answer (PageCache.restart's pages) says what there is.
  const drawn = items.length > 0;
  useEffect(() => {
    if (drawn) ensureRange(first, last);
  }, [drawn, first, last, ensureRange]);
  useEffect(() => setSelected(-1), [filters]);
  useEffect(() => {
    if (selected >= 0) virtualizer.scrollToIndex(entryOf(selected), { align: 'auto' });
  }, [selected, entryOf, virtualizer]);
  useFocusFollowsSelection(scrollRef, selected);

  /** After any action: the list reloads and the navigation badge recounts. */
  const changed = refresh;
  const act = async (item: TodayItemRow, what: 'done' | 'reschedule', date?: string) => {
    setBusy(item.customerId);
    try {
      for (const id of item.followUpIds) {
        if (what === 'done') await api('followups:markDone', { id });
        else await api('followups:reschedule', { id, nextContactDate: date! });
      }
      void message.success(what === 'done' ? t('markedDone') : t('rescheduled', { date: formatDate(date!, i18n.language) }));
      changed();
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };
  const openFile = useCallback((item: TodayItemRow) => navigate({ page: 'customer', id: item.customerId }), []);

  // Keyboard as on the customer list: ↑↓ move (over the rows on show), Enter opens the file, F logs a follow-up.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const where = keyTargetOf(event.target);
      if (where === 'typing' || logging || document.querySelector('.ant-popover:not(.ant-popover-hidden)')) return;
      const firstShown = overdue > 0 && !open ? overdue : 0;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setSelected((s) => (event.key === 'ArrowDown' ? Math.min(count - 1, Math.max(firstShown, s + 1)) : Math.max(firstShown, s - 1)));
        // Back to the list: a row button left focused would otherwise take the next Enter from the selected row.
        if (where === 'control') (document.activeElement as HTMLElement | null)?.blur();
      } else if (where === 'page' && selected >= 0) {
        const row = rowAt(selected);
        if (!row) return;
        if (event.key === 'Enter') openFile(row);
        else if (event.key === 'f' || event.key === 'F') {
          event.preventDefault();
          setLogging({ id: row.customerId, name: row.customerName, timeZone: row.timeZone });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, overdue, open, selected, logging, rowAt, openFile]);

  return (
    <div data-testid="today-page" data-total={total ?? ''} data-overdue={summary?.counts.overdue ?? ''} style={{ display: 'flex', flexDirection: 'column', height: '100%', padding: 16, gap: 10 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space align="baseline" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {summary ? <Typography.Text type="secondary">{t('asOf', { date: formatDate(summary.asOf, i18n.language) })}</Typography.Text> : null}
          {total !== null ? (
            <Typography.Text data-testid="today-total" strong>
              {t('total', { count: total })}
            </Typography.Text>
          ) : null}
          {/* Said in the header's own line, so the list does not move when it comes and goes. */}
          {summary && summary.placedSince > 0 ? (
            <Tooltip title={t('updatingWhy', { count: summary.placedSince })}>
              <Typography.Text type="secondary" data-testid="today-updating" style={{ fontSize: 12 }}>
                {t('updating')}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </Space>
        <TodayFilters value={filters} onChange={setFilters} likelihoodAvailable={summary?.likelihoodAvailable ?? false} reachableCount={summary?.reachableNow ?? null} />
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('subtitle')} {t('keyboardHint')}
      </Typography.Text>
      <DaysAfterTodayNotice />
      {error ? <Alert type="error" showIcon title={t('loadFailed', { message: errorText(error, t) })} action={<Button size="small" onClick={refresh}>{t('retry')}</Button>} /> : null}
      <div ref={scrollRef} data-testid="today-list" role="grid" style={{ flex: 1, overflow: 'auto', background: '#fff', border: '1px solid #f0f0f0' }}>
        {total === 0 && filters.reachableNow ? (
          <Empty data-testid="today-empty" description={t('emptyReachable')} style={{ padding: 48 }}>
            <Button data-testid="today-show-everyone" onClick={() => setFilters({ ...filters, reachableNow: undefined })}>
              {t('showEveryone')}
            </Button>
          </Empty>
        ) : total === 0 ? (
          <Empty data-testid="today-empty" description={t('empty')} style={{ padding: 48 }} />
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {visible.map((v) => {
            const entry = entryAt(v.index);
            const style = { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` } as const;
            if (entry.type === 'header') {
              const label = `${t(`group.${entry.group}`)} (${entry.count})`;
              // The overdue group opens and closes: a button, so Tab reaches it and Enter or Space toggles it
              // (a clickable row answered the mouse only), saying whether it is open in aria-expanded. A header is a
              // row of the grid with one cell, as the grid's rows may only hold cells.
              return (
                <div key={`h-${entry.group}`} role="row" style={style}>
                  {entry.group === 'overdue' ? (
                    <div role="gridcell">
                      <button type="button" className="today-group today-group-overdue" data-testid="today-group-overdue" data-count={entry.count} aria-expanded={open} onClick={() => setOverdueOpen(!open)} style={{ width: '100%' }}>
                        {open ? <DownOutlined /> : <RightOutlined />}
                        {label}
                        <span className="today-group-action">{open ? t('collapse') : t('expand')}</span>
                      </button>
                    </div>
                  ) : (
                    <div role="gridcell" className="today-group" data-testid="today-group-today" data-count={entry.count}>
                      {label}
                      {entry.count === 0 ? <Typography.Text type="secondary" style={{ fontWeight: 400 }}>{t('emptyToday')}</Typography.Text> : null}
                    </div>
                  )}
                </div>
              );
            }
            const row = rowAt(entry.index);
            return (
              <div key={v.key} style={style}>
                {row ? (
                  <TodayRow
                    item={row}
                    asOf={summary?.asOf ?? row.dueDate}
                    selected={selected === entry.index}
                    busy={busy === row.customerId}
                    onSelect={() => setSelected(entry.index)}
                    onOpen={() => openFile(row)}
                    onLog={() => setLogging({ id: row.customerId, name: row.customerName, timeZone: row.timeZone })}
                    onDone={() => void act(row, 'done')}
                    onReschedule={(date) => void act(row, 'reschedule', date)}
                  />
                ) : (
                  <div role="row" data-testid="today-item-loading" style={{ height: ROW_HEIGHT, padding: '14px 12px' }} key={revision}>
                    <div role="gridcell">
                      <Skeleton.Input active size="small" style={{ width: 300 }} />
                    </div>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <QuickFollowUp
        customer={logging}
        timeZone={logging?.timeZone}
        onClose={() => setLogging(null)}
        onSaved={() => {
          setLogging(null);
          changed();
        }}
        // Opened with F on the selected row, nothing held the focus: it goes back to that row.
        afterClose={() => focusBackAfterClose('[data-testid="today-list"] [data-testid="today-item"][aria-selected="true"]')}
      />
    </div>
  );
}
