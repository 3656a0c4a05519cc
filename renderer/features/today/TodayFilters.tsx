import { Checkbox, Segmented, Select, Space, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classKeysOf } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { UserParagraph } from '../../components/UserParagraph';
import { classLabel, schemeLabel } from '../tiers/labels';
import { useClassLabelEnv } from '../tiers/use-tier-settings';

export interface TodayFilterValues {
  owner?: string;
  scheme?: string;
  classKey?: string;
  rankBy: 'priority' | 'likelihood';
  /** Only clients a call finds at work now (their clock on a working day, 08:00–20:00). */
  reachableNow?: boolean;
}

/** The schemes a stall owner plans the day by: tiers, value, RFM segments, lifecycle, loyalty. */
const FILTER_SCHEMES = ['pyramid', 'value', 'rf_segment', 'lifecycle', 'loyalty'] as const;
const NO_CUSTOM_NAMES = new Map<string, string>();
const OWNER_LIST_WIDTH = 360;

/** Owner, class (scheme + class in one pick), who is reachable now (with how many) and, when scores exist, the ranking. */
export function TodayFilters({
  value,
  onChange,
  likelihoodAvailable,
  reachableCount,
}: {
  value: TodayFilterValues;
  onChange(next: TodayFilterValues): void;
  likelihoodAvailable: boolean;
  /** Rows whose clients are at work now, over the list the other filters leave; null before the first answer. */
  reachableCount: number | null;
}) {
  const { t, i18n } = useTranslation('today');
  const labelEnv = useClassLabelEnv();
  // Owners are read when the list is first opened, not with the page: Today's rows come first.
  const [owners, setOwners] = useState<string[] | null>(null);
  const loadOwners = (open: boolean) => {
    if (!open || owners !== null) return;
    setOwners([]);
    api('customers:facets', {})
      .then((f) => setOwners(f.owners))
      .catch(() => setOwners(null));
  };
  const classOptions = useMemo(
    () =>
      FILTER_SCHEMES.map((scheme) => ({
        label: schemeLabel(t, scheme, NO_CUSTOM_NAMES),
        options: (classKeysOf(scheme) ?? []).map((classKey) => ({ value: `${scheme}|${classKey}`, label: `${schemeLabel(t, scheme, NO_CUSTOM_NAMES)} · ${classLabel(t, scheme, classKey, i18n.language, labelEnv)}` })),
      })),
    [t, i18n.language, labelEnv],
  );
  return (
    <Space wrap>
      <Select
        data-testid="today-filter-owner"
        allowClear
        showSearch
        style={{ width: 170 }}
        placeholder={t('filters.allOwners')}
        value={value.owner}
        onChange={(owner?: string) => onChange({ ...value, owner: owner ?? undefined })}
        onOpenChange={loadOwners}
        options={(owners ?? (value.owner ? [value.owner] : [])).map((o) => ({ value: o, label: o }))}
        // Owners are names people typed, up to 80 characters: ten alike but for their ending were ten identical
        // "销售经理SalesMan…" in a list as narrow as the box. A wider list, each name whole on its lines, in its own direction.
        popupMatchSelectWidth={OWNER_LIST_WIDTH}
        optionRender={(option) => <UserParagraph text={String(option.value)} />}
        aria-label={t('filters.owner')}
      />
      <Select
        data-testid="today-filter-class"
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 230 }}
        placeholder={t('filters.allClasses')}
        value={value.scheme && value.classKey ? `${value.scheme}|${value.classKey}` : undefined}
        onChange={(picked?: string) => {
          const [scheme, classKey] = picked ? picked.split('|') : [undefined, undefined];
          onChange({ ...value, scheme, classKey });
        }}
        options={classOptions}
        aria-label={t('filters.cls')}
      />
      <Tooltip title={t('filters.reachableNowHint')}>
        {/* The box's own props reach its input: the test id goes on a span holding box and words. */}
        <span data-testid="today-filter-reachable" data-checked={Boolean(value.reachableNow)}>
          <Checkbox checked={Boolean(value.reachableNow)} onChange={(event) => onChange({ ...value, reachableNow: event.target.checked || undefined })}>
            {reachableCount === null ? t('filters.reachableNow') : t('filters.reachableNowCount', { count: reachableCount })}
          </Checkbox>
        </span>
      </Tooltip>
      {likelihoodAvailable ? (
        <Segmented
          data-testid="today-rank-by"
          value={value.rankBy}
          onChange={(rankBy) => onChange({ ...value, rankBy: rankBy as TodayFilterValues['rankBy'] })}
          options={[
            { value: 'priority', label: t('filters.priority') },
            { value: 'likelihood', label: t('filters.likelihood') },
          ]}
        />
      ) : null}
    </Space>
  );
}
