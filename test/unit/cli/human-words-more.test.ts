import { describe, expect, it } from 'vitest';
import { commandOf as command, humanLines as human } from '../../support/cli-human';
import { bothTranslators } from '../../support/both-languages';
import { restoredOntoUnopenableLine } from '../../../core/cli/restore-onto-unopenable';
import { wordsIn } from '../../../core/cli/words';

/**
 * The lines for people of the reporting and housekeeping commands (report, predict, today, duplicates, merges,
 * settings, team, repair, migration, import undo and batches, export, segment config and forget-future, offers), in both
 * languages: both in the screens' words (schemes, classes, methods, fields), counts with the noun they take.
 */
const t = bothTranslators();

const lines = (words: string[], output: unknown, language: 'zh-CN' | 'en', currency?: string) => human(words, output, language, currency).split('\n');

describe('report, in both languages', () => {
  const figures = (customers: number, revenueMinor: number) => ({
    customers, revenueMinor, revenueShare: 0.5, orders: 4, aovMinor: 2500, retentionRate: 1, growthRate: null, yoyGrowthRate: null,
    satisfactionAvg: 4.5, satisfactionN: 2, coverageRate: 0.25, grossProfitMinor: 3000,
  });
  const movement = { stayed: 3, upgraded: 1, downgraded: null, sideways: 0, entered: 2, left: 1 };
  const report = {
    scheme: 'pyramid', period: 'month', from: '2026-10-01', to: '2026-11-30', baseCurrency: 'CNY', historyFrom: null, elapsedMs: 12.4, spellings: {},
    classes: [{ key: 'gold', responsible: null }],
    periods: [{ start: '2026-11-01', end: '2026-11-30', complete: false, classes: { gold: figures(2, 10000) }, unclassified: figures(0, 0), total: figures(2, 10000), movement }],
    pyramid: { asOf: '2026-11-30', levels: [{ classKey: 'gold', customers: 2, revenueShare: 0.75 }] },
    pareto: [{ customerShare: 0.2, revenueShare: 0.6 }, { customerShare: 0.5, revenueShare: 0.9 }],
    migration: { fromSnapshot: '2026-10-31', toSnapshot: '2026-11-30', totals: movement, cells: [{ from: null, to: 'gold', customers: 2, revenueMinor: 10000 }] },
    exported: { path: '/tmp/r.xlsx', sheets: ['各期指标', '客户金字塔'] },
  };

  it('titles the report, heads its table and names classes, movements and the pyramid in the screens’ words', () => {
    const gold = t['zh-CN']('tiers:classes.gold');
    const [title, , period, header, goldLine, unclassified, total, moves, , pyramid, pareto, migration, cell, wrote, elapsed] = lines(['report'], report, 'zh-CN');
    expect(title).toBe(`${t['zh-CN']('tiers:schemes.pyramid')}，${t['zh-CN']('evaluation:period.month')}，2026-10-01 – 2026-11-30（金额单位 CNY；历史数据始于 尚无：请先运行 segment）`);
    expect(period).toBe('2026-11-01 – 2026-11-30（至今）');
    expect(header!.split(/\s+/)).toEqual(['层级', '客户数', '净收入', '占比', '订单', '客单价', '留存', '环比', '同比', '满意度(人)', '覆盖', '毛利']);
    expect(goldLine).toMatch(new RegExp(`^${gold} +2 +100\\.00 +50\\.0%`));
    expect(unclassified).toMatch(/^（未分层） +0 /);
    expect(total).toMatch(/^（合计） +2 /);
    expect(moves).toBe('  变化：不变 3，升级 1，降级 –，平移 0，新进入 2，离开 1');
    expect(pyramid).toBe(`2026-11-30 的客户金字塔：${gold} 2（75.0%）`);
    expect(pareto).toBe('收入集中度：前 20% 的客户贡献了 60.0% 的收入，前 50% 贡献了 90.0%');
    expect(migration).toBe('层级迁移 2026-10-31 → 2026-11-30：不变 3，升级 1，降级 –，平移 0，新进入 2，离开 1');
    expect(cell).toMatch(new RegExp(`^  （不在其中） +→ ${gold} +2  营收 100\\.00 CNY$`));
    expect(wrote).toBe('已写入 /tmp/r.xlsx（各期指标, 客户金字塔）');
    expect(elapsed).toBe('（用时 12 毫秒）');
  });

  it('reads in English with the scheme and classes by the screens’ words', () => {
    const english = lines(['report'], report, 'en');
    expect(english[0]).toBe('Customer pyramid by month, 2026-10-01 – 2026-11-30 (amounts in CNY; history from nowhere yet: run segment)');
    expect(english[2]).toBe('2026-11-01 – 2026-11-30 (still running)');
    const widths = [7, 14, 7, 6, 11, 7, 8, 8, 10, 7, 13];
    const headings = ['custs', 'revenue', 'share', 'orders', 'aov', 'retain', 'growth', 'yoy', 'satisf (n)', 'cover', 'gross profit'];
    expect(english[3]).toBe(['class'.padEnd(14), ...headings.map((heading, i) => heading.padStart(widths[i]!))].join(' '));
    expect(english[7]).toBe('  moves: 3 stayed, 1 upgraded, – downgraded, 0 sideways, 2 entered, 1 left');
    expect(english.slice(9)).toEqual([
      'Pyramid on 2026-11-30: Gold 2 (75.0%)',
      'Pareto: top 20% of customers bring 60.0% of revenue, top 50% 90.0%',
      'Migration 2026-10-31 → 2026-11-30: 3 stayed, 1 upgraded, – downgraded, 0 sideways, 2 entered, 1 left',
      expect.stringMatching(/^  \(absent\) +→ Gold +2  revenue 100\.00 CNY$/),
      'Wrote /tmp/r.xlsx (各期指标, 客户金字塔)',
      '(12 ms)',
    ]);
  });
});

