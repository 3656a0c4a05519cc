import { Form, Input, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, countryName } from '../../components/format';
import { isTooLong, tooLongText } from '../../components/length-limit';

export interface HomeLocation {
  homeCountry: string;
  homeRegion: string;
}

/** The longest province the settings keep (shared/contract/settings.ts). */
const HOME_REGION_MAX = 80;

/** Whether the answer can be saved: a province over its limit is said under its box and waits to be shortened. */
export function homeLocationFits(home: HomeLocation): boolean {
  return !isTooLong(home.homeRegion, HOME_REGION_MAX);
}

/** Where the business is: the country and province that "local", "non-local" and "overseas" are measured from. */
export function HomeLocationFields({ value, onChange }: { value: HomeLocation; onChange(next: HomeLocation): void }) {
  const { t, i18n } = useTranslation('data');
  const countryOptions = useMemo(
    () => COUNTRY_CODES.map((c) => ({ value: c, label: `${countryName(c, i18n.language)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [i18n.language],
  );
  const tooLong = tooLongText(t, i18n.language, value.homeRegion, HOME_REGION_MAX);
  return (
    // Top-aligned: a province said too long under its box does not push the country's box down beside it.
    <Space wrap size="middle" align="start">
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
        {/* No form here: the item only lends the box its error look and the message its place, as wide as the box. */}
        <Form.Item validateStatus={tooLong ? 'error' : undefined} help={tooLong ?? undefined} style={{ marginBottom: 0, width: 200 }}>
          <Input
            data-testid="home-region"
            placeholder={t('home.regionPlaceholder')}
            value={value.homeRegion}
            onChange={(e) => onChange({ ...value, homeRegion: e.target.value })}
          />
        </Form.Item>
      </label>
    </Space>
  );
}
