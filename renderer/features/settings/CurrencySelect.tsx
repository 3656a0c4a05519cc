import { Select, type RefSelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_CURRENCIES, currencyLabel, isCodeShaped } from './currencies';

interface Props {
  /** Given by Form.Item: the id its label's for= names, so the label is the picker's accessible name. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
  /** Codes to offer besides the common ones (e.g. the current value, currencies already in use). */
  extra?: string[];
  testId?: string;
  style?: React.CSSProperties;
  /** Forwarded so Form.getFieldInstance finds the field (server issues land on it). */
  ref?: React.Ref<RefSelectProps>;
}

/** A searchable currency picker that also accepts any typed 3-letter code; works as a Form.Item control. */
export function CurrencySelect({ id, value, onChange, disabled, extra = [], testId, style, ref }: Props) {
  const { t, i18n } = useTranslation('settings');
  const [search, setSearch] = useState('');
  const typed = isCodeShaped(search) ? [search.trim().toUpperCase()] : [];
  const codes = [...new Set([...COMMON_CURRENCIES, ...extra, ...(value ? [value] : []), ...typed])];
  const options = codes.map((code) => ({ value: code, label: currencyLabel(code, i18n.language) }));

  return (
    <Select
      ref={ref}
      id={id}
      data-testid={testId}
      value={value}
      disabled={disabled}
      style={style}
      placeholder={t('currencyPlaceholder')}
      onChange={(code: string) => {
        setSearch('');
        onChange?.(code);
      }}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()),
      }}
      options={options}
    />
  );
}