describe('predictions, in both languages', () => {
  // Four purchase days: an estimated P(alive) (a one-time buyer's is shown as not estimated, predict-one-purchase-cli.test.ts).
  const row = { id: 'c1', score: 87, pAlive: 0.91234, purchases: 4, expectedPurchases: { d90: 1.5 }, expectedOrderValueMinor: 12000, clvMinor: 345600, confidence: 'high', method: 'shrunk' };
  const page = { rows: [row], total: 1, offset: 0, asOf: '2026-11-30', customerId: undefined, names: ['张三'] };

  it('word a customer’s likelihood, its confidence and method as the prediction screen does, the customer by name first', () => {
    const name = `张三${' '.repeat(16)}`; // two characters, four columns of twenty
    // The likelihood and the customer value by the Predictions screen's names (its column titles): the lines said
    // "score"/"评分" and "CLV"/"客户价值" where the screen says "Purchase likelihood"/"购买可能性" and "Customer value (CLV)".
    expect([t['zh-CN']('prediction:score'), t['zh-CN']('prediction:clv'), t.en('prediction:score'), t.en('prediction:clv')]).toEqual([
      '购买可能性',
      '客户价值 (CLV)',
      'Purchase likelihood',
      'Customer value (CLV)',
    ]);
    expect(human(['predict'], page, 'zh-CN', 'CNY')).toBe(
      `${name} 购买可能性 87   仍活跃概率 0.912  预计购买次数 90 天 1.50  预计客单价 120.00 CNY  客户价值 (CLV) 3456.00 CNY  ${t['zh-CN']('prediction:confidence.high')} · ${t['zh-CN']('prediction:method.shrunk')}  c1`,
    );
    expect(human(['predict'], page, 'en', 'CNY')).toBe(
      // "Still active", as the prediction screens and the customer file say it (the Chinese says 仍活跃概率 too); it said P(alive).
      `${name} Purchase likelihood 87   Still active 0.912  Expected purchases 90 days 1.50  Expected order value 120.00 CNY  Customer value (CLV) 3456.00 CNY  ${t.en('prediction:confidence.high')} · ${t.en('prediction:method.shrunk')}  c1`,
    );
    expect(human(['predict'], { ...page, rows: [{ ...row, method: 'bgnbd', confidence: 'medium' }] }, 'en', 'CNY')).toMatch(/ somewhat sure · BG\/NBD model {2}c1$/);
  });

  it('name the expected purchases and the order value as the Predictions screen does, not "order"/"每单"', () => {
    // The screen's headings (the customer file's summary, the best list's column) and its span ("90 days 1.50").
    expect([t['zh-CN']('prediction:expected'), t['zh-CN']('prediction:expectedValue'), t.en('prediction:expected'), t.en('prediction:expectedValue')]).toEqual([
      '预计购买次数',
      '预计客单价',
      'Expected purchases',
      'Expected order value',
    ]);
    for (const language of ['zh-CN', 'en'] as const) {
      const said = human(['predict'], page, language, 'CNY');
      const d90 = t[language]('prediction:next', { d30: 'x', d90: '1.50', d365: 'y' }).split(' · ')[1];
      expect(said).toContain(`${t[language]('prediction:expected')} ${d90}  ${t[language]('prediction:expectedValue')} 120.00 CNY`);
      expect(said).not.toMatch(/每单|未来 90 天|next 90 days| {2}order /);
    }
  });

  it('prints --json as the rows alone, without the names the lines need', () => {
    expect(command('predict').json?.(page as never)).toEqual([{ id: 'c1', score: 87, pAlive: 0.91234, expectedPurchases: { d90: 1.5 }, expectedOrderValueMinor: 12000, clvMinor: 345600, confidence: 'high', method: 'shrunk' }]);
  });

  it('say why a page is empty', () => {
    expect(human(['predict'], { ...page, rows: [], total: 40, offset: 50 }, 'zh-CN')).toBe('--offset 50 超出了截至 2026-11-30 有订单的全部 40 位客户。');
    expect(human(['predict'], { ...page, rows: [], total: 0, customerId: 'c9' }, 'zh-CN')).toBe('客户 c9 在 2026-11-30 及之前没有订单，无法预测。');
    expect(human(['predict'], { ...page, rows: [], total: 0 }, 'en')).toBe('No customers with orders on or before 2026-11-30.');
  });

  it('give the fitted model and the holdout comparison', () => {
    const fit = { bgnbd: { r: 0.5, alpha: 2, a: 0.3, b: 1.2, ll: -123.4567 }, gammaGamma: null, customers: 40, method: 'bgnbd', fallbackReason: 'few-customers', spendMethod: 'mean', unit: 'day' };
    // The method, why the full fit was not used, the spend model and the unit in words, not the model's keys.
    expect(lines(['predict', 'fit'], fit, 'zh-CN')).toEqual(['BG/NBD  r 0.5000  α 2.0000  a 0.3000  b 1.2000  对数似然 -123.457（40 位客户）', `方法 ${t['zh-CN']('prediction:method.bgnbd')}（客户太少），消费模型 按平均客单价，时间单位 天`]);
    expect(lines(['predict', 'fit'], fit, 'en')).toEqual(['BG/NBD  r 0.5000  α 2.0000  a 0.3000  b 1.2000  log-likelihood -123.457  (40 customers)', 'method BG/NBD model (too few customers), spend mean order value, unit day']);
    expect(lines(['predict', 'fit'], { ...fit, fallbackReason: null, spendMethod: 'gamma-gamma', unit: 'week' }, 'zh-CN')[1]).toBe(`方法 ${t['zh-CN']('prediction:method.bgnbd')}，消费模型 Gamma-Gamma，时间单位 周`);
    const holdout = { split: '2026-06-30', holdoutDays: 153, until: '2026-11-30', fit, byFrequency: [{ x: 7, customers: 3, actual: 2, predicted: 1.5 }], cumulative: [{ actual: 4, predicted: 3.25 }] };
    const chinese = lines(['predict', 'holdout'], holdout, 'zh-CN');
    expect(chinese[0]).toBe('拟合到 2026-06-30，之后 153 天（到 2026-11-30）用来对照');
    expect(chinese.slice(3)).toEqual(['分割日之后每位客户的再次购买，按分割日之前的购买次数分组：', '  7+   3        实际 2.000  预测 1.500', '到第 1 周累计：实际 4，预测 3.3']);
    expect(lines(['predict', 'holdout'], holdout, 'en').slice(3)).toEqual(['Repeat purchases per customer after the split, by purchases before it:', '  7+   3        actual 2.000  predicted 1.500', 'Cumulative by week 1: actual 4, predicted 3.3']);
  });
});

