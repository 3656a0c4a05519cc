/** Data that arrives complete: inferred places, the home location, order currency and conversion. */
export const data = {
  'zh-CN': {
    places: {
      title: '已自动补全客户所在地（文件中没有国家列或该列为空）',
      countryFromPhone_one: '国家来自电话号码的国家区号（如 +86 → 中国）：{{count}} 位',
      countryFromPhone_other: '国家来自电话号码的国家区号（如 +86 → 中国）：{{count}} 位',
      countryFromRegion_one: '国家来自省份名称：{{count}} 位',
      countryFromRegion_other: '国家来自省份名称：{{count}} 位',
      countryFromCity_one: '国家来自城市名称：{{count}} 位',
      countryFromCity_other: '国家来自城市名称：{{count}} 位',
      regionFromCity_one: '省份来自城市名称：{{count}} 位',
      regionFromCity_other: '省份来自城市名称：{{count}} 位',
      formHint: '根据{{from}}推断为 {{country}}',
      from: { phone: '电话号码', region: '省份', city: '城市' },
      formRegionHint: '根据城市推断省份为 {{region}}',
      apply: '使用',
    },
    home: {
      title: '你的店铺在哪里？',
      intro: '客户的“本地 / 外地 / 海外”按你的所在地计算。只需设置一次，以后可在设置中修改。',
      country: '国家/地区',
      region: '省份',
      regionPlaceholder: '例如：广东',
      save: '保存',
      later: '以后再说',
    },
    orders: {
      usualCurrency: '按该客户最近一笔订单的币种 {{currency}} 预填',
      converted: '折合本位币：{{amount}}（汇率 {{rate}}）',
    },
    settings: {
      baseCurrencyLocked: '已有订单，本位币不能再修改：订单的汇率已按当前本位币锁定。',
    },
  },
  en: {
    places: {
      title: 'Filled in where customers are (the file had no country, or left it blank)',
      countryFromPhone_one: 'Country read from the phone number’s country code (e.g. +86 → China): {{count}} customer',
      countryFromPhone_other: 'Country read from the phone number’s country code (e.g. +86 → China): {{count}} customers',
      countryFromRegion_one: 'Country read from the province name: {{count}} customer',
      countryFromRegion_other: 'Country read from the province name: {{count}} customers',
      countryFromCity_one: 'Country read from the city name: {{count}} customer',
      countryFromCity_other: 'Country read from the city name: {{count}} customers',
      regionFromCity_one: 'Province read from the city name: {{count}} customer',
      regionFromCity_other: 'Province read from the city name: {{count}} customers',
      formHint: 'Inferred from the {{from}}: {{country}}',
      from: { phone: 'phone number', region: 'province', city: 'city' },
      formRegionHint: 'Province inferred from the city: {{region}}',
      apply: 'Use',
    },
    home: {
      title: 'Where is your business?',
      intro: 'Customers are local, non-local or overseas as seen from your location. Set it once; you can change it in Settings.',
      country: 'Country/region',
      region: 'Province/state',
      regionPlaceholder: 'e.g. Guangdong',
      save: 'Save',
      later: 'Later',
    },
    orders: {
      usualCurrency: 'Prefilled with {{currency}}, the currency of this customer’s last order',
      converted: 'In the base currency: {{amount}} (rate {{rate}})',
    },
    settings: {
      baseCurrencyLocked: 'Orders exist, so the base currency can no longer change: their rates are locked to it.',
    },
  },
};
