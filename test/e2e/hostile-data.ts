import type { Page } from 'playwright-core';
import { invoke } from './journeys';

/**
 * Text a real customer book holds and a careful layout must survive: the longest values the contract
 * takes, right-to-left names followed by digits, emoji sequences, combining marks, huge amounts in
 * several currencies. Seeded through the page's own `window.tierbook`, as the screens would send it.
 */
const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

export const HOSTILE = {
  longName: repeat('永兴隆国际贸易有限公司WholesaleTradingCompany', 120),
  longCompany: repeat('ExtraordinarilyLongCompanyNameWithoutSpaces', 200),
  arabic: 'شركة النور للتجارة 2024-117',
  hebrew: 'חברת שלום בע"מ (12345)',
  emoji: '👨‍👩‍👧‍👦 王小明👋🏽🇨🇳 家族商行',
  zalgo: 'Z̴̡̢̛͉̠̞̈́͆a̸̢̛̺̫̓̾l̷̛̜̗̈́͝g̶̢̯̈́o̵̧͚͐ 贸易 Z̴̡̢̛͉̠̞̈́͆a̸̢̛̺̫̓̾',
  phone: '+86 138 0013 8000',
  wechat: 'wxid_' + repeat('longwechat', 15),
  tags: Array.from({ length: 40 }, (_, i) => `${repeat('标签LongTag', 30)}${String(i).padStart(2, '0')}`),
  notes: Array.from({ length: 10 }, (_, i) => `https://example.com/${repeat('averyveryverylongpathsegment', 300)}?q=${i} 备注`).join('\n').slice(0, 4000),
  followUp: repeat('客户要求按原价再订一批货，并希望提前发货。Customer asks for the same price and an early shipment. ', 4000),
  amount: '9999999999.99',
  segmentName: repeat('华南地区长期合作的高价值批发客户Segment', 80),
  policyNotes: repeat('每次联系都要确认库存、报价和交货期，并记录客户的反馈。Confirm stock, quote and delivery. ', 2000),
  policyNext: repeat('打电话确认下一批货的数量和付款方式CallToConfirm', 500),
  responsible: repeat('负责人ResponsiblePerson', 100),
} as const;

export interface HostileIds {
  longId: string;
  arabicId: string;
  hebrewId: string;
  emojiId: string;
  zalgoId: string;
}

/** `settingsToo` also writes a long custom segment and long service policies (which later journeys would read). */
export async function seedHostile(page: Page, settingsToo = false): Promise<HostileIds> {
  await invoke(page, 'settings:update', { baseCurrency: 'CNY', homeCountry: 'CN' });
  for (const currency of ['USD', 'EUR', 'JPY'] as const) await invoke(page, 'fx:upsert', { currency, rateDate: '2020-01-01', rate: currency === 'JPY' ? 0.05 : 7 });
  const create = async (name: string, extra: Record<string, unknown> = {}) => (await invoke(page, 'customers:create', { name, ...extra })).customer.id;
  const longId = await create(HOSTILE.longName, {
    company: HOSTILE.longCompany,
    tags: [...HOSTILE.tags],
    notes: HOSTILE.notes,
    owner: repeat('销售经理SalesManager', 80),
    city: repeat('广州市白云区', 80),
    contacts: [{ kind: 'phone', value: HOSTILE.phone }, { kind: 'wechat', value: HOSTILE.wechat }, { kind: 'email', value: `${repeat('longmailbox', 100)}@example.com` }],
  });
  const arabicId = await create(HOSTILE.arabic, { company: 'النور 3000', country: 'AE', });
  const hebrewId = await create(HOSTILE.hebrew, { company: 'שלום 42', country: 'IL', });
  const emojiId = await create(HOSTILE.emoji, { company: '👩🏿‍💻👨🏻‍🔬 Studio', tags: ['🔥VIP', '👨‍👩‍👧‍👦家庭'] });
  const zalgoId = await create(HOSTILE.zalgo);
  const orders: [string, string][] = [['CNY', HOSTILE.amount], ['USD', HOSTILE.amount], ['EUR', HOSTILE.amount], ['JPY', '9999999999']];
  for (const id of [longId, arabicId, hebrewId, emojiId]) {
    for (const [currency, amount] of orders) await invoke(page, 'orders:create', { customerId: id, orderDate: '2024-03-01', amount, currency, note: HOSTILE.notes.slice(0, 1000) });
  }
  for (const id of [longId, arabicId, hebrewId, emojiId, zalgoId]) {
    await invoke(page, 'followups:create', { customerId: id, content: HOSTILE.followUp, outcome: HOSTILE.followUp.slice(0, 1000), occurredAt: '2024-01-01T02:00:00.000Z', nextContactDate: '2024-01-02' });
  }
  if (settingsToo) await seedLongSettings(page);
  await invoke(page, 'segments:recompute', {});
  return { longId, arabicId, hebrewId, emojiId, zalgoId };
}

async function seedLongSettings(page: Page): Promise<void> {
  await invoke(page, 'segments:custom:save', { name: HOSTILE.segmentName, rule: { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'locality', op: 'equals', value: 'local' }] } });
  await invoke(page, 'policies:saveMany', { policies: ['gold', 'platinum'].map((classKey) => ({ scheme: 'pyramid', classKey, cadenceDays: 7, priority: 1, notes: HOSTILE.policyNotes, nextAction: HOSTILE.policyNext, responsible: HOSTILE.responsible })) });
}
