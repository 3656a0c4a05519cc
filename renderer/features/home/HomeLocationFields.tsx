import { Input, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, countryName } from '../../components/format';

export interface HomeLocation {
  homeCountry: string;
  homeRegion: string;
}

/** Where the business is: the country and province that "local", "non-local" and "overseas" are measured from. */
export function HomeLocationFields({ value, onChange }: { value: HomeLocation; onChange(next: HomeLocation): void }) {
  const { t, i18n } = useTranslation('data');
  const countryOptions = useMemo(
    () => COUNTRY_CODES.map((c) => ({ value: c, label: `${countryName(c, i18n.language)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [i18n.language],
  );
  return (
    <Space wrap size="middle">
      <label>
        <div>{t('home.country')}</div>
        <Select
          data-testid="home-country"
          style={{ width: 240 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={countryOptions}
          value={value.homeCountry}
          onChange={(homeCountry: string) => onChange({ ...value, homeCountry })}
        />
      </label>
      <label>
        <div>{t('home.region')}</div>
        <Input
          data-testid="home-region"
          style={{ width: 200 }}
          maxLength={80}
          placeholder={t('home.regionPlaceholder')}
          value={value.homeRegion}
          onChange={(e) => onChange({ ...value, homeRegion: e.target.value })}
        />
      </label>
    </Space>
  );
}
