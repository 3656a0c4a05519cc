import { MergeCellsOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { SortingState, VisibilityState } from '@tanstack/react-table';
import { Button, Input, Segmented, Space, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SORT_FIELDS, CUSTOMER_VIEWS, type CustomerRow } from '../../../shared/contract/customers';
import { localDateOf } from '../../../shared/domain/dates';
import { SCHEME_KEYS } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { hrefOf, navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace';
import { QuickFollowUp } from '../followups/QuickFollowUp';
import { NewCustomerDrawer } from '../customer-file/NewCustomerDrawer';
import { schemeColumnLabel, schemeColumnTooltip, schemeLabel } from '../tiers/labels';
import { useClassLabelEnv } from '../tiers/use-tier-settings';
import { ColumnChooser, savedVisibility, visibilityOf } from './ColumnChooser';
import { BulkActionBar } from './BulkActionBar';
import { columnLabel, customerColumns, DEFAULT_VISIBLE, FIXED_COLUMNS, schemeColumnId, schemeOfColumn, type SchemeColumn } from './customer-columns';
import { CustomerFilters, NO_FILTERS, type FilterValues } from './CustomerFilters';
import { TierFilter, type TierFilterValue } from './TierFilter';
import { useCustomerPages } from './use-customer-pages';
import { VirtualCustomerTable } from './VirtualCustomerTable';
import { ExportButton, type CustomerScope } from '../../components/ExportButton';
import { focusBackAfterClose } from '../../components/focus-back';
import { keyTargetOf } from '../../components/key-target';

type SortField = (typeof CUSTOMER_SORT_FIELDS)[number];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Names of the live custom segments by id, for their columns; empty until loaded (or if that fails). */
function useCustomSegmentNames(reloadKey: number): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    api('segments:custom:list', {})
      .then(({ segments }) => !cancelled && setNames(new Map(segments.map((s) => [s.id, s.name]))))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [reloadKey]);
  return names;
}

