import { Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { classLabel } from '../tiers/labels';
import { useClassLabelEnv } from '../tiers/use-tier-settings';

export interface TierFilterValue {
  scheme: string;
  classes: string[];
}

interface Props {
  value: TierFilterValue | null;
  onChange(next: TierFilterValue | null): void;
  /** Every scheme the list can show, with its display name. */
  schemes: readonly { scheme: string; label: string }[];
  reloadKey: number;
}

/**
 * Filter the customer list by class in any scheme: pick a scheme, then classes. The classes offered are
 * those that occur today, with their counts, from the same overview the Tiered lists screen shows.
 */
export function TierFilter({ value, onChange, schemes, reloadKey }: Props) {
  const { t, i18n } = useTranslation('customers');
  const [scheme, setScheme] = useState<string | undefined>(value?.scheme);
  const [overview, setOverview] = useState<OutputOf<'segments:overview'> | null>(null);
  const labelEnv = useClassLabelEnv();

  useEffect(() => {
    setOverview(null);
    if (!scheme) return;
    let cancelled = false;
    api('segments:overview', { scheme })
      .then((next) => !cancelled && setOverview(next))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [scheme, reloadKey]);

  const options = (overview && overview.scheme === scheme ? overview.classes.filter((c) => c.count > 0) : []).map((c) => ({
    value: c.classKey,
    label: `${classLabel(t, scheme!, c.classKey, i18n.language, labelEnv)} (${c.count})`,
  }));

  return (
    <Space.Compact>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('tierLabels:filter.scheme')}
        aria-label={t('tierLabels:filter.scheme')}
        data-testid="filter-tier-scheme"
        style={{ width: 160 }}
        value={scheme}
        onChange={(next: string | undefined) => {
          setScheme(next);
          onChange(null);
        }}
        options={schemes.map((s) => ({ value: s.scheme, label: s.label }))}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        disabled={!scheme}
        optionFilterProp="label"
        placeholder={t('tierLabels:filter.classes')}
        aria-label={t('tierLabels:filter.classes')}
        data-testid="filter-tier-classes"
        style={{ width: 220 }}
        value={value?.classes ?? []}
        onChange={(classes: string[]) => onChange(scheme && classes.length > 0 ? { scheme, classes } : null)}
        options={options}
      />
    </Space.Compact>
  );
}
