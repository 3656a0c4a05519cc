import type { CustomerType, FollowUpChannel, Intent, Locality } from '../contract/enums';
import { foldKey } from './fold';
import { fail, ok, type ValueResult } from './result';
import type { Cell } from './table';
import { withTraditionalForms } from './values-traditional';
import { allowedList, vocabulary, type Vocabulary } from './vocabulary';

/**
 * The fixed vocabularies of the data model, as people write them in Chinese and English; the stored value is
 * the enum key. Each value's first word is its usual Chinese name, shown when a cell is refused (see vocabulary).
 */
export const CUSTOMER_TYPE_WORDS = vocabulary<CustomerType>({
  individual: ['个人', '个体', '散客', '个人客户', '零售', 'person', 'personal', 'private', 'consumer', 'retail'],
  enterprise: ['企业', '公司', '企业客户', '工厂', '厂家', 'company', 'business', 'corporate', 'corporation', 'b2b'],
  government: ['政府', '事业单位', '机关', '政府机关', '学校', 'gov', 'govt', 'public sector', 'public'],
  distributor: ['经销商', '代理商', '分销商', '批发商', '代理', '经销', 'dealer', 'reseller', 'agent', 'wholesaler', 'wholesale'],
  internal: ['内部', '员工', '内部客户', 'staff', 'employee', 'in-house'],
});

export const INTENT_WORDS = vocabulary<Intent>({
  interested: ['有意向', '意向强', '感兴趣', '有兴趣', '强', '高', '热', 'hot', 'high', 'yes', 'strong'],
  hesitant: ['犹豫', '考虑中', '观望', '一般', '中', '温', 'considering', 'maybe', 'warm', 'medium', 'undecided'],
  not_now: ['暂不', '暂时不需要', '以后再说', '暂无', '暂不需要', '低', 'not now', 'later', 'low', 'cold'],
  never: ['无意向', '没兴趣', '不需要', '无', '拒绝', 'not interested', 'no', 'none', 'lost', 'dead'],
});

export const CHANNEL_WORDS = vocabulary<FollowUpChannel>({
  call: ['电话', '致电', '来电', '打电话', '电联', '手机', 'phone', 'telephone', 'phone call', 'tel'],
  visit: ['拜访', '上门', '面谈', '上门拜访', '来访', '到店', 'in person', 'face to face', 'onsite', 'on-site'],
  wechat: ['微信', 'weixin', 'wx'],
  whatsapp: ['WhatsApp', 'wa', 'whats app'],
  email: ['邮件', '邮箱', '电子邮件', 'e-mail', 'mail'],
  meeting: ['会议', '视频会议', '开会', '展会', 'zoom', 'video call', 'teams', 'conference'],
  other: ['其他', '其它', '短信', 'sms', 'others', 'misc'],
});

export const NEEDS_WORDS = vocabulary<'product' | 'service' | 'solution'>({
  product: ['产品', '货品', '商品', 'products', 'goods'],
  service: ['服务', 'services'],
  solution: ['解决方案', '方案', '整体方案', 'solutions'],
});

export const MANUAL_LEVEL_WORDS = vocabulary<'A' | 'B' | 'C'>({
  A: ['A类', 'A级', 'A客户', '重要', 'VIP'],
  B: ['B类', 'B级', 'B客户', '普通'],
  C: ['C类', 'C级', 'C客户', '一般客户'],
});

/** The export's locality words (本地/外地/海外, Local/Non-local/Overseas) and their usual variants. */
export const LOCALITY_WORDS = vocabulary<Locality>({
  local: ['本地', '本省', '省内', 'local'],
  non_local: ['外地', '外省', '省外', 'non-local', 'non local', 'nonlocal', 'out of province'],
  overseas: ['海外', '国外', '境外', 'overseas', 'abroad', 'foreign', 'international'],
});

/** Editable in Settings; the shipped keys get synonyms, anything else is kept as typed. */
export const SOURCE_WORDS = vocabulary<string>({
  walk_in: ['进店', '自然进店', '到店', '门店', 'walk in', 'walk-in', 'store'],
  referral: ['转介绍', '介绍', '老客户介绍', '朋友介绍', 'referred', 'recommendation'],
  trade_fair: ['展会', '广交会', '交易会', 'trade show', 'exhibition', 'fair', 'canton fair'],
  b2b_platform: ['B2B平台', '阿里巴巴', '1688', '阿里国际站', '中国制造网', 'alibaba', 'made-in-china', 'b2b'],
  website: ['官网', '网站', '网页', 'web', 'site', 'google'],
  wechat: ['微信', '朋友圈', '公众号', 'weixin'],
  cold_call: ['陌拜', '电话营销', '电销', '陌生拜访', 'cold calling', 'telemarketing'],
  other: ['其他', '其它', 'others'],
});

export function parseChoice<T extends string>(cell: Cell, vocabulary: Vocabulary<T>): ValueResult<T> {
  const text = String(cell).trim();
  if (text === '') return fail('required');
  const value = vocabulary.words.get(foldKey(text));
  return value === undefined ? fail('invalid_choice', vocabulary.allowed) : ok(value);
}

const SATISFACTION_SCORES: Record<string, number> = { 非常满意: 5, 很满意: 5, 满意: 4, 一般: 3, 不满意: 2, 很不满意: 1, 非常不满意: 1, 'very satisfied': 5, satisfied: 4, neutral: 3, dissatisfied: 2, 'very dissatisfied': 1 };

/** Folded word → score, Traditional forms (滿意) included. */
export const SATISFACTION_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries(SATISFACTION_SCORES).flatMap(([word, score]) => withTraditionalForms([word]).map((form) => [foldKey(form), score] as const)),
);

// The words are many and the scores are what a rating column mostly holds: the refusal names the range.
const SATISFACTION_ALLOWED = allowedList(['1–5'], ['1–5']);

/** 1–5 from "4", 4, "4分", "4星", "4/5", "★★★★☆" or words such as 满意. */
export function parseSatisfaction(cell: Cell): ValueResult<number> {
  const text = String(cell).normalize('NFKC').trim();
  if (text === '') return fail('required');
  let score: number | undefined;
  if (/^[★☆✩✭⭐\s]+$/u.test(text)) score = [...text].filter((ch) => ch === '★' || ch === '⭐' || ch === '✭').length;
  else {
    const m = /^(\d+(?:\.\d+)?)\s*(?:分|星|stars?|\/\s*5)?$/i.exec(text);
    score = m ? Number(m[1]) : SATISFACTION_WORDS.get(foldKey(text));
  }
  if (score === undefined) return fail('invalid_choice', SATISFACTION_ALLOWED);
  return Number.isInteger(score) && score >= 1 && score <= 5 ? ok(score) : fail('satisfaction_range');
}