describe('Today, in both languages', () => {
  const reasons = [{ key: 'reminder_overdue', kind: 'reminder', params: { date: '2026-11-28', days: 2 } }, { key: 'policy_never', kind: 'policy', params: { scheme: 'pyramid', classKey: 'gold', cadenceDays: 7 } }];
  const item = { customerId: 'c1', customerName: '张三', kind: 'reminder', reason: 'Reminder for Nov 28 · 2 days overdue; Gold · contact every 7 days · never contacted', priority: 90, dueDate: '2026-11-28' };
  const page = { asOf: '2026-11-30', total: 3, items: [item], offset: 0, reasons: [reasons] };

  it('word each reason as the Today screen does, classes by its names', () => {
    const [title, row, footer] = lines(['today'], page, 'zh-CN');
    expect(title).toBe(`${t['zh-CN']('today:title')} 2026-11-30`);
    const gold = t['zh-CN']('tiers:classes.gold');
    const overdue = t['zh-CN']('today:reasons.reminder_overdue', { date: '11月28日', count: 2 });
    const never = t['zh-CN']('today:reasons.policy_never', { cls: gold, cadence: t['zh-CN']('today:every', { count: 7 }) });
    expect(row).toBe(`   90  2026-11-28  张三                 ${overdue}；${never}`);
    expect(never).toContain(gold);
    expect(footer).toBe('共 3 位，显示 1 位（--limit N、--offset N 显示更多）');
  });

  it('reads in English as --json words the reasons', () => {
    expect(lines(['today'], page, 'en')).toEqual(['Today 2026-11-30', `   90  2026-11-28  张三                 ${item.reason}`, '1 of 3 (--limit N, --offset N for more)']);
    expect(human(['today'], { ...page, items: [], reasons: [], offset: 5 }, 'zh-CN').split('\n')[1]).toBe('--offset 5 超出了今天要服务的全部 3 位客户');
    expect(human(['today'], { ...page, total: 1 }, 'zh-CN').split('\n')[2]).toBe('今天要服务 1 位客户');
  });

  it('prints --json without the reasons as data', () => {
    expect(command('today').json?.(page as never)).toEqual({ asOf: '2026-11-30', total: 3, items: [item] });
  });
});

