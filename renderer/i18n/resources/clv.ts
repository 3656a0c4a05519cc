/** Customer lifetime value: its horizon and monthly discount rate (Settings), and the sentence that states them. */
export const clv = {
  'zh-CN': {
    title: '客户价值 (CLV)',
    horizon: '预测期',
    horizonUnit: '个月',
    horizonHelp: '客户价值计算未来多少个月的预计购买（1–120）',
    discount: '月折现率',
    discountHelp: '越远的月份，价值打的折扣越多（0–10%；0 表示不折现）',
    appliesAtRecompute: '修改后，在下次重新计算分级时（手动或每日自动）生效。',
    basis: '客户价值 (CLV) = 未来 {{months}} 个月的预计购买 × 预计客单价，每月按 {{rate}} 折现，以本位币计。可在“设置”中修改，下次重新计算时生效。',
  },
  en: {
    title: 'Customer value (CLV)',
    horizon: 'Horizon',
    horizonUnit: 'months',
    horizonHelp: 'How many months of expected purchases customer value counts (1–120)',
    discount: 'Monthly discount rate',
    discountHelp: 'Later months count for less (0–10%; 0 means no discount)',
    appliesAtRecompute: 'A change applies at the next tier recompute (by hand or the daily one).',
    basis: 'Customer value (CLV) = expected purchases over the next {{months}} months × expected order value, discounted {{rate}} a month, in the base currency. Change it in Settings; it applies at the next recompute.',
  },
};
