import type { Language } from '../contract/enums';

/**
 * The columns of each export, with their headers in both UI languages. The headers are words the
 * importer's header mapping knows (客户名称, 下单日期, Amount …), so an exported file imports back
 * without adjusting anything. Columns marked `info` are figures the app computes (totals, dates of the
 * last order and follow-up); they are exported for reading and ignored on import.
 */
export type ExportKind = 'customers' | 'orders' | 'orderLines' | 'followUps';
export type CellType = 'text' | 'int' | 'number' | 'date';

export interface ExportColumn {
  key: string;
  type: CellType;
  header: Record<Language, string>;
  /** Column width in characters, for the workbook. */
  width?: number;
}

const col = (key: string, type: CellType, zh: string, en: string, width?: number): ExportColumn => ({ key, type, header: { 'zh-CN': zh, en }, width });

export const EXPORT_COLUMNS: Record<ExportKind, ExportColumn[]> = {
  customers: [
    col('code', 'text', '客户编号', 'Customer code', 12),
    col('name', 'text', '客户名称', 'Name', 18),
    col('company', 'text', '公司名称', 'Company', 24),
    col('type', 'text', '客户类型', 'Customer type', 10),
    col('phone', 'text', '电话', 'Phone', 18),
    col('email', 'text', '邮箱', 'Email', 24),
    col('wechat', 'text', '微信', 'WeChat', 16),
    col('whatsapp', 'text', 'WhatsApp', 'WhatsApp', 18),
    col('industry', 'text', '行业', 'Industry', 12),
    col('country', 'text', '国家', 'Country', 8),
    col('region', 'text', '省份', 'Region', 10),
    col('city', 'text', '城市', 'City', 10),
    col('sizeBand', 'text', '规模', 'Size', 10),
    col('incomeBand', 'text', '年收入', 'Income', 10),
    col('needs', 'text', '需求', 'Needs', 10),
    col('tags', 'text', '标签', 'Tags', 18),
    col('owner', 'text', '负责人', 'Owner', 10),
    col('source', 'text', '来源', 'Source', 10),
    col('manualLevel', 'text', '客户等级', 'Level', 8),
    col('notes', 'text', '备注', 'Notes', 30),
    // Read back only beside the next column: a derived locality is derived again from the importing workspace's home.
    col('locality', 'text', '本地/外地', 'Locality', 10),
    col('localityManual', 'text', '本地/外地手动设定', 'Locality set by hand', 8),
    col('archived', 'text', '已归档', 'Archived', 6),
    col('orderCount', 'int', '订单数', 'Orders (info)', 8),
    col('revenueBase', 'number', '累计成交（本位币）', 'Total ordered (info)', 14),
    col('lastOrderDate', 'date', '最近下单', 'Last order (info)', 12),
    col('lastContactAt', 'text', '最近跟进', 'Last follow-up (info)', 18),
    col('nextContactDate', 'date', '下次跟进', 'Next follow-up (info)', 12),
    col('createdAt', 'text', '建档时间', 'Created (info)', 18),
    col('id', 'text', '系统ID', 'Record ID', 38),
  ],
  orders: [
    col('customerCode', 'text', '客户编号', 'Customer code', 12),
    col('customerName', 'text', '客户名称', 'Customer', 18),
    col('customerCompany', 'text', '公司名称', 'Company', 24),
    col('customerPhone', 'text', '电话', 'Phone', 18),
    col('orderDate', 'date', '下单日期', 'Order date', 12),
    col('amount', 'number', '金额', 'Amount', 12),
    col('currency', 'text', '币种', 'Currency', 8),
    col('fxRate', 'number', '汇率', 'FX rate', 10),
    col('orderNumber', 'text', '单号', 'Order number', 14),
    col('isReturn', 'text', '退货', 'Return', 6),
    col('cost', 'number', '成本', 'Cost', 12),
    col('paid', 'number', '已付', 'Paid', 12),
    col('dueDate', 'date', '到期日', 'Payment due', 12),
    col('note', 'text', '备注', 'Note', 30),
    col('lineCount', 'int', '明细行数（参考）', 'Lines (info)', 8),
    col('owed', 'number', '欠款（参考）', 'Still owed (info)', 12),
    col('baseAmount', 'number', '本位币金额（参考）', 'Base-currency value (info)', 14),
    col('baseCurrency', 'text', '本位币（参考）', 'Base (info)', 8),
    // The order's record ID, as the order-lines export names it: imported back into this workspace, a row whose order
    // is still here is that order, already recorded, numbered or not.
    col('orderRecordId', 'text', '订单系统ID', 'Order record ID', 38),
    // The customer's own record ID (the customers export's 系统ID): names them whatever name or phone they share.
    col('customerRecordId', 'text', '客户系统ID', 'Customer record ID', 38),
  ],
  // One row per line item, the order's own columns repeated on each: the form the importer groups back into orders.
  orderLines: [
    col('orderNumber', 'text', '单号', 'Order number', 14),
    col('customerCode', 'text', '客户编号', 'Customer code', 12),
    col('customerName', 'text', '客户名称', 'Customer', 18),
    col('customerCompany', 'text', '公司名称', 'Company', 24),
    col('customerPhone', 'text', '电话', 'Phone', 18),
    col('orderDate', 'date', '下单日期', 'Order date', 12),
    col('sku', 'text', '货号', 'SKU', 12),
    col('product', 'text', '商品', 'Product', 24),
    col('quantity', 'number', '数量', 'Quantity', 8),
    col('unitPrice', 'number', '单价', 'Unit price', 10),
    col('amount', 'number', '金额', 'Amount', 12),
    col('cost', 'number', '成本', 'Cost', 12),
    col('currency', 'text', '币种', 'Currency', 8),
    col('fxRate', 'number', '汇率', 'FX rate', 10),
    col('paid', 'number', '已付', 'Paid', 12),
    col('dueDate', 'date', '到期日', 'Payment due', 12),
    col('note', 'text', '备注', 'Note', 30),
    // The order's record ID: the lines of an order without a number import back as one order by it.
    col('orderRecordId', 'text', '订单系统ID', 'Order record ID', 38),
    col('customerRecordId', 'text', '客户系统ID', 'Customer record ID', 38),
  ],
  followUps: [
    col('customerCode', 'text', '客户编号', 'Customer code', 12),
    col('customerName', 'text', '客户名称', 'Customer', 18),
    col('customerCompany', 'text', '公司名称', 'Company', 24),
    col('customerPhone', 'text', '电话', 'Phone', 18),
    col('occurredAt', 'text', '跟进时间', 'Follow-up date', 18),
    col('channel', 'text', '跟进方式', 'Channel', 10),
    col('content', 'text', '跟进内容', 'Content', 40),
    col('outcome', 'text', '结果', 'Outcome', 20),
    col('intent', 'text', '意向', 'Intent', 10),
    col('satisfaction', 'int', '满意度', 'Satisfaction', 8),
    col('nextContactDate', 'date', '下次联系日期', 'Next contact date', 12),
    // The reminder's minute (a notification then), as 14:30; blank for a reminder for the whole day.
    col('nextContactTime', 'text', '下次联系时刻', 'Next contact time', 8),
    col('done', 'text', '提醒已完成', 'Reminder closed', 8),
    col('id', 'text', '系统ID', 'Record ID', 38),
    col('customerRecordId', 'text', '客户系统ID', 'Customer record ID', 38),
  ],
};