describe('duplicates and merges, in both languages', () => {
  const customer = { id: 'c1', name: '张三', company: '张记', orderCount: 3, followUpCount: 1, createdAt: '2026-01-05T04:00:00.000Z' };
  const found = { groups: [{ reasons: [{ kind: 'nameCompany', name: '张三', company: '张记' }, { kind: 'wechat', value: 'zs' }], customers: [customer] }], total: 4 };

  it('say why customers look like one, a contact by the screens’ word for it', () => {
    const [reason, line, footer] = lines(['duplicates'], found, 'zh-CN');
    expect(reason).toBe(`名称和公司相同：张三 / 张记；${t['zh-CN']('common:contactKind.wechat')}相同：zs`);
    expect(line).toMatch(/^  c1  张三（张记）  订单 3，跟进 1，2026-01-0\d 建档$/);
    expect(footer).toBe('共 4 组，显示 1 组');
    const english = lines(['duplicates'], found, 'en');
    expect(english[0]).toBe('same name + company: 张三 / 张记; same wechat zs');
    // The record's day, as the screen's 'On file since' and 建档 say: not when the customer first bought.
    expect(english[1]).toMatch(/^  c1  张三 \(张记\)  orders 3, follow-ups 1, on file since 2026-01-0\d$/);
    expect(english[2]).toBe('1 of 4 groups');
  });

  it('say a merge and its undoing', () => {
    const merged = { mergeId: 'm1', mergedIds: ['c2', 'c3'], customer: { id: 'c1', name: '张三' }, moved: { orders: 5, followUps: 2, contacts: 1 } };
    expect(lines(['merge'], merged, 'zh-CN')).toEqual(['已将 2 位客户合并到 张三（c1）：转移了 5 笔订单、2 条跟进记录、1 个联系方式。', '撤销：tierbook unmerge --merge-id m1']);
    // A count of one reads in the singular ("1 contact", not "1 contacts" or "customer(s)").
    expect(lines(['merge'], merged, 'en')).toEqual(['Merged 2 customers into 张三 (c1): moved 5 orders, 2 follow-ups, 1 contact.', 'Undo: tierbook unmerge --merge-id m1']);
    const undone = { mergeId: 'm1', restoredIds: ['c2'], moved: { orders: 5, followUps: 2, contacts: 1 }, editedSince: ['name', 'phone'] };
    // The fields edited since by the Duplicates screen's names for them, not their columns.
    expect(lines(['unmerge'], { ...undone, editedSince: ['name', 'income_band'] }, 'zh-CN')).toEqual([
      '已撤销合并 m1：恢复了 1 位客户；移回 5 笔订单、2 条跟进记录、1 个联系方式。',
      `合并后又修改过的，保留修改：${t['zh-CN']('merge:field.name')}，${t['zh-CN']('merge:field.incomeBand')}`,
    ]);
    expect(lines(['unmerge'], { ...undone, editedSince: ['name', 'income_band'] }, 'en')[1]).toBe('Kept as edited after the merge: Name, Income / asset band');
    expect(human(['unmerge'], { ...undone, restoredIds: ['c2', 'c3'], moved: { orders: 1, followUps: 1, contacts: 2 }, editedSince: [] }, 'en')).toBe(
      'Undid merge m1: restored 2 customers; moved back 1 order, 1 follow-up, 2 contacts.',
    );
    expect(human(['unmerge'], { ...undone, editedSince: [] }, 'en')).toBe('Undid merge m1: restored 1 customer; moved back 5 orders, 2 follow-ups, 1 contact.');
  });
});

