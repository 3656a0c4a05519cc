/**
 * The target fields of each import kind and the header words that mean them. "strong" words are
 * unmistakable; "weak" ones are used only when nothing better claims the column ("名称" might be a
 * product name, "备注" might be the follow-up content). Words are compared folded (see foldKey).
 */
import { TRADITIONAL_FORMS } from './synonyms-traditional';

export const IMPORT_KINDS = ['customers', 'orders', 'followups'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const CUSTOMER_FIELDS = [
  'name', 'company', 'type', 'industry', 'country', 'region', 'city', 'phone', 'email', 'wechat', 'whatsapp',
  'tags', 'owner', 'source', 'notes', 'code', 'sizeBand', 'incomeBand', 'needs', 'manualLevel', 'locality', 'localityManual', 'archived', 'recordId',
] as const;
export const CUSTOMER_KEY_FIELDS = ['customerCode', 'customerName', 'customerPhone', 'customerCompany'] as const;
/** The order-line fields. */
export const ORDER_LINE_FIELDS = ['product', 'sku', 'quantity', 'unitPrice'] as const;
/**
 * A file mapping any of these is a file of order lines (one row per line item). A product column alone is
 * not enough: "Description" beside an amount is as often a note on a whole order, and is kept as one.
 */
export const LINE_MODE_FIELDS = ['sku', 'quantity', 'unitPrice'] as const;
export const ORDER_FIELDS = [
  ...CUSTOMER_KEY_FIELDS, 'customerRecordId', 'date', 'amount', 'currency', 'fxRate', 'note', 'orderNumber', 'orderRecordId', ...ORDER_LINE_FIELDS, 'cost', 'paid', 'dueDate', 'isReturn',
] as const;
export const FOLLOW_UP_FIELDS = [...CUSTOMER_KEY_FIELDS, 'customerRecordId', 'followUpRecordId', 'occurredAt', 'channel', 'content', 'outcome', 'intent', 'satisfaction', 'nextContactDate', 'nextContactTime', 'reminderClosed'] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type OrderField = (typeof ORDER_FIELDS)[number];
export type FollowUpField = (typeof FOLLOW_UP_FIELDS)[number];
export type FieldOf<K extends ImportKind> = K extends 'customers' ? CustomerField : K extends 'orders' ? OrderField : FollowUpField;
export type ImportField = CustomerField | OrderField | FollowUpField;

export const FIELDS_OF: { [K in ImportKind]: readonly FieldOf<K>[] } = {
  customers: CUSTOMER_FIELDS,
  orders: ORDER_FIELDS,
  followups: FOLLOW_UP_FIELDS,
};

export interface Synonyms {
  strong: string[];
  weak?: string[];
}

const CUSTOMER_KEY_SYNONYMS: Record<(typeof CUSTOMER_KEY_FIELDS)[number], Synonyms> = {
  customerCode: { strong: ['客户编号', '客户编码', '客户代码', '客户号', '客户ID', 'customer code', 'customer id', 'customer no', 'customer number', 'client id', 'client code'] },
  customerName: { strong: ['客户名称', '客户', '客户名', '客户姓名', '姓名', '买家', '采购商', 'customer', 'customer name', 'client', 'client name', 'buyer'], weak: ['名称', 'name', '联系人', 'contact'] },
  customerPhone: { strong: ['电话', '手机', '联系电话', '手机号', '手机号码', '电话号码', '客户电话', 'phone', 'mobile', 'tel', 'telephone', 'customer phone', 'phone number'] },
  customerCompany: { strong: ['公司名称', '公司', '单位', '单位名称', '企业名称', 'company', 'company name', 'organization', 'organisation'] },
};

/**
 * The customer's record ID in the orders and follow-ups exports (客户系统ID): the customer itself, not a key several
 * customers may share (docs/import.md, "Record IDs"). Exact words only, as the customers export's 系统ID.
 */
const CUSTOMER_RECORD_SYNONYMS: Synonyms = { strong: ['客户系统ID', 'customer record id'] };

/** Every Chinese word also in its Traditional forms (synonyms-traditional.ts), at the same strength, right after it. */
function withTraditionalForms<T extends Record<string, Record<string, Synonyms>>>(synonyms: T): T {
  const add = (words: string[]) => words.flatMap((word) => [word, ...(TRADITIONAL_FORMS[word] ?? [])]);
  const kinds = Object.entries(synonyms).map(([kind, fields]) => [kind, Object.fromEntries(Object.entries(fields).map(([field, s]) => [field, { strong: add(s.strong), ...(s.weak ? { weak: add(s.weak) } : {}) }]))]);
  return Object.fromEntries(kinds) as T;
}

export const SYNONYMS: { [K in ImportKind]: Record<FieldOf<K>, Synonyms> } = withTraditionalForms({
  customers: {
    name: { strong: ['客户名称', '客户名', '客户', '姓名', '客户姓名', '名字', 'name', 'customer', 'customer name', 'client', 'client name', 'full name'], weak: ['名称', '联系人', 'contact', 'contact name', 'contact person'] },
    company: { strong: ['公司名称', '公司', '单位', '单位名称', '企业名称', '企业', '工作单位', '所属公司', 'company', 'company name', 'organization', 'organisation', 'firm', 'business name', 'employer'] },
    type: { strong: ['客户类型', '类型', '客户类别', '类别', '客户性质', '性质', 'type', 'customer type', 'client type'], weak: ['category', '分类'] },
    industry: { strong: ['行业', '所属行业', '行业类别', 'industry', 'sector'] },
    country: { strong: ['国家', '国家地区', '国家/地区', '地区', '国别', '国家或地区', 'country', 'country/region', 'nation'] },
    region: { strong: ['省份', '省', '省/州', '州', '省区', '所在省份', '省市', 'region', 'province', 'state', 'state/province'] },
    city: { strong: ['城市', '市', '所在城市', '城市/区', 'city', 'town'] },
    phone: { strong: ['电话', '手机', '联系电话', '手机号', '手机号码', '电话号码', '移动电话', '座机', 'tel', 'telephone', 'phone', 'phone number', 'mobile', 'mobile phone', 'cell', 'cellphone'], weak: ['联系方式'] },
    email: { strong: ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'email address'] },
    wechat: { strong: ['微信', '微信号', 'wechat', 'wechat id', 'weixin', 'wx'] },
    whatsapp: { strong: ['whatsapp', 'whatsapp number', 'whatsapp号', 'wa'] },
    tags: { strong: ['标签', '客户标签', 'tags', 'tag', 'labels'] },
    owner: { strong: ['负责人', '业务员', '销售', '销售员', '跟进人', '所属销售', '归属人', '客户经理', 'owner', 'sales', 'salesperson', 'sales rep', 'account manager', 'assigned to'] },
    source: { strong: ['来源', '客户来源', '获客渠道', '渠道', '来源渠道', 'source', 'lead source'] },
    notes: { strong: ['备注', '说明', '附注', '备注信息', 'notes', 'note', 'remarks', 'remark', 'comments', 'comment', 'memo'] },
    code: { strong: ['客户编号', '客户编码', '客户代码', '客户号', '编号', '编码', '客户ID', 'customer code', 'customer id', 'customer no', 'customer number', 'client id', 'code'], weak: ['id', 'no', '序号'] },
    sizeBand: { strong: ['规模', '公司规模', '企业规模', '员工人数', '人数', 'size', 'company size', 'employees', 'headcount'] },
    incomeBand: { strong: ['收入', '年收入', '营业额', '年营业额', '收入水平', '年销售额', 'income', 'revenue', 'annual revenue', 'turnover', 'income band'] },
    needs: { strong: ['需求', '需求类型', '客户需求', 'needs', 'need', 'requirement'] },
    // The export's locality, read only beside its "set by hand" column: elsewhere it is what the exporting workspace derived.
    locality: { strong: ['本地/外地', '本地/外地/海外', 'locality', 'locality (info)'] },
    localityManual: { strong: ['本地/外地手动设定', 'locality set by hand', 'locality manual'] },
    archived: { strong: ['已归档', '归档', '是否归档', 'archived', 'is archived'] },
    // The export's own record ID: which rows are one customer and which are not (docs/import.md, "Record IDs").
    recordId: { strong: ['系统ID', '系统id', '记录ID', 'record id', 'record id (info)'] },
    manualLevel: { strong: ['等级', '客户等级', '级别', '客户级别', '分级', '手动等级', 'level', 'grade', 'tier', 'customer level', 'manual level'] },
  },
  orders: {
    ...CUSTOMER_KEY_SYNONYMS,
    customerRecordId: CUSTOMER_RECORD_SYNONYMS,
    // Invoice dates name the order date in retail exports (Online Retail's "InvoiceDate"); exact synonyms
    // win over the "invoice means something else" rule that applies to partial matches.
    date: {
      strong: [
        '日期', '下单日期', '订单日期', '下单时间', '成交日期', '交易日期', '订单时间', '成交时间', '交易时间', '付款时间', '付款日期', '支付时间', '购买日期', '购买时间',
        '销售日期', '单据日期', '开单日期', '开票日期', '发票日期', 'date', 'order date', 'order time', 'ordered', 'ordered on', 'purchase date', 'purchased', 'purchased on',
        'invoice date', 'invoice time', 'transaction date', 'sale date', 'sales date', 'txn date', 'payment date', 'paid on',
      ],
      weak: ['时间', 'time', 'datetime', 'date/time'],
    },
    amount: { strong: ['金额', '订单金额', '总金额', '成交金额', '合计', '总价', '总额', '销售额', '交易金额', '实收金额', '合同金额', 'amount', 'total', 'order amount', 'total amount', 'order total', 'value'], weak: ['价格', 'price', 'sum'] },
    currency: { strong: ['币种', '货币', '币别', '币制', 'currency', 'ccy', 'curr'] },
    fxRate: { strong: ['汇率', '兑换率', 'fx rate', 'exchange rate', 'fx', 'rate'] },
    note: { strong: ['备注', '说明', '订单备注', 'note', 'notes', 'remark', 'remarks', 'comment', 'memo'], weak: ['描述'] },
    orderNumber: {
      strong: ['单号', '订单号', '订单编号', '单据号', '单据编号', '销售单号', '发票号', '发票号码', 'invoice', 'invoice no', 'invoiceno', 'invoice number', 'order no', 'order number', 'order id', 'order #'],
    },
    // The order-lines export's order record ID (订单系统ID): which lines are one order when the order has no number.
    orderRecordId: { strong: ['订单系统ID', 'order record id'] },
    product: { strong: ['商品', '产品', '品名', '商品名称', '产品名称', '货品', '货品名称', '物料名称', 'description', 'product', 'product name', 'item', 'item name', 'goods'] },
    sku: { strong: ['货号', 'sku', '商品编码', '商品编号', '产品编号', '产品编码', '物料编码', '款号', 'stockcode', 'stock code', 'item code', 'item no', 'product code', 'article'] },
    quantity: { strong: ['数量', '件数', '销售数量', '购买数量', 'quantity', 'qty', 'units', 'pcs'] },
    unitPrice: { strong: ['单价', '销售单价', '成交单价', 'unit price', 'unitprice', 'price each'] },
    cost: { strong: ['成本', '成本金额', '进货成本', '销售成本', 'cost', 'cogs', 'cost of goods', 'total cost'] },
    paid: { strong: ['已付', '已付金额', '已付款', '已收', '已收款', '已收金额', 'paid', 'amount paid', 'paid amount'] },
    dueDate: { strong: ['到期', '到期日', '到期日期', '付款期限', '应付日期', '应收日期', '账期', 'due', 'due date', 'payment due', 'due on'] },
    isReturn: { strong: ['退货', '是否退货', '退货标记', '退款', 'return', 'returned', 'is return', 'refund'] },
  },
  followups: {
    ...CUSTOMER_KEY_SYNONYMS,
    customerRecordId: CUSTOMER_RECORD_SYNONYMS,
    // The follow-ups export's own record ID (its 系统ID): a row whose follow-up is still here is that follow-up, already recorded.
    followUpRecordId: { strong: ['系统ID', '系统id', '跟进系统ID', 'record id', 'follow-up record id'] },
    occurredAt: { strong: ['跟进时间', '跟进日期', '联系时间', '联系日期', '拜访时间', '拜访日期', '沟通时间', '沟通日期', '日期', '时间', 'date', 'time', 'datetime', 'date/time', 'follow-up date', 'follow up date', 'contact date', 'contacted at', 'occurred at'] },
    channel: { strong: ['跟进方式', '联系方式', '方式', '渠道', '沟通方式', '跟进渠道', 'channel', 'method', 'via'], weak: ['type', '类型'] },
    content: { strong: ['跟进内容', '内容', '沟通内容', '跟进记录', '记录', '详情', 'content', 'details', 'summary'], weak: ['备注', 'notes', 'note', 'description', '说明'] },
    outcome: { strong: ['结果', '跟进结果', '沟通结果', 'outcome', 'result'] },
    intent: { strong: ['意向', '客户意向', '意向程度', '购买意向', 'intent', 'intention', 'interest', 'interest level'] },
    satisfaction: { strong: ['满意度', '评分', '满意程度', '星级', 'satisfaction', 'rating', 'score', 'stars'] },
    nextContactDate: { strong: ['下次联系日期', '下次联系时间', '下次联系', '下次跟进', '下次跟进日期', '下次跟进时间', '提醒日期', 'next contact', 'next contact date', 'next follow-up', 'next follow up', 'next date', 'reminder', 'follow up on'] },
    // Exact words only: "下次联系时间" has long meant the date column (a date and time there gives the date).
    nextContactTime: { strong: ['下次联系时刻', '提醒时刻', '提醒时间', '下次联系几点', 'next contact time', 'reminder time', 'time of next contact', 'next contact at'] },
    // The export's own column, and its earlier "(for reference)" header, so an exported file imports back with its open reminders open.
    reminderClosed: { strong: ['提醒已完成', '提醒已完成（参考）', '提醒已关闭', '提醒完成', 'reminder closed', 'closed (info)', 'reminder done', 'closed'] },
  },
});