export function CustomerListPage() {
  const { t, i18n } = useTranslation('customers');
  const { settings, version, refresh } = useWorkspace();
  const [search, setSearch] = useState('');
  const [view, setView] = useState<(typeof CUSTOMER_VIEWS)[number]>('active');
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [tierFilter, setTierFilter] = useState<TierFilterValue | null>(null);
  const labelEnv = useClassLabelEnv();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [selected, setSelected] = useState(-1);
  const [followUpFor, setFollowUpFor] = useState<CustomerRow | null>(null);
  const [adding, setAdding] = useState(false);
  // Ticked for bulk actions, in the order ticked; `anchor` is the list index a Shift-click extends from.
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const anchor = useRef(-1);
  const tickedSet = useMemo(() => new Set(ticked), [ticked]);
  const searchRef = useRef<InputRef>(null);
  const query = useDebounced(search, 150);
  const today = localDateOf(new Date());

  const customNames = useCustomSegmentNames(version);
  const schemeColumns = useMemo<SchemeColumn[]>(
    () =>
      [...SCHEME_KEYS, ...[...customNames.keys()].map((id) => `custom:${id}`)].map((scheme) => {
        const name = schemeLabel(t, scheme, customNames);
        return { scheme, name, label: schemeColumnLabel(t, scheme, name, labelEnv), tooltip: schemeColumnTooltip(t, scheme, name, labelEnv) };
      }),
    [t, customNames, labelEnv],
  );
  const rowAtRef = useRef<(index: number) => CustomerRow | undefined>(() => undefined);
  const onTick = useCallback((row: CustomerRow, index: number, range: boolean) => {
    setTicked((current) => {
      const has = current.includes(row.id);
      if (range && anchor.current >= 0 && index >= 0) {
        // Shift: everything between the last tick and this one (the rows loaded there) takes this row's new state.
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        const span: string[] = [];
        for (let i = from; i <= to; i++) {
          const r = rowAtRef.current(i);
          if (r) span.push(r.id);
        }
        const spanSet = new Set(span);
        return has ? current.filter((id) => !spanSet.has(id)) : [...current, ...span.filter((id) => !current.includes(id))];
      }
      return has ? current.filter((id) => id !== row.id) : [...current, row.id];
    });
    anchor.current = index;
  }, []);
  const env = useMemo(
    () => ({ t, language: i18n.language, baseCurrency: settings.baseCurrency, today, onFollowUp: setFollowUpFor, schemeColumns, ...labelEnv, ticked: tickedSet, onTick }),
    [t, i18n.language, settings.baseCurrency, today, schemeColumns, labelEnv, tickedSet, onTick],
  );
  const allColumns = useMemo(
    () => customerColumns(env).filter((c) => !FIXED_COLUMNS.includes(c.id ?? (c as { accessorKey: string }).accessorKey)).map((c) => {
      const id = c.id ?? (c as { accessorKey: string }).accessorKey;
      return { id, label: columnLabel(t, id, c.header) };
    }),
    [env, t],
  );
  const [saved, setSaved] = useState<VisibilityState>(savedVisibility);
  const visibility = useMemo(
    () => ({ ...visibilityOf(allColumns.map((c) => c.id), saved, DEFAULT_VISIBLE), ...Object.fromEntries(FIXED_COLUMNS.map((id) => [id, true])) }),
    [allColumns, saved],
  );
  // Classes are computed only for the scheme columns on screen (none: the plain, fastest list).
  const schemes = schemeColumns.filter((c) => visibility[schemeColumnId(c.scheme)]).map((c) => c.scheme);

  const sort = sorting[0] ?? { id: 'name', desc: false };
  // A scheme column sorts by tier: the class's rank in that scheme, best first.
  const sortScheme = schemeOfColumn(sort.id);
  const listSort = useMemo(
    () => (sortScheme ? { field: 'tier' as const, desc: sort.desc, scheme: sortScheme } : { field: sort.id as SortField, desc: sort.desc }),
    [sortScheme, sort.id, sort.desc],
  );
  const pages = useCustomerPages({ search: query, view, ...filters, sort: listSort, ...(tierFilter ? { classFilter: tierFilter } : {}), schemes }, version);
  rowAtRef.current = pages.rowAt;
  useEffect(() => setSelected(-1), [query, view, filters, tierFilter, sorting]);
  // A new filter or view shows other customers: ticks on rows no longer shown would act unseen.
  useEffect(() => {
    setTicked([]);
    anchor.current = -1;
  }, [query, view, filters, tierFilter]);

  // "The list as shown" carries the class filter and the tier sort too.
  const listFilter = useMemo(() => ({ search: query, view, ...filters, sort: listSort, ...(tierFilter ? { classFilter: tierFilter } : {}) }), [query, view, filters, listSort, tierFilter]);
  const filtered = query.trim() !== '' || view !== 'active' || tierFilter !== null || Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
  const exportScopes = useCallback(async (): Promise<CustomerScope[]> => {
    // "All" is what an unfiltered export writes: active and archived customers (never the trash).
    const [active, archived] = await Promise.all([api('customers:list', { limit: 1 }), api('customers:list', { view: 'archived', limit: 1 })]);
    const all = active.total + archived.total;
    return [
      { key: 'all', count: all, input: {} },
      // The list as shown differs from "all" when filtered, or when archived customers are hidden from it.
      ...(filtered || archived.total > 0 ? [{ key: 'shown' as const, count: pages.total ?? 0, input: { filter: listFilter } }] : []),
      ...(ticked.length ? [{ key: 'selected' as const, count: ticked.length, input: { ids: [...ticked] } }] : []),
    ];
  }, [filtered, pages.total, listFilter, ticked]);

  const open = useCallback((row: CustomerRow) => navigate({ page: 'customer', id: row.id }), []);

  // Keyboard-first: "/" to search, arrows to move, Enter to open, F to log a follow-up.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const where = keyTargetOf(event.target);
      const typing = where === 'typing';
      if (event.key === '/' && !typing) {
        event.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (followUpFor || adding) return;
      const total = pages.total ?? 0;
      if (event.key === 'ArrowDown' && (!typing || event.target === searchRef.current?.input)) {
        event.preventDefault();
        setSelected((s) => Math.min(total - 1, s + 1));
        // Out of the search box or a button into the list; a focused row passes the focus on (use-focus-follows-selection.ts).
        if (document.activeElement?.getAttribute('role') !== 'row') (document.activeElement as HTMLElement | null)?.blur();
      } else if (event.key === 'ArrowUp' && !typing) {
        event.preventDefault();
        setSelected((s) => Math.max(0, s - 1));
      } else if (where === 'page' && selected >= 0) {
        const row = pages.rowAt(selected);
        if (!row) return;
        if (event.key === 'Enter') open(row);
        else if (event.key === 'f' || event.key === 'F') {
          event.preventDefault();
          setFollowUpFor(row);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pages, selected, followUpFor, adding, open]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', padding: 16, gap: 12 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space>
          <Segmented data-testid="customer-view" value={view} onChange={(v) => setView(v as typeof view)} options={CUSTOMER_VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))} />
          <ColumnChooser columns={allColumns} value={visibility} onChange={setSaved} />
          <ExportButton what={['customers', 'orders', 'orderLines', 'followUps']} scopes={exportScopes} />
          <Button icon={<MergeCellsOutlined />} href={hrefOf({ page: 'duplicates' })} data-testid="find-duplicates">
            {t('merge:toolbar')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-customer">
            {t('add')}
          </Button>
        </Space>
      </Space>
      <Input
        ref={searchRef}
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="customer-search"
      />
      <Space wrap>
        <CustomerFilters value={filters} onChange={setFilters} reloadKey={version} />
        <TierFilter value={tierFilter} onChange={setTierFilter} schemes={schemeColumns.map((c) => ({ scheme: c.scheme, label: c.name ?? c.label }))} reloadKey={version} />
      </Space>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" data-testid="customer-count">
          {pages.total === null ? t('common:loading') : t('count', { count: pages.total, total: pages.total })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('comfort:list.openHint')} · {t('keyboardHint')}
        </Typography.Text>
      </Space>
      {ticked.length > 0 ? (
        <BulkActionBar
          ids={ticked}
          archivedView={view === 'archived'}
          onDone={refresh}
          onClear={() => setTicked([])}
          exportButton={
            <ExportButton
              what={['customers']}
              size="small"
              testId="bulk-export"
              label={t('comfort:bulk.exportSelected')}
              scopes={async () => [{ key: 'selected', count: ticked.length, input: { ids: [...ticked] } }]}
            />
          }
        />
      ) : null}
      <VirtualCustomerTable
        total={pages.total ?? 0}
        revisions={pages.revisions}
        rowAt={pages.rowAt}
        ensureRange={pages.ensureRange}
        env={env}
        sorting={sorting}
        onSortingChange={(next) => setSorting(next.length ? next : [{ id: sort.id, desc: !sort.desc }])}
        columnVisibility={visibility}
        selected={selected}
        onSelect={setSelected}
        onOpen={open}
      />
      <QuickFollowUp
        customer={followUpFor}
        onClose={() => setFollowUpFor(null)}
        onSaved={() => {
          setFollowUpFor(null);
          refresh();
        }}
        // Opened with F on the selected row, nothing held the focus: it goes back to that row.
        afterClose={() => focusBackAfterClose('[data-testid="customer-table"] [data-testid="customer-row"][aria-selected="true"]')}
      />
      <NewCustomerDrawer
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(id) => {
          setAdding(false);
          refresh();
          navigate({ page: 'customer', id });
        }}
      />
    </div>
  );
}