describe('settings and the team, in both languages', () => {
  const settings = { businessName: '', homeCountry: 'CN', homeRegion: null, baseCurrency: 'CNY', language: null, clvHorizonMonths: 36, clvDiscountPercent: 1 };

  it('list the settings by the settings page’s names', () => {
    const s = (key: string) => t['zh-CN'](`settings:${key}`);
    expect(lines(['settings', 'get'], settings, 'zh-CN')).toEqual([
      `${s('businessName')}：（未设置）`, `${s('homeCountry')}：${new Intl.DisplayNames(['zh-CN'], { type: 'region' }).of('CN')}（CN）`, `${s('homeRegion')}：（未设置）`, `${s('baseCurrency')}：CNY`, `${s('language')}：（跟随系统）`, '客户价值：按 36 个月计算，每月折现 1%',
    ]);
    expect(lines(['settings', 'set'], { ...settings, language: 'en' }, 'en')).toEqual([
      'business name   (not set)', 'home country    China (CN)', 'home region     (not set)', 'base currency   CNY', 'language        en', 'customer value  over 36 months, discounted 1% a month',
    ]);
  });

  it('say the team’s state, its last error as the team screen words it', () => {
    const joined = { joined: true, serverUrl: 'http://127.0.0.1:5984', database: 'shop', user: 'lin', identity: null, lastSyncAt: null, paused: true, pendingChanges: 4, lastErrorKey: 'team_server_error', lastErrorAt: '2026-11-30T08:00:00Z', refusedCount: 2, refusedReason: 'forbidden' };
    // When the error came, on this computer's clock to the minute (Intl's Swedish form is "YYYY-MM-DD HH:MM").
    const errorAt = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(joined.lastErrorAt));
    expect(lines(['team', 'status'], joined, 'zh-CN')).toEqual([
      `${t['zh-CN']('team:status.server')}：http://127.0.0.1:5984 · 团队数据库 shop · 登录用户 lin`,
      '这台电脑的使用人：（未填写）',
      `上次同步：从未同步（${t['zh-CN']('team:status.paused')}）`,
      '待同步的修改：4',
      `上一个错误：${t['zh-CN']('errors:issue.team_server_error')}（${errorAt}）`,
      '被拒绝：2 项修改仍待同步；第一个原因：forbidden',
    ]);
    expect(lines(['team', 'status'], joined, 'en')).toEqual([
      'server          http://127.0.0.1:5984 · database shop · user lin',
      'this laptop     (no name set)',
      'last sync       never (paused)',
      'pending changes 4',
      `last error      ${t.en('errors:issue.team_server_error')} at ${errorAt}`,
      'refused         2 changes stay pending; first reason: forbidden',
    ]);
    expect(human(['team', 'leave'], { joined: false, identity: '林晓' }, 'zh-CN')).toBe('未加入团队（这台电脑的使用人：林晓）');
    expect(human(['team', 'leave'], { joined: false, identity: null }, 'en')).toBe('not in a team');
    expect(human(['team', 'sync'], { pushed: 3, pulled: 2, conflicts: 1 }, 'zh-CN')).toBe('已上传 3 · 已下载 2 · 已解决冲突 1');
    expect(human(['team', 'sync'], { pushed: 3, pulled: 2, conflicts: 1 }, 'en')).toBe('pushed 3 · pulled 2 · conflicts resolved 1');
  });
});

