import { Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_TYPES, LOCALITIES, type CustomerType, type Locality } from '../../../shared/contract/enums';
import { PAYMENT_FILTERS } from '../../../shared/contract/customers';

type PaymentFilter = (typeof PAYMENT_FILTERS)[number];
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { countryName } from '../../components/format';

export interface FilterValues {
  types: CustomerType[];
  localities: Locality[];
  countries: string[];
  tags: string[];
  owners: string[];
  /** Customers who owe money, or whose payment is overdue. */
  payment?: PaymentFilter;
}

export const NO_FILTERS: FilterValues = { types: [], localities: [], countries: [], tags: [], owners: [] };

export function CustomerFilters({ value, onChange, reloadKey }: { value: FilterValues; onChange(next: FilterValues): void; reloadKey: number }) {
  const { t, i18n } = useTranslation('customers');
  const [facets, setFacets] = useState<OutputOf<'customers:facets'>>({ countries: [], tags: [], owners: [], sources: [] });
  useEffect(() => {
    void api('customers:facets', {}).then(setFacets);
  }, [reloadKey]);

  // A filter's only name is its placeholder, which a screen reader does not read: it is the label too.
  const select = <K extends Exclude<keyof FilterValues, 'payment'>>(key: K, options: { value: string; label: string }[], width = 140) => {
    const name = t(`filters.${key === 'types' ? 'type' : key === 'localities' ? 'locality' : key === 'countries' ? 'country' : key === 'tags' ? 'tag' : 'owner'}`);
    return (
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={name}
        aria-label={name}
        data-testid={`filter-${key}`}
        style={{ width }}
        value={value[key]}
        onChange={(next) => onChange({ ...value, [key]: next })}
        options={options}
        optionFilterProp="label"
      />
    );
  };

  return (
    <Space wrap>
      {select('types', CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`common:customerType.${v}`) })))}
      {select('localities', LOCALITIES.map((v) => ({ value: v, label: t(`common:locality.${v}`) })))}
      {select('countries', facets.countries.map((v) => ({ value: v, label: countryName(v, i18n.language) })), 160)}
      {select('tags', facets.tags.map((v) => ({ value: v, label: v })))}
      {select('owners', facets.owners.map((v) => ({ value: v, label: v })))}
      <Select<PaymentFilter>
        allowClear
        placeholder={t('orders:filter.placeholder')}
        aria-label={t('orders:filter.placeholder')}
        data-testid="filter-payment"
        style={{ width: 140 }}
        value={value.payment}
        onChange={(next) => onChange({ ...value, payment: next ?? undefined })}
        options={PAYMENT_FILTERS.map((v) => ({ value: v, label: t(`orders:filter.${v}`) }))}
      />
    </Space>
  );
}
