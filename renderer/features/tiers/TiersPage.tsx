import { SearchOutlined } from '@ant-design/icons';
import type { SortingState } from '@tanstack/react-table';
import { Alert, Button, DatePicker, Input, message, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { MemberRow } from '../../../shared/contract/segmentation';
import { SCHEME_KEYS, type RuleGroup } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { focusBackAfterClose } from '../../components/focus-back';
import { keyTargetOf } from '../../components/key-target';
import { formatDate, formatMoney } from '../../components/format';
import { ClassSummary } from './ClassSummary';
import { groupText as groupWords, partitionText } from './cut-text';
import { GroupSummary } from './GroupSummary';
import { RankingCaveatNote } from './RankingCaveatNote';
import { overviewCaveats } from '../../../shared/domain/ranking-caveat';
import { useTierPartition } from './use-tier-partition';
import { ExplainDrawer } from './ExplainDrawer';
import { exportMembersCsv } from './export-csv';
import { classLabel, schemeLabel } from './labels';
import { SORT_OF } from './member-columns';
import { MemberTable } from './MemberTable';
import { PoliciesDrawer } from './PoliciesDrawer';
import { SegmentationSettingsDrawer } from './SegmentationSettingsDrawer';
import { CustomSegmentsDrawer } from './CustomSegmentsDrawer';
import { useMemberPages, type MemberQuery } from './use-member-pages';
import { ExportButton } from '../../components/ExportButton';
import { RecomputeButton } from './RecomputeButton';
import { useClassLabelEnv } from './use-tier-settings';
import { ClassTopProducts } from '../offering/ClassTopProducts';
import { StoredDayView } from './StoredDayView';
import { PageTitle } from '../../components/PageTitle';

/** Tiered lists: pick a scheme → its classes with counts, revenue and share → the members of a class. */
export function TiersPage() {
  const { t, i18n } = useTranslation('tiers');
  const language = i18n.language;
  const { settings, version, tiersSettled } = useWorkspace();
  const [scheme, setScheme] = useState('pyramid');
  const [classKey, setClassKey] = useState<string | undefined>(undefined);
  const [group, setGroup] = useState<string | undefined>(undefined);
  const groupNames = useTierPartition();
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'revenueMinor', desc: true }]);
  const [overview, setOverview] = useState<OutputOf<'segments:overview'> | null>(null);
  const [customNames, setCustomNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [customRules, setCustomRules] = useState<ReadonlyMap<string, RuleGroup>>(new Map());
  // The window, the bases and the spellings: what every class label on the page says depends on.
  const labelEnv = useClassLabelEnv();
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  const [panel, setPanel] = useState<'policies' | 'config' | 'custom' | null>(null);
  // A past day shows that day's stored tiers (StoredDayView); empty or today: the live list.
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const pastDay = asOf && asOf.isBefore(dayjs(), 'day') ? asOf.format('YYYY-MM-DD') : null;

  useEffect(() => {
    let cancelled = false;
    api('segments:custom:list', {})
      .then(({ segments }) => {
        if (cancelled) return;
        setCustomNames(new Map(segments.map((s) => [s.id, s.name])));
        setCustomRules(new Map(segments.map((s) => [s.id, s.rule])));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [version, reloads]);

  useEffect(() => {
    let cancelled = false;
    api('segments:overview', { scheme })
      .then((next) => {
        if (cancelled) return;
        setOverview(next);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [scheme, version, reloads, tiersSettled, t]);

  // A deleted custom segment cannot stay selected.
  useEffect(() => {
    if (scheme.startsWith('custom:') && !customNames.has(scheme.slice('custom:'.length))) setScheme('pyramid');
  }, [scheme, customNames]);

  const sort = sorting[0];
  const partitioned = overview?.scheme === scheme && overview.groups !== null && overview.partition !== 'none';
  // The group goes with the scheme whose overview offered it: another scheme (not ranked within groups, or not
  // loaded yet) is asked for without it, as the service refuses a group its scheme does not have.
  const shownGroup = partitioned && overview.groups?.some((g) => g.group === group) ? group : undefined;
  const query: MemberQuery = useMemo(
    () => ({ scheme, classKey, group: shownGroup, search, sort: (SORT_OF[sort?.id ?? 'revenueMinor'] ?? 'revenue') as 'revenue', direction: sort?.desc === false ? 'asc' : 'desc' }),
    [scheme, classKey, shownGroup, search, sort?.id, sort?.desc],
  );
  const groupText = useMemo(
    () => (partitioned && overview ? (key: string) => groupWords(t, overview.partition, key, groupNames ?? {}, language) : undefined),
    [partitioned, overview, t, groupNames, language],
  );
  // A group filter belongs to the partition it came from.
  useEffect(() => {
    if (overview && group !== undefined && !overview.groups?.some((g) => g.group === group)) setGroup(undefined);
  }, [overview, group]);
  const pages = useMemberPages(query, `${version}:${reloads}:${tiersSettled}`);
  const [selected, setSelected] = useState(-1);
  useEffect(() => setSelected(-1), [query]);
  // Keyboard as on the customer list: ↑↓ move over the members, Enter opens the selected one's explanation.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const where = keyTargetOf(event.target);
      if (where === 'typing' || open || panel) return;
      const total = pages.total ?? 0;
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && total > 0) {
        event.preventDefault();
        setSelected((s) => (event.key === 'ArrowDown' ? Math.min(total - 1, s + 1) : Math.max(0, s - 1)));
        // Back to the list: a focused button would otherwise take the next Enter from the selected member.
        if (where === 'control') (document.activeElement as HTMLElement | null)?.blur();
      } else if (event.key === 'Enter' && where === 'page' && selected >= 0) {
        const row = pages.rowAt(selected);
        if (!row) return;
        event.preventDefault();
        setOpen({ id: row.id, name: row.name });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pages, selected, open, panel]);
  const env = useMemo(() => ({ t, language, baseCurrency: settings.baseCurrency, scheme, ...labelEnv, groupText }), [t, language, settings.baseCurrency, scheme, labelEnv, groupText]);
  // Stable while the overview is, so the policies drawer does not reload on every render.
  const policyClasses = useMemo(() => (overview ? overview.classes.filter((c) => c.count > 0 || overview.classes.length <= 12).map((c) => c.classKey) : []), [overview]);
  const schemes = [...SCHEME_KEYS, ...[...customNames.keys()].map((id) => `custom:${id}`)];

  const exportCsv = () =>
    void exportMembersCsv(query, { t, language, currency: settings.baseCurrency, ...labelEnv, fileName: `tiers-${scheme.replace(':', '-')}${classKey ? `-${classKey}` : ''}.csv` }).catch((e: unknown) =>
      setError(errorText(e, t)),
    );

  return (
    <div style={{ padding: 24, height: '100%', display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="tiers-page">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Typography.Text type="secondary">
          {overview
            ? overview.window.start
              ? t('asOf', { date: formatDate(overview.asOf, language), start: formatDate(overview.window.start, language), end: formatDate(overview.window.end, language) })
              : t('asOfAll', { date: formatDate(overview.asOf, language) })
            : t('subtitle')}
        </Typography.Text>
        {overview && overview.placedSince > 0 ? (
          <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="tiers-placed-since">
            {t('placedSince', { count: overview.placedSince, time: dayjs(overview.cutsComputedAt).format('HH:mm') })}
          </Typography.Text>
        ) : null}
      </div>
      <Space wrap>
        <Select
          aria-label={t('scheme')}
          data-testid="scheme-select"
          style={{ width: 220 }}
          showSearch
          optionFilterProp="label"
          value={scheme}
          onChange={(next) => {
            setScheme(next);
            setClassKey(undefined);
          }}
          options={schemes.map((s) => ({ value: s, label: schemeLabel(t, s, customNames) }))}
        />
        <Select
          aria-label={t('allClasses')}
          data-testid="class-select"
          style={{ width: 200 }}
          allowClear
          placeholder={t('allClasses')}
          value={classKey}
          onChange={(next) => setClassKey(next)}
          options={(overview?.scheme === scheme ? overview.classes.filter((c) => c.count > 0) : []).map((c) => ({ value: c.classKey, label: classLabel(t, scheme, c.classKey, language, labelEnv) }))}
        />
        <DatePicker
          aria-label={t('evaluation:asOf.label')}
          data-testid="tiers-as-of"
          placeholder={t('evaluation:asOf.placeholder')}
          prefix={t('evaluation:asOf.label')}
          value={asOf}
          onChange={setAsOf}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          style={{ width: 230 }}
        />
        <Input.Search
          allowClear
          placeholder={t('search')}
          aria-label={t('search')}
          // The search button is an icon alone: it needs words for a screen reader.
          enterButton={<Button icon={<SearchOutlined />} aria-label={t('search')} />}
          style={{ width: 240 }}
          onSearch={setSearch}
          data-testid="tiers-search"
        />
        <RecomputeButton onDone={() => setReloads((n) => n + 1)} />
        <Button onClick={exportCsv} data-testid="export-csv">
          {t('exportCsv')}
        </Button>
        {classKey ? <ExportButton what={['customers']} tier={{ scheme, classKey }} label={t('transfer:exportTier')} /> : null}
        <Button onClick={() => setPanel('policies')} data-testid="open-policies">
          {t('policies.button')}
        </Button>
        <Button onClick={() => setPanel('config')} data-testid="open-segmentation-settings">
          {t('config.button')}
        </Button>
        <Button onClick={() => setPanel('custom')} data-testid="open-custom-segments">
          {t('custom.button')}
        </Button>
      </Space>
      {error ? (
        <Alert type="error" showIcon title={t('loadFailed', { message: error })} action={<Button size="small" onClick={() => setReloads((n) => n + 1)}>{t('retry')}</Button>} />
      ) : null}
      {pastDay ? (
        <StoredDayView scheme={scheme} asOf={pastDay} search={search} onBack={() => setAsOf(null)} />
      ) : overview ? (
        <>
          <Typography.Text data-testid="tiers-total">
            {t('totalRevenue', { amount: formatMoney(overview.revenueMinor, overview.baseCurrency, language), count: overview.customers })}
          </Typography.Text>
          {overviewCaveats(overview, shownGroup).map(({ group: about, caveat }) => (
            <RankingCaveatNote key={about ?? ''} caveat={caveat} group={about === undefined ? undefined : (groupText?.(about) ?? about)} testId="tiers-caveat" />
          ))}
          {overview.scheme === 'rfm' ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="rfm-help">
              {t('tierLabels:rfmHelp')}
            </Typography.Paragraph>
          ) : null}
          {partitioned && groupText ? (
            <GroupSummary overview={overview} partitionName={partitionText(t, overview.partition)} groupText={groupText} selected={group} onSelect={setGroup} />
          ) : null}
          <ClassSummary overview={overview} selected={classKey} labels={labelEnv} onSelect={setClassKey} />
          <ClassTopProducts scheme={scheme} classKey={classKey} reloadKey={overview} />
        </>
      ) : error ? null : (
        <Spin />
      )}
      {!pastDay && pages.total !== null ? (
        <MemberTable
          total={pages.total}
          revisions={pages.revisions}
          rowAt={pages.rowAt}
          ensureRange={pages.ensureRange}
          env={env}
          sorting={sorting}
          onSortingChange={setSorting}
          selected={selected}
          onOpen={(row: MemberRow, index: number) => {
            setSelected(index);
            setOpen({ id: row.id, name: row.name });
          }}
        />
      ) : null}
      <PoliciesDrawer open={panel === 'policies'} scheme={scheme} classes={policyClasses} customNames={customNames} onClose={() => setPanel(null)} />
      <CustomSegmentsDrawer open={panel === 'custom'} baseCurrency={settings.baseCurrency} onClose={() => setPanel(null)} onChanged={() => setReloads((n) => n + 1)} />
      <SegmentationSettingsDrawer open={panel === 'config'} onClose={() => setPanel(null)} onSaved={() => setReloads((n) => n + 1)} />
      <ExplainDrawer
        customer={open}
        scheme={scheme}
        schemes={schemes}
        customNames={customNames}
        customRules={customRules}
        baseCurrency={settings.baseCurrency}
        onClose={() => setOpen(null)}
        // Opened by Enter on the selected member or a click on a row, nothing held the focus: it goes back to that member.
        afterClose={() => focusBackAfterClose('[data-testid="member-table"] [data-testid="member-row"][aria-selected="true"]')}
      />
    </div>
  );
}