describe('housekeeping, in both languages', () => {
  it('say a repair', () => {
    const repaired = { activityRows: 360, activityRowsDiffering: 2, orderMonths: 48, followUpMonths: 30 };
    expect(human(['repair'], repaired, 'zh-CN')).toBe('已重建 360 行客户活动数据（其中 2 行与原来保存的不同），以及 48 个月的订单汇总和 30 个月的跟进汇总。');
    expect(human(['repair'], repaired, 'en')).toBe('Rebuilt 360 customer activity rows (2 differed from the kept ones), 48 order months and 30 follow-up months.');
  });

  it('name the classes of a migration as the screens do', () => {
    const moved = { scheme: 'pyramid', fromSnapshot: '2026-10-31', toSnapshot: '2026-11-30', cells: [{ from: 'gold', to: null, count: 2 }] };
    expect(lines(['migration'], moved, 'zh-CN')).toEqual([`${t['zh-CN']('tiers:schemes.pyramid')}：2026-10-31 → 2026-11-30`, expect.stringMatching(new RegExp(`^  ${t['zh-CN']('tiers:classes.gold')} +→ （不在其中） +2$`))]);
    expect(lines(['migration'], moved, 'en')).toEqual(['Customer pyramid: 2026-10-31 → 2026-11-30', expect.stringMatching(/^  Gold +→ \(absent\) +2$/)]);
  });

  it('say an import undone and list the imports by the import screen’s kinds and statuses', () => {
    const undone = { batchId: 'b1', customersRemoved: 3, ordersRemoved: 4, followUpsRemoved: 5, customersRestored: 1 };
    expect(human(['import', 'undo'], undone, 'zh-CN')).toBe('已撤销批次 b1：删除了 3 位客户、4 笔订单、5 条跟进记录；恢复了 1 位客户的资料。');
    expect(human(['import', 'undo'], undone, 'en')).toBe('Undid batch b1: removed 3 customers, 4 orders, 5 follow-ups; restored 1 customer.');
    expect(human(['import', 'undo'], { ...undone, customersRemoved: 1, ordersRemoved: 1, followUpsRemoved: 1, customersRestored: 0 }, 'en')).toBe(
      'Undid batch b1: removed 1 customer, 1 order, 1 follow-up; restored 0 customers.',
    );
    const batch = { id: 'b1', createdAt: '2026-11-30T08:00:00Z', kind: 'followups', fileName: 'a.csv', added: 3, updated: 1, skipped: 0, rejected: 2, status: 'undone' };
    // When it was imported on this computer's clock, to the minute (the stored UTC instant said "T08:00:00Z"): Intl's Swedish form is "YYYY-MM-DD HH:MM".
    const local = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(batch.createdAt));
    expect(human(['import', 'batches'], { batches: [batch] }, 'zh-CN')).toBe(
      `b1  ${local}  ${t['zh-CN']('importing:kind.followups')}  a.csv  新增 3 更新 1 跳过 0 拒绝 2  ${t['zh-CN']('importing:batches.undoneStatus')}`,
    );
    expect(human(['import', 'batches'], { batches: [batch] }, 'en')).toBe(`b1  ${local}  followups  a.csv  +3 ~1 skipped 0 rejected 2  undone`);
    expect(human(['import', 'batches'], { batches: [] }, 'zh-CN')).toBe(`${t['zh-CN']('importing:batches.empty')}。`);
    expect(human(['import', 'batches'], { batches: [] }, 'en')).toBe('No imports yet.');
  });

  it('say an export and whose tiers its columns are', () => {
    expect(human(['export', 'customers'], { rows: 12, path: '/tmp/c.csv', classesAsOf: '2026-11-30' }, 'zh-CN')).toBe('已导出 12 行到 /tmp/c.csv。分级列截至 2026-11-30。');
    expect(human(['export', 'orders'], { rows: 12, path: '/tmp/o.csv', classesAsOf: null }, 'en')).toBe('Exported 12 rows to /tmp/o.csv.');
    expect(human(['export', 'customers'], { rows: 12, path: '/tmp/c.csv', classesAsOf: '2026-11-30' }, 'en')).toBe('Exported 12 rows to /tmp/c.csv. Tier columns as of 2026-11-30.');
  });

  it('say the tier settings read and saved', () => {
    const config = { overrides: { pyramid: { mode: 'shares' } }, effective: { a: 1 } };
    expect(lines(['segment', 'config', 'get'], config, 'zh-CN')).toEqual(['自定义的设置：{"pyramid":{"mode":"shares"}}', '生效的设置：{', '  "a": 1', '}']);
    expect(lines(['segment', 'config', 'get'], config, 'en')[0]).toBe('Overrides: {"pyramid":{"mode":"shares"}}');
    expect(human(['segment', 'config', 'set'], config, 'zh-CN')).toBe('分级设置已保存：{"pyramid":{"mode":"shares"}}');
    expect(human(['segment', 'config', 'set'], config, 'en')).toBe('Tier settings saved: {"pyramid":{"mode":"shares"}}');
  });

  it('say the days after today found and removed', () => {
    const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    expect(human(['segment', 'forget-future'], { today: '2026-11-30', days: [], dryRun: true }, 'zh-CN')).toBe('今天（2026-11-30）之后的日子没有保存任何分级。');
    expect(human(['segment', 'forget-future'], { today: '2026-11-30', days, dryRun: true }, 'zh-CN')).toBe(
      '今天（2026-11-30）之后保存了分级的日子：2026-12-01, 2026-12-02, 2026-12-03, 2026-12-04, 2026-12-05 ……（共 6 天）；去掉 --dry-run 再运行即可删除。',
    );
    expect(human(['segment', 'forget-future'], { today: '2026-11-30', days, dryRun: true }, 'en')).toBe(
      'Stored for days after today (2026-11-30): 2026-12-01, 2026-12-02, 2026-12-03, 2026-12-04, 2026-12-05 … (6 days); run without --dry-run to remove them.',
    );
    expect(human(['segment', 'forget-future'], { today: '2026-11-30', removed: ['2026-12-01'], dryRun: false }, 'zh-CN')).toBe('已删除 2026-12-01 保存的分级；今天（2026-11-30）的分级已保存。');
    expect(human(['segment', 'forget-future'], { today: '2026-11-30', removed: ['2026-12-01'], dryRun: false }, 'en')).toBe("Removed what was stored for 2026-12-01; today's tiers (2026-11-30) are stored.");
  });
});

