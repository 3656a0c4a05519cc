import { insertMissingPolicies, type PolicyRecord } from '../../db/repos/service-policies';
import { readSettings } from '../../db/repos/settings';
import type { Db } from '../../db/open';
import type { PolicyDueItem } from '../../shared/contract/policies';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import type { SegmentationState } from './state';
import { daysSince } from './window-metrics';

type PolicyDefault = Omit<PolicyRecord, 'id' | 'createdAt' | 'updatedAt'>;
type Texts = Record<'en' | 'zh-CN', { notes: string; nextAction: string }>;

const t = (en: [string, string], zh: [string, string]): Texts => ({ en: { notes: en[0], nextAction: en[1] }, 'zh-CN': { notes: zh[0], nextAction: zh[1] } });

/**
 * Shipped policies for the pyramid and value tiers: the better the tier, the tighter the cadence. The
 * texts are ordinary editable data, written once in the business's language (English when the settings
 * say so, Chinese otherwise — the stall owner is the first user) because a policy is the user's own note.
 */
const DEFAULTS: [scheme: string, classKey: string, cadenceDays: number | null, priority: number, texts: Texts][] = [
  ['pyramid', 'platinum', 7, 1, t(['VIP service: dedicated contact, priority orders and delivery', 'Call or visit personally'], ['VIP 服务：专属对接人，优先排单发货', '亲自电话或拜访'])],
  ['pyramid', 'gold', 14, 2, t(['Priority orders; check in on stock needs', 'Call about next order'], ['优先排单；了解备货需求', '电话沟通下一单'])],
  ['pyramid', 'iron', 30, 3, t(['Regular service; share new arrivals', 'Send new arrivals'], ['常规服务；推送新品', '发送新品信息'])],
  ['pyramid', 'lead', 90, 4, t(['Standard service', 'Send a seasonal greeting or offer'], ['标准服务', '发送节日问候或优惠'])],
  ['value', 'high', 14, 1, t(['High value: keep close, first to hear of offers', 'Call to review their needs'], ['高价值：保持密切联系，优惠第一时间告知', '电话了解需求'])],
  ['value', 'medium', 30, 2, t(['Grow the relationship; suggest related products', 'Suggest a related product'], ['提升关系；推荐相关产品', '推荐相关产品'])],
  ['value', 'low', 60, 3, t(['Low-cost contact (WeChat, email)', 'Send an offer by WeChat or email'], ['低成本联系（微信、邮件）', '通过微信或邮件发送优惠'])],
];

export function defaultPolicies(language: 'en' | 'zh-CN' | null): PolicyDefault[] {
  const lang = language === 'en' ? 'en' : 'zh-CN';
  return DEFAULTS.map(([scheme, classKey, cadenceDays, priority, texts]) => ({ scheme, classKey, cadenceDays, priority, ...texts[lang], responsible: null }));
}

/**
 * Shipped defaults land on first use rather than at migration time, in the language the settings name;
 * once per connection, so later reads skip the write.
 */
const defaultsChecked = new WeakSet<Db>();
export function ensureDefaultPolicies(ctx: HandlerContext): void {
  if (defaultsChecked.has(ctx.db)) return;
  ctx.db.transaction(() => insertMissingPolicies(ctx.db, defaultPolicies(readSettings(ctx.db).language), newId, ctx.clock.now().toISOString()));
  defaultsChecked.add(ctx.db);
}

/**
 * Customers whose last contact — a follow-up or an order, whichever is later, on or before asOf — is at
 * least their strictest cadence ago (the same rule as Today's policy reasons, shared/today/build.ts): of all
 * policies matching one of the customer's classes, the shortest cadence wins (then the higher priority).
 * Never contacted counts as due. Most urgent first: priority, then never contacted, then days overdue.
 */
export function policiesDue(state: SegmentationState, policies: readonly PolicyRecord[]): PolicyDueItem[] {
  const byScheme = new Map<string, Map<string, PolicyRecord>>();
  for (const p of policies) {
    if (p.cadenceDays === null || !state.result.classKeys[p.scheme]) continue;
    if (!byScheme.has(p.scheme)) byScheme.set(p.scheme, new Map());
    byScheme.get(p.scheme)!.set(p.classKey, p);
  }
  const items: PolicyDueItem[] = [];
  for (let k = 0; k < state.customers.length; k++) {
    let strictest: PolicyRecord | undefined;
    for (const [scheme, byClass] of byScheme) {
      const p = byClass.get(state.result.classKeys[scheme]![k]!);
      if (p && (!strictest || p.cadenceDays! < strictest.cadenceDays! || (p.cadenceDays === strictest.cadenceDays && p.priority < strictest.priority))) strictest = p;
    }
    if (!strictest) continue;
    const [followUp, order] = [state.metrics.lastContactDate[k]!, state.metrics.lastOrderDate[k]!];
    const lastContactDate = followUp === null ? order : order === null || followUp >= order ? followUp : order;
    const days = daysSince(lastContactDate, state.asOf);
    if (days !== null && days < strictest.cadenceDays!) continue;
    const c = state.customers[k]!;
    items.push({
      customerId: c.id,
      customerName: c.name,
      company: c.company,
      scheme: strictest.scheme,
      classKey: strictest.classKey,
      cadenceDays: strictest.cadenceDays!,
      priority: strictest.priority,
      nextAction: strictest.nextAction,
      lastContactDate,
      daysSinceContact: days,
      daysOverdue: days === null ? null : days - strictest.cadenceDays!,
    });
  }
  const overdue = (i: PolicyDueItem) => (i.daysOverdue === null ? Number.POSITIVE_INFINITY : i.daysOverdue);
  return items.sort((a, b) => a.priority - b.priority || overdue(b) - overdue(a) || a.customerName.localeCompare(b.customerName) || (a.customerId < b.customerId ? -1 : 1));
}