/** What a file of each kind must map for its rows to make sense (customer key: any one of them). */
export const REQUIRED_FIELDS: { [K in ImportKind]: { all: FieldOf<K>[]; anyOf: FieldOf<K>[] } } = {
  customers: { all: [], anyOf: ['name', 'company'] },
  orders: { all: ['date', 'amount'], anyOf: [...CUSTOMER_KEY_FIELDS] },
  followups: { all: ['occurredAt'], anyOf: [...CUSTOMER_KEY_FIELDS] },
};

/**
 * A required field another column stands in for: a file of order lines has unit prices (× quantity)
 * instead of an amount column.
 */
export const REQUIRED_ALTERNATIVES: Partial<Record<string, readonly string[]>> = { amount: ['unitPrice'] };

/** The fields holding amounts of money: a percentage there (a workbook's 0.12 shown as 12%) is refused, not stored as 0.12. */
export const MONEY_FIELDS: readonly string[] = ['amount', 'unitPrice', 'cost', 'paid'];

/** The fields holding dates, whose day/month order is inferred per column. */
export const DATE_FIELDS: { [K in ImportKind]: FieldOf<K>[] } = {
  customers: [],
  orders: ['date', 'dueDate'],
  followups: ['occurredAt', 'nextContactDate'],
};

/** Fields a mapping leaves out: each of `all` is needed, and one of `anyOf`. */
export interface MissingFields {
  all: readonly string[];
  anyOf: readonly string[];
}

/**
 * The fields a mapping leaves out as one list: each of `all`, then the `anyOf` alternatives as one item, so that the
 * alternatives do not read as all required, nor the required as alternatives. The words are the caller's: the
 * command line's English ("date, amount, name or company"), the import screen's language.
 */
export function listMissingFields(missing: MissingFields, name: (field: string) => string, words: { between: string; or: string }): string {
  const items = [...missing.all.map(name), ...(missing.anyOf.length > 0 ? [missing.anyOf.map(name).join(words.or)] : [])];
  return items.join(words.between);
}