describe('offers, in both languages', () => {
  const usual = { name: '童装T恤', sku: 'T-01', quantity: 12, amountBaseMinor: 360000, reason: { kind: 'usual', orders: 1, quantity: 12, lastBought: null } };
  const peer = { name: '牛仔裤', sku: null, reason: { kind: 'peers', buyers: 3, peers: 5, share: 0.6 } };
  const offers = {
    customerId: 'c1', scheme: 'pyramid', asOf: '2026-11-30', classKey: 'gold', partition: 'market', group: 'domestic', partitionTag: null, peers: 5, baseCurrency: 'CNY',
    usuallyBuys: [usual], alsoBuy: [peer], spellings: {},
  };

  it('say what a customer buys and what customers like them buy in the Offers tab’s words, never the keys', () => {
    const zhText = t['zh-CN'];
    expect(lines(['offers'], offers, 'zh-CN')).toEqual([
      `${zhText('offering:usual.title')}：`,
      `  童装T恤 [T-01]: ${zhText('offering:reason.usualNoDate', { count: 1, quantity: '12' })}, 3600.00 CNY`,
      `${zhText('offering:peers.title')} · ${zhText('offering:peers.basisGroup', { count: 5, cls: zhText('tiers:classes.gold'), scheme: zhText('tiers:schemes.pyramid'), group: zhText('tierSettings:groups.domestic') })}`,
      `  牛仔裤: ${zhText('offering:reason.peers', { count: 5, buyers: 3, share: '60%' })}`,
    ]);
    const english = lines(['offers'], offers, 'en');
    expect(english).toEqual([
      'Usually buys:',
      '  童装T恤 [T-01]: 1 order, 12 bought, 3600.00 CNY',
      'Customers like them also buy · Like them = the 5 other customers in Gold (Customer pyramid), group Domestic',
      '  牛仔裤: 3 of 5 similar customers buy it (60%)',
    ]);
    expect(lines(['offers'], { ...offers, classKey: null, alsoBuy: [] }, 'zh-CN')[2]).toBe(`${zhText('offering:peers.title')} · ${zhText('offering:peers.noClass')}`);
    expect(lines(['offers'], { ...offers, usuallyBuys: [], alsoBuy: [] }, 'en')).toEqual([
      'Usually buys:', '  No orders with line items yet', expect.stringContaining('Like them'), "  They already buy what customers like them buy, or those customers have no line items yet",
    ]);
  });

  it('list each class’s top products by the class’s name, and say when no class has line items', () => {
    const classes = { scheme: 'pyramid', asOf: '2026-11-30', baseCurrency: 'CNY', classes: [{ classKey: 'gold', customers: 1, products: [{ ...peer, reason: { kind: 'peers', buyers: 1, peers: 1, share: 1 } }] }], spellings: {} };
    expect(lines(['offers', 'classes'], classes, 'en')).toEqual(['Gold (1 customer)', '  牛仔裤: 1 of the 1 customer in this class buys it (100%)']);
    expect(lines(['offers', 'classes'], classes, 'zh-CN')[0]).toBe(`${t['zh-CN']('tiers:classes.gold')}（1 位客户）`);
    const none = { ...classes, classes: [{ classKey: 'gold', customers: 4, products: [] }] };
    expect(human(['offers', 'classes'], none, 'zh-CN')).toBe(`${t['zh-CN']('tiers:schemes.pyramid')}的各层客户都还没有带商品明细的订单。`);
    expect(human(['offers', 'classes'], none, 'en')).toBe('No customer in the classes of Customer pyramid has orders with line items yet.');
  });

  it('prints --json as the offers alone', () => {
    expect(command('offers').json?.({ ...offers, pyramidByPrediction: false, naming: { partition: 'market', customNames: new Map() } } as never)).toEqual(
      (({ spellings: _s, ...rest }) => rest)(offers),
    );
  });
});