/**
 * A customer's class in one segmentation scheme. The header avoids the words the importer maps
 * (等级, 分级, tier, level …), so a re-import leaves these derived columns out.
 */
export const classColumn = (scheme: string, names: Record<Language, string> = { 'zh-CN': scheme, en: scheme }): ExportColumn =>
  col(`class:${scheme}`, 'text', `分层·${names['zh-CN']}`, `Class · ${names.en}`, 14);

/**
 * The fixed vocabularies as exported: words the importer reads back to the same value (see
 * shared/import/parse-choice.ts). English uses the keys' own words.
 */
export const EXPORT_VALUE_LABELS: Record<Language, Record<string, Record<string, string>>> = {
  'zh-CN': {
    type: { individual: '个人', enterprise: '企业', government: '政府', distributor: '经销商', internal: '内部' },
    needs: { product: '产品', service: '服务', solution: '解决方案' },
    intent: { interested: '有意向', hesitant: '犹豫', not_now: '暂不', never: '无意向' },
    channel: { call: '电话', visit: '拜访', wechat: '微信', whatsapp: 'WhatsApp', email: '邮件', meeting: '会议', other: '其他' },
    source: { walk_in: '进店', referral: '转介绍', trade_fair: '展会', b2b_platform: 'B2B平台', website: '官网', wechat: '微信', cold_call: '陌拜', other: '其他' },
    locality: { local: '本地', non_local: '外地', overseas: '海外' },
    done: { true: '是', false: '否' },
    isReturn: { true: '是', false: '否' },
    localityManual: { true: '是', false: '否' },
    archived: { true: '是', false: '否' },
  },
  en: {
    type: { individual: 'Individual', enterprise: 'Enterprise', government: 'Government', distributor: 'Distributor', internal: 'Internal' },
    needs: { product: 'Product', service: 'Service', solution: 'Solution' },
    intent: { interested: 'Interested', hesitant: 'Hesitant', not_now: 'Not now', never: 'Never' },
    channel: { call: 'Call', visit: 'Visit', wechat: 'WeChat', whatsapp: 'WhatsApp', email: 'Email', meeting: 'Meeting', other: 'Other' },
    source: { walk_in: 'Walk-in', referral: 'Referral', trade_fair: 'Trade fair', b2b_platform: 'B2B platform', website: 'Website', wechat: 'WeChat', cold_call: 'Cold call', other: 'Other' },
    locality: { local: 'Local', non_local: 'Non-local', overseas: 'Overseas' },
    done: { true: 'Yes', false: 'No' },
    isReturn: { true: 'Yes', false: 'No' },
    localityManual: { true: 'Yes', false: 'No' },
    archived: { true: 'Yes', false: 'No' },
  },
};