describe('restore onto a workspace that would not open, in both languages', () => {
  const restored = {
    restoredFrom: '/shop/backups/tierbook-2026-12-06.sqlite',
    safetyBackup: null,
    summary: { fileName: 'tierbook-2026-12-06.sqlite', fileDate: '2026-12-06T09:00:00.000Z', customers: 40 },
    keptAs: '/shop/tierbook.damaged-2026-12-07-1000.sqlite',
    keptWorkingFiles: [] as string[],
  };
  const withFiles = (...suffixes: string[]) => ({ ...restored, keptWorkingFiles: suffixes.map((suffix) => restored.keptAs + suffix) });

  it('names the -wal and -shm files kept beside it only when there were some', () => {
    expect(restoredOntoUnopenableLine(restored, wordsIn('en'))).toBe(`Restored from ${restored.restoredFrom}; the file that could not be opened is kept as ${restored.keptAs}.`);
    expect(restoredOntoUnopenableLine(restored, wordsIn('zh-CN'))).toBe(`已从 ${restored.restoredFrom} 恢复；无法打开的原文件保留为 ${restored.keptAs}。`);
    expect(restoredOntoUnopenableLine(withFiles('-wal'), wordsIn('en'))).toBe(`Restored from ${restored.restoredFrom}; the file that could not be opened is kept, with its -wal file, as ${restored.keptAs}.`);
    expect(restoredOntoUnopenableLine(withFiles('-wal', '-shm'), wordsIn('en'))).toBe(
      `Restored from ${restored.restoredFrom}; the file that could not be opened is kept, with its -wal and -shm files, as ${restored.keptAs}.`,
    );
    expect(restoredOntoUnopenableLine(withFiles('-wal', '-shm'), wordsIn('zh-CN'))).toBe(`已从 ${restored.restoredFrom} 恢复；无法打开的原文件（连同旁边的 -wal和-shm 文件）保留为 ${restored.keptAs}。`);
  });
});
